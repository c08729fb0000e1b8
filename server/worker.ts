/**
 * Cloudflare Workers entry: the same buildApp as Node, on D1. The app is built once per isolate,
 * on its first request or cron run; migrations are applied by wrangler beforehand, never here.
 * Work after the ack runs under ctx.waitUntil; a Cron Trigger runs the scheduled jobs and
 * delivers what is due in the outbox. Slack Socket Mode is Node-only: on Workers Slack uses
 * its request URL (POST /slack/events).
 */
import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { buildApp, type Built } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, type Logger } from './log';
import { configEnv, openD1, prepareAdmin, prepareD1, workerAdapters, workerApps, type WorkerEnv } from './worker-setup';
import { shiftedClock, systemClock } from '../domain/clock';
import { errorMessage } from '../lib/errors';

export type { WorkerEnv } from './worker-setup';

export interface WorkerInstance {
  built: Built;
  log: Logger;
  /** Resolves when every background task started so far (and any they start) has finished. */
  settle(): Promise<void>;
}

let instance: Promise<WorkerInstance> | null = null;

async function create(env: WorkerEnv): Promise<WorkerInstance> {
  if (!env.DB) throw new ConfigError(['DB: no D1 binding named DB (see [[d1_databases]] in wrangler.toml)']);
  const config = loadConfig(configEnv(env));
  const log = createLogger(config.LOG_LEVEL);
  // Every isolate starts DIALOGUES_CLOCK afresh: fine for demos and tests, not for production.
  const clock = config.DIALOGUES_CLOCK ? shiftedClock(new Date(config.DIALOGUES_CLOCK)) : systemClock;
  const { db, atomic } = openD1(env.DB);
  await prepareD1({ db, atomic, clock, log });

  // Tasks are started at once and tracked here; each request hands settle() to ctx.waitUntil,
  // so a task outlives the response that started it but not the isolate's permission to run.
  const pending = new Set<Promise<unknown>>();
  const background = (task: () => Promise<unknown>) => {
    const p: Promise<unknown> = Promise.resolve()
      .then(task)
      .catch((err) => log.error('background_failed', { error: err }))
      .finally(() => pending.delete(p));
    pending.add(p);
  };
  const settle = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };

  const built = buildApp({ config, db, atomic, clock, log, background, adapters: workerAdapters(env), apps: workerApps });
  await prepareAdmin(built.deps);
  log.info('worker_ready', { clock: config.DIALOGUES_CLOCK ?? 'system', platforms: built.adapters.map((a) => a.platform) });
  return { built, log, settle };
}

/** The isolate's app, built on first use; a failed build is retried by the next request. */
export function workerInstance(env: WorkerEnv): Promise<WorkerInstance> {
  instance ??= create(env).catch((err) => {
    instance = null;
    throw err;
  });
  return instance;
}

function startFailed(err: unknown): Response {
  const config = err instanceof ConfigError;
  console.error(JSON.stringify({ level: 'error', msg: config ? 'config_invalid' : 'start_failed', error: errorMessage(err) }));
  return Response.json(
    {
      error: config ? 'misconfigured' : 'unavailable',
      message: 'The service is not configured correctly yet. The operator has been told in the logs.',
    },
    { status: 503 },
  );
}

export async function fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
  let running: WorkerInstance;
  try {
    running = await workerInstance(env);
  } catch (err) {
    return startFailed(err);
  }
  try {
    return await running.built.app.fetch(request, env, ctx);
  } finally {
    ctx.waitUntil(running.settle());
  }
}

/** Cron Trigger (every minute): reminders and call-opened notices, then outbox delivery and retries. */
export async function scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
  const running = await workerInstance(env);
  const { built, log } = running;
  try {
    await built.scheduled();
  } catch (err) {
    log.error('scheduled_failed', { error: err });
  }
  try {
    const delivered = await built.outbox.drain();
    if (delivered) log.info('cron_outbox', { handled: delivered });
  } catch (err) {
    log.error('outbox_drain_failed', { error: err });
  }
  ctx.waitUntil(running.settle());
}

export default { fetch, scheduled };
