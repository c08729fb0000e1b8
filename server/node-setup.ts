/**
 * What a runtime does before serving: migrations, the seed for an empty database, the first
 * admin; and which platform adapters and sub-apps exist. Shared by Node and the tests (and,
 * without the Node-only parts, by Workers).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Atomic } from '../db/atomic';
import { migrateToLatest } from '../db/migrate';
import { seedIfEmpty } from '../db/seed';
import { call2023 } from '../db/seed-data/call-2023';
import type { Clock } from '../domain/clock';
import type { PlatformAdapter } from '../bot/core/adapter';
import type { Hono } from 'hono';
import { createSlackAdapter } from '../bot/slack';
import { createSocketConnection } from '../bot/slack/socket';
import { createTeamsAdapter } from '../bot/teams';
import { createAdminApp, ensureFirstAdmin } from '../admin';
import { adminDeps } from './admin-deps';
import { createSlackInstallApp } from './slack-install';
import { createEmailAdapter } from '../bot/email';
import { createNodemailerTransport } from '../bot/email/smtp-node';
import { createWebApp } from '../bot/web';
import type { Built } from './app';
import type { Config } from './config';
import type { AppDeps } from './deps';
import type { Logger } from './log';

export async function prepareDatabase(p: { config: Config; db: Kysely<Database>; atomic: Atomic; clock: Clock; log: Logger }): Promise<void> {
  const applied = await migrateToLatest(p.db);
  if (applied.length) p.log.info('migrated', { migrations: applied });
  const seeded = await seedIfEmpty(p.db, call2023, p.clock.now().toISOString(), p.atomic);
  if (seeded) p.log.info('seeded', { from: 'call-2023' });
}

export const nodeAdapters: ((deps: AppDeps) => PlatformAdapter | null)[] = [
  (deps) => (deps.config.slackEnabled ? createSlackAdapter(deps, { socket: createSocketConnection }) : null),
  (deps) => (deps.config.teamsEnabled || deps.config.TEAMS_DEV_PLAYGROUND
    ? createTeamsAdapter(deps, { devPlayground: deps.config.TEAMS_DEV_PLAYGROUND })
    : null),
  (deps) => createEmailAdapter(deps, (url) => createNodemailerTransport({ url })),
];

export const nodeApps: ((deps: AppDeps) => Hono)[] = [(deps) => createAdminApp(adminDeps(deps)), createWebApp, (deps) => createSlackInstallApp(deps)];

/** After the app is built: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none. */
export async function prepareApp(built: Built): Promise<void> {
  const admin = await ensureFirstAdmin(adminDeps(built.deps));
  if (admin === 'created' || admin === 'promoted') built.deps.log.info('first_admin', { result: admin });
}
