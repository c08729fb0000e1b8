/**
 * The composition root: everything the product is, built from a database, a clock and a config.
 * Node (server/node.ts), Workers (server/worker.ts) and the tests all start here.
 */
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Atomic } from '../db/atomic';
import { createStore } from '../db/store';
import { AppError, statusOf } from '../domain/errors';
import type { Clock } from '../domain/clock';
import type { Platform } from '../domain/types';
import type { PlatformAdapter } from '../bot/core/adapter';
import type { Sender } from '../bot/core/sender';
import { createEngine } from '../bot/core/engine';
import { PLAYGROUND_REVIEWERS } from '../bot/playground';
import { playgroundAdapter, privacyNoticeApp } from './adapters';
import { createOutboxWorker, type OutboxWorker } from './jobs/outbox';
import { runScheduled } from './jobs/scheduled';
import { runRetention } from './jobs/retention';
import { resealTokens } from './jobs/token-keys';
import { homePage } from './home-page';
import type { Config } from './config';
import { bodyLimits } from './limits';
import type { AppRoot, Waits } from './root';
import type { Logger } from './log';
import { createMemoryMetrics } from './metrics/memory';
import { metricsRoutes } from './metrics/routes';
import type { Metrics } from './metrics/types';

/**
 * Someone the admin panel knows by this email with an admin or secretariat role. The email comes
 * from the platform's own profile (Slack users.info), never from what a person typed.
 */
async function hasSecretariatRole(db: Kysely<Database>, email: string | undefined): Promise<boolean> {
  if (!email) return false;
  const row = await db
    .selectFrom('admin_users')
    .select('id')
    .where((e) => e(e.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .where('role', 'in', ['admin', 'secretariat'])
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return !!row;
}

export interface AppBase {
  config: Config;
  db: Kysely<Database>;
  atomic: Atomic;
  clock: Clock;
  log: Logger;
  /** How work after the response runs on this runtime (tracked promise, ctx.waitUntil). */
  background: (task: () => Promise<unknown>) => void;
  /** Batch outbox kicks within this many ms (Node); 0 runs each at once (Workers, tests). */
  kickDelayMs?: number;
  /** Platform adapters beyond the playground, built from the finished deps. */
  adapters?: ((root: AppRoot) => PlatformAdapter | null)[];
  /** Sub-apps mounted at "/" after the adapters (the admin panel). */
  apps?: ((root: AppRoot) => Hono)[];
  /** The metrics recorder: prom-client on Node; JSON from memory by default (Workers). */
  metrics?: Metrics;
  /** Shorter waits than the platforms' limits (tests). */
  waits?: Waits;
}

/** Whether calls get the playground as a review channel: only when it is the only surface. */
export function playgroundReviews(config: Config): boolean {
  return config.PLAYGROUND && !config.slackEnabled && !config.teamsEnabled;
}

export interface Built {
  app: Hono;
  deps: AppRoot;
  adapters: PlatformAdapter[];
  outbox: OutboxWorker;
  scheduled(): Promise<void>;
}

const ACK_PATHS: Record<string, string> = { '/slack/events': 'slack', '/api/messages': 'teams' };

export function buildApp(base: AppBase): Built {
  const { config, db, atomic, clock, log } = base;
  const store = createStore(db, atomic, clock);
  const metrics = base.metrics ?? createMemoryMetrics();
  const adapters = new Map<Platform, PlatformAdapter>();
  const senders = new Map<Platform, Sender>();
  // The outbox worker is created first so that the engine's kicks can reach it; it only looks up
  // the senders when it runs.
  const outbox = createOutboxWorker({
    db,
    clock,
    log: log.child({ job: 'outbox' }),
    senders: () => senders,
    metrics,
    ...(base.waits?.outboxRecordRetryMs !== undefined ? { recordRetryMs: base.waits.outboxRecordRetryMs } : {}),
  });

  // Through `background` so that Workers keep the delivery alive after the response (waitUntil)
  // and Node's graceful shutdown waits for it. With a delay, kicks within it share one run: under
  // load, a run per event would be a write per event for nothing.
  let kickPending = false;
  const kickOutbox = () => {
    if (!base.kickDelayMs) return base.background(() => outbox.runOnce());
    if (kickPending) return;
    kickPending = true;
    const timer = setTimeout(() => {
      kickPending = false;
      base.background(() => outbox.runOnce());
    }, base.kickDelayMs);
    // On Node a waiting kick must not keep the process alive; Workers' timers are plain numbers.
    if (typeof timer === 'object' && 'unref' in timer && typeof timer.unref === 'function') timer.unref();
  };

  const engine = createEngine({
    store,
    clock,
    log,
    deliverSoon: kickOutbox,
    isReviewer: async (actor, channels) =>
      (await adapters.get(actor.platform)?.isReviewer(
        actor,
        channels.filter((c) => c.platform === actor.platform),
      )) ?? false,
    deliverFile: async (actor, file) => (await adapters.get(actor.platform)?.deliverFile?.(actor, file)) ?? { kind: 'unavailable' },
    isSecretariat: async (actor, channels) =>
      (channels.length > 0 &&
        ((await adapters.get(actor.platform)?.isReviewer(
          actor,
          channels.filter((c) => c.platform === actor.platform),
        )) ??
          false)) ||
      hasSecretariatRole(db, actor.email),
    reviewDefaults: {
      ...(config.SLACK_REVIEW_CHANNEL ? { slack: config.SLACK_REVIEW_CHANNEL } : {}),
      ...(config.TEAMS_REVIEW_CONVERSATION ? { teams: config.TEAMS_REVIEW_CONVERSATION } : {}),
      // A playground review channel only where no real platform is: next to Slack or Teams, calls
      // must not send their cards (and decision rights) to an anonymous page.
      ...(playgroundReviews(config) ? { playground: PLAYGROUND_REVIEWERS } : {}),
    },
    reviewZone: 'Europe/Vienna',
    reviewLocale: config.REVIEW_LOCALE ?? 'en',
  });

  const deps: AppRoot = {
    config,
    db,
    atomic,
    store,
    clock,
    log,
    engine,
    metrics,
    background: base.background,
    kickOutbox,
    ...(base.waits ? { waits: base.waits } : {}),
  };

  const factories = [...(base.adapters ?? []), ...(config.PLAYGROUND ? [playgroundAdapter] : [])];
  for (const make of factories) {
    const adapter = make(deps);
    if (!adapter) continue;
    adapters.set(adapter.platform, adapter);
    senders.set(adapter.platform, adapter.sender);
  }

  const app = new Hono();
  app.use(
    '*',
    bodyLimits((path, limit) => log.warn('request_too_large', { path, limit })),
  );
  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    const started = Date.now();
    c.header('x-request-id', requestId);
    await next();
    // Acknowledgements are the platform requests answered in time: Slack's 3 s, Teams' response.
    const platform = ACK_PATHS[c.req.path];
    if (platform && c.req.method === 'POST' && c.res.status < 400) metrics.eventAcknowledged(platform, (Date.now() - started) / 1000);
    log.debug('request', { requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Date.now() - started });
  });

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ status: 'ok', time: clock.now().toISOString(), platforms: [...adapters.keys()], playground: config.PLAYGROUND });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  app.get('/', (c) => homePage(c, { apply: config.WEB_APPLY, playground: config.PLAYGROUND }));
  app.route('/', privacyNoticeApp(deps));

  app.route('/', metricsRoutes(deps));
  for (const adapter of adapters.values()) if (adapter.routes) app.route('/', adapter.routes);
  for (const make of base.apps ?? []) app.route('/', make(deps));

  app.notFound((c) => c.json({ error: 'not_found', message: 'There is nothing at this address.' }, 404));
  app.onError((err, c) => {
    if (err instanceof AppError) {
      log.warn('request_refused', { kind: err.kind, code: err.code, path: c.req.path });
      return c.json({ error: err.code, message: err.message }, statusOf(err.kind));
    }
    const status = 'status' in err ? err.status : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return c.json({ error: 'bad_request', message: err.message }, status as 400);
    }
    log.error('request_failed', { path: c.req.path, error: err });
    return c.json({ error: 'internal', message: 'Something went wrong on our side. Nothing you sent was lost; please try again.' }, 500);
  });

  return {
    app,
    deps,
    adapters: [...adapters.values()],
    outbox,
    scheduled: async () => {
      try {
        await runScheduled({ db, atomic, store, clock, log: log.child({ job: 'scheduled' }) });
        metrics.jobRun('scheduled', true);
      } catch (err) {
        metrics.jobRun('scheduled', false);
        throw err;
      } finally {
        // Its own job: a failing reminder must not keep personal data past its time, nor the reverse.
        await runRetention({ db, atomic, clock, log: log.child({ job: 'retention' }), metrics }).catch((err) =>
          log.error('retention_failed', { error: err }),
        );
        await resealTokens(config, db, log).catch((err) => log.error('token_reseal_failed', { error: err }));
      }
    },
  };
}
