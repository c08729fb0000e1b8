/**
 * The whole product on a temporary SQLite file, for tests: the same buildApp as `npm start`,
 * a manual clock, and a way to run the outbox worker and scheduled jobs on demand. `restart()`
 * closes everything and builds a new app on the same file, as a process restart would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteHandle } from '../../db/connect-node';
import { manualClock } from '../../domain/clock';
import { buildApp, type Built } from '../../server/app';
import type { Waits } from '../../server/root';
import { createBackgroundQueue } from '../../server/background';
import { loadConfig, type Config } from '../../server/config';
import { createLogger, silentLogger, type Logger } from '../../server/log';
import { nodeAdapters, nodeApps, prepareApp, prepareDatabase } from '../../server/node-setup';
import { createPromMetrics } from '../../server/metrics/prom';

export interface TestAppOptions {
  env?: Record<string, string>;
  /** ISO instant the manual clock starts at; default 20 January 2023, 09:00 UTC (call open). */
  now?: string;
  /** Reuse a database file (restart tests). */
  dir?: string;
  log?: Logger;
  /** How long SQLite waits for another connection's lock (production default: 5 s). */
  busyTimeoutMs?: number;
  /** Shorter waits than the platforms' limits, for tests that would otherwise sit through them. */
  waits?: Waits;
}

export interface TestApp {
  built: Built;
  app: Built['app'];
  deps: Built['deps'];
  config: Config;
  clock: ReturnType<typeof manualClock>;
  dir: string;
  dbFile: string;
  /** Runs every background task started so far (work after acks) to completion. */
  settle(): Promise<void>;
  /** Delivers everything due in the outbox. */
  drainOutbox(): Promise<number>;
  restart(): Promise<TestApp>;
  close(opts?: { keepFiles?: boolean }): Promise<void>;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'dialogue-desk-'));
  const dbFile = join(dir, 'test.sqlite');
  // Admin passwords hashed at scrypt's lowest accepted cost: tests sign in hundreds of times and
  // check who may sign in, not how hard a stolen hash is to crack (a test may ask for more).
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `file:${dbFile}`,
    PASSWORD_HASH_COST: '10',
    ...opts.env,
  });
  const log = opts.log ?? (process.env.TEST_LOG ? createLogger('debug') : silentLogger);
  const clock = manualClock(new Date(opts.now ?? '2023-01-20T09:00:00Z'));
  const sqlite: SqliteHandle = openSqlite(
    config.DATABASE_URL,
    opts.busyTimeoutMs !== undefined ? { busyTimeoutMs: opts.busyTimeoutMs } : {},
  );
  await prepareDatabase({ config, db: sqlite.db, atomic: sqlite.atomic, clock, log });

  const queue = createBackgroundQueue((err) => log.error('background_failed', { error: err as Error }));
  const background = (task: () => Promise<unknown>) => queue.run(task);
  const built = buildApp({
    config,
    db: sqlite.db,
    atomic: sqlite.atomic,
    clock,
    log,
    background,
    adapters: nodeAdapters,
    apps: nodeApps,
    metrics: createPromMetrics({ processMetrics: false }),
    ...(opts.waits ? { waits: opts.waits } : {}),
  });
  await prepareApp(built);

  const settle = () => queue.idle();
  const close = async (o: { keepFiles?: boolean } = {}) => {
    await settle();
    await built.outbox.stop();
    for (const a of built.adapters) await a.stop?.();
    await sqlite.close();
    if (!o.keepFiles && !opts.dir) rmSync(dir, { recursive: true, force: true });
  };
  const testApp: TestApp = {
    built,
    app: built.app,
    deps: built.deps,
    config,
    clock,
    dir,
    dbFile,
    settle,
    async drainOutbox() {
      await settle();
      return built.outbox.drain();
    },
    async restart() {
      await close({ keepFiles: true });
      const next = await createTestApp({ ...opts, dir, now: clock.now().toISOString() });
      return next;
    },
    close,
  };
  return testApp;
}
