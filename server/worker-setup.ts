/**
 * What Workers do instead of server/node-setup.ts: D1 through kysely-d1 and the batch port, the
 * seed for an empty database (wrangler applies the migrations, never a request), the first
 * admin, and the adapters and sub-apps that run on Workers. Web APIs only.
 */
import type { Hono } from 'hono';
import { Kysely, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { D1Database, Fetcher } from '@cloudflare/workers-types';
import type { Database } from '../db/schema';
import { d1Atomic, type Atomic } from '../db/atomic';
import { seedIfEmpty } from '../db/seed';
import { call2023 } from '../db/seed-data/call-2023';
import type { Clock } from '../domain/clock';
import type { PlatformAdapter } from '../bot/core/adapter';
import type { ScriptSource } from '../bot/teams/tab';
import { createAdminApp, ensureFirstAdmin } from '../admin';
import { adminDeps } from './admin-deps';
import { createSlackInstallApp } from './slack-install';
import { createWorkerSmtpTransport } from '../bot/email/smtp-worker';
import { emailAdapter, slackAdapter, teamsAdapter, webApp } from './adapters';
import type { AppRoot } from './root';
import type { Logger } from './log';
import { errorMessage } from '../lib/errors';

/** The Worker's bindings (wrangler.toml): the D1 database, static assets, and vars/secrets as strings. */
export interface WorkerEnv {
  DB: D1Database;
  /** The TeamsJS browser bundle, served to the Teams tab pages. */
  ASSETS?: Fetcher;
  [name: string]: unknown;
}

export interface D1Handle {
  db: Kysely<Database>;
  atomic: Atomic;
}

/** Kysely on D1 (no transactions there) and the atomic-write port as one D1 batch. */
export function openD1(d1: D1Database): D1Handle {
  const db = new Kysely<Database>({ dialect: d1Dialect(d1) });
  return { db, atomic: d1Atomic(d1, db) };
}

/**
 * kysely-d1 0.4 also returns the field Kysely renamed to numAffectedRows, and Kysely then logs an
 * "outdated driver" warning on every new isolate; the connection here passes everything else on.
 */
function d1Dialect(d1: D1Database): Dialect {
  const inner = new D1Dialect({ database: d1 });
  const wrap = (conn: DatabaseConnection): DatabaseConnection => ({
    async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
      const { numUpdatedOrDeletedRows: _old, ...result }: QueryResult<R> & { numUpdatedOrDeletedRows?: unknown } =
        await conn.executeQuery<R>(q);
      return result;
    },
    streamQuery: (q, chunkSize) => conn.streamQuery(q, chunkSize),
  });
  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver(): Driver {
      const driver = inner.createDriver();
      return {
        init: () => driver.init(),
        acquireConnection: async () => wrap(await driver.acquireConnection()),
        beginTransaction: (conn, settings) => driver.beginTransaction(conn, settings),
        commitTransaction: (conn) => driver.commitTransaction(conn),
        rollbackTransaction: (conn) => driver.rollbackTransaction(conn),
        releaseConnection: (conn) => driver.releaseConnection(conn),
        destroy: () => driver.destroy(),
      };
    },
  };
}

/** The environment loadConfig reads: the string vars and secrets, not the bindings. */
export function configEnv(env: WorkerEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * First use of a database: the 2023 call when it is empty. The schema must already be there
 * (`wrangler d1 migrations apply`); a missing table fails here with a message that says so.
 */
export async function prepareD1(p: { db: Kysely<Database>; atomic: Atomic; clock: Clock; log: Logger }): Promise<void> {
  let seeded: boolean;
  try {
    seeded = await seedIfEmpty(p.db, call2023, p.clock.now().toISOString(), p.atomic);
  } catch (err) {
    if (/no such table/i.test(errorMessage(err) ?? '')) {
      throw new Error(
        'The D1 database has no tables yet. Run: npx wrangler d1 migrations apply DB --remote (or --local for wrangler dev)',
        { cause: err },
      );
    }
    throw err;
  }
  if (seeded) p.log.info('seeded', { from: 'call-2023' });
}

/** Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD when there is none. */
export async function prepareAdmin(deps: AppRoot): Promise<void> {
  const outcome = await ensureFirstAdmin(adminDeps(deps));
  if (outcome === 'created' || outcome === 'promoted') deps.log.info('first_admin', { outcome });
}

/** TeamsJS from the static assets binding; null (the tab pages then load without it) when absent. */
export function assetScript(assets: Fetcher | undefined, path: string): ScriptSource {
  return async () => {
    if (!assets) return null;
    const res = await assets.fetch(`https://assets.invalid/${path}`);
    return res.ok ? res.text() : null;
  };
}

/** Slack over HTTP (Socket Mode needs a long-lived WebSocket client: Node only) and Teams. */
export function workerAdapters(env: WorkerEnv): ((root: AppRoot) => PlatformAdapter | null)[] {
  return [
    (deps) => {
      if (!deps.config.slackEnabled) return null;
      if (!deps.config.SLACK_SIGNING_SECRET) {
        deps.log.warn('slack.socket_mode_not_on_workers', { hint: 'set SLACK_SIGNING_SECRET and the request URL /slack/events' });
      }
      return slackAdapter(deps);
    },
    (deps) => (deps.config.teamsEnabled ? teamsAdapter(deps, { teamsJs: assetScript(env.ASSETS, 'MicrosoftTeams.min.js') }) : null),
    (deps) => emailAdapter(deps, (url) => createWorkerSmtpTransport({ url })),
  ];
}

export const workerApps: ((root: AppRoot) => Hono)[] = [
  (root) => createAdminApp(adminDeps(root)),
  webApp,
  (root) => createSlackInstallApp(root),
];
