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
import { createSocketConnection } from '../bot/slack/socket';
import type { SlackAdapter, SlackAdapterOptions } from '../bot/slack';
import { verifySlackSignatureSync } from './node-slack-verify';
import { createAdminApp, ensureFirstAdmin } from '../admin';
import { adminDeps } from './admin-deps';
import { createSlackInstallApp } from './slack-install';
import { createNodemailerTransport } from '../bot/email/smtp-node';
import { emailAdapter, slackAdapter, teamsAdapter, webApp } from './adapters';
import type { Built } from './app';
import type { Config } from './config';
import type { AppRoot } from './root';
import type { Logger } from './log';

export async function prepareDatabase(p: {
  config: Config;
  db: Kysely<Database>;
  atomic: Atomic;
  clock: Clock;
  log: Logger;
}): Promise<void> {
  const applied = await migrateToLatest(p.db);
  if (applied.length) p.log.info('migrated', { migrations: applied });
  const seeded = await seedIfEmpty(p.db, call2023, p.clock.now().toISOString(), p.atomic);
  if (seeded) p.log.info('seeded', { from: 'call-2023' });
}

/**
 * Node's adapters. `slack` adds to the Slack adapter's options (the answer thread's hand-off) and
 * is told the instance built (the answer thread answers through it).
 */
export const nodeAdaptersWith = (
  slack: { options?: SlackAdapterOptions; built?: (adapter: SlackAdapter) => void } = {},
): ((root: AppRoot) => PlatformAdapter | null)[] => [
  (root) => {
    if (!root.config.slackEnabled) return null;
    const adapter = slackAdapter(root, { socket: createSocketConnection, verify: verifySlackSignatureSync, ...slack.options });
    slack.built?.(adapter);
    return adapter;
  },
  (root) =>
    root.config.teamsEnabled || root.config.TEAMS_DEV_PLAYGROUND
      ? teamsAdapter(root, { devPlayground: root.config.TEAMS_DEV_PLAYGROUND })
      : null,
  (root) => emailAdapter(root, (url) => createNodemailerTransport({ url })),
];

export const nodeAdapters = nodeAdaptersWith();

export const nodeApps: ((root: AppRoot) => Hono)[] = [
  (root) => createAdminApp(adminDeps(root)),
  webApp,
  (root) => createSlackInstallApp(root),
];

/** After the app is built: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none. */
export async function prepareApp(built: Built): Promise<void> {
  const admin = await ensureFirstAdmin(adminDeps(built.deps));
  if (admin === 'created' || admin === 'promoted') built.deps.log.info('first_admin', { result: admin });
}
