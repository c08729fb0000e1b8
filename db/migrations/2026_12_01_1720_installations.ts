import type { Kysely } from 'kysely';

/**
 * Installations of the bot in other organisations' Slack workspaces (or Enterprise Grid orgs) and
 * Teams tenants, and the OAuth `state` values handed out by the Slack install page.
 * - `installations.id` is "<platform>:<key>": for Slack the workspace id (`T…`), or the org id
 *   (`E…`) for an org-wide install; for Teams the tenant id. One row, hence one token, per key.
 * - `token_enc` is the bot token encrypted at rest (JWE, see db/secrets.ts); null once the app
 *   was uninstalled or its tokens revoked, and always null for Teams (the connector token is
 *   fetched per tenant, never stored).
 * - `oauth_states.id` is the SHA-256 of a state value, never the value: a copy of the table
 *   cannot be replayed. A row is deleted when used, so a state works once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('installations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('is_enterprise_install', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('team_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bot_user_id', 'text')
    .addColumn('app_id', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('token_enc', 'text')
    .addColumn('installed_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('status_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('installations_team_idx').on('installations').columns(['platform', 'team_id']).execute();
  await db.schema
    .createTable('oauth_states')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oauth_states').ifExists().execute();
  await db.schema.dropIndex('installations_team_idx').ifExists().execute();
  await db.schema.dropTable('installations').ifExists().execute();
}
