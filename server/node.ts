/**
 * Node entry: `npm start`. Reads and checks the configuration, opens (and migrates, and seeds)
 * the SQLite database, serves HTTP, runs the outbox worker and the scheduled jobs, and shuts
 * down gracefully: in-flight work after acks is awaited before the database closes.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError, type Config } from './config';
import { createLogger, type Logger } from './log';
import { buildApp, type Built } from './app';
import { createBackgroundQueue } from './background';
import { nodeAdaptersWith, nodeApps, prepareApp, prepareDatabase } from './node-setup';
import { ANSWER_THREAD_ROLE, answerThreadWorker, createAnswerThread, type AnswerThread, type AnswerThreadData } from './node-answer-thread';
import { runAnswerThread } from './node-answers';
import type { SlackAdapter } from '../bot/slack';
import type { AckedEvent } from '../bot/slack/runtime';
import { openSqlite, sqlitePath } from '../db/connect-node';
import { scheduleBackups } from './node-backup';
import { writeServerLock } from './node-lock';
import { createPromMetrics } from './metrics/prom';
import { shiftedClock, systemClock } from '../domain/clock';
import { errorMessage } from '../lib/errors';
import { useScrypt } from '../admin/auth/password';
import { nodeScrypt } from './node-scrypt';

export interface RunningServer {
  built: Built;
  port: number;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  useScrypt(nodeScrypt);
  const clock = config.DIALOGUES_CLOCK ? shiftedClock(new Date(config.DIALOGUES_CLOCK)) : systemClock;
  const sqlite = openSqlite(config.DATABASE_URL);
  await prepareDatabase({ config, db: sqlite.db, atomic: sqlite.atomic, clock, log });

  const queue = createBackgroundQueue((err) => log.error('background_failed', { error: err }));
  const background = (task: () => Promise<unknown>) => queue.run(task);

  const metrics = createPromMetrics();
  // Slack events are answered in a worker thread when this is the built server (see
  // node-answer-thread.ts); otherwise on this thread's background queue.
  const startThread = config.slackEnabled && config.SLACK_ANSWER_THREAD ? answerThreadWorker(import.meta.url, config) : null;
  let slack: SlackAdapter | null = null;
  let answers: AnswerThread | null = null;
  const answerHere = (event: AckedEvent) => background(async () => slack?.answerAcked(event));
  const built = buildApp({
    config,
    db: sqlite.db,
    atomic: sqlite.atomic,
    clock,
    log,
    background,
    kickDelayMs: 25,
    adapters: nodeAdaptersWith({
      ...(startThread ? { options: { handOff: (event: AckedEvent) => (answers ? answers.handOff(event) : answerHere(event)) } } : {}),
      built: (adapter) => {
        slack = adapter;
      },
    }),
    apps: nodeApps,
    metrics,
  });
  await prepareApp(built);
  if (startThread) answers = createAnswerThread({ start: startThread, inline: answerHere, metrics, log });
  built.outbox.start(1_000);
  const scheduledTimer = setInterval(() => void built.scheduled().catch((err) => log.error('scheduled_failed', { error: err })), 60_000);
  void built.scheduled().catch((err) => log.error('scheduled_failed', { error: err }));
  for (const a of built.adapters) await a.start?.();

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: built.app.fetch, hostname: config.HOST, port: config.PORT }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const dbPath = sqlitePath(config.DATABASE_URL);
  const onDisk = dbPath !== ':memory:';
  // Tells `npm run restore` that this database is in use.
  const releaseLock = onDisk
    ? writeServerLock(dbPath, { pid: process.pid, host: config.HOST, port, startedAt: new Date().toISOString() })
    : () => {};
  const backups =
    onDisk && config.BACKUP_DIR
      ? scheduleBackups({
          dbPath,
          dir: config.BACKUP_DIR,
          everyHours: config.BACKUP_EVERY_HOURS,
          keep: config.BACKUP_KEEP,
          metrics,
          log: log.child({ job: 'backup' }),
        })
      : null;
  void backups?.runDue();
  log.info('listening', {
    url: `http://${config.HOST}:${port}`,
    clock: config.DIALOGUES_CLOCK ?? 'system',
    platforms: built.adapters.map((a) => a.platform),
    playground: config.PLAYGROUND,
  });
  if (config.PLAYGROUND && (config.slackEnabled || config.teamsEnabled)) {
    log.warn('playground_next_to_platforms', {
      hint: 'PLAYGROUND=true lets anyone use /playground; its reviewer decides only playground applications',
    });
  }

  let closing: Promise<void> | null = null;
  return {
    built,
    port,
    close() {
      closing ??= (async () => {
        clearInterval(scheduledTimer);
        backups?.stop();
        await new Promise<void>((r) => server.close(() => r()));
        for (const a of built.adapters) await a.stop?.();
        await answers?.close();
        await queue.idle();
        await built.outbox.stop();
        await sqlite.close();
        releaseLock();
        log.info('stopped');
      })();
      return closing;
    },
  };
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const running = await startServer(config, log);
  const shutdown = (signal: string) => {
    log.info('shutting_down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

// The same bundle is the answer thread's entry (node-answer-thread.ts). Otherwise: started
// directly (npm start), not imported by a test.
if (!isMainThread && parentPort && (workerData as AnswerThreadData | null)?.role === ANSWER_THREAD_ROLE) {
  runAnswerThread(parentPort, workerData as AnswerThreadData);
} else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(JSON.stringify({ level: 'error', msg: 'start_failed', error: errorMessage(err) }));
    process.exit(1);
  });
}
