import type { Kysely } from 'kysely';

/**
 * Applicants on the web and email as a channel: one-time sign-in codes (only their hash is kept),
 * applicant sessions (separate from admin sessions), a person's verified email (the key that links
 * their Slack, Teams and web identities), whether they want notices by email too, and when each
 * identity was last used (notices go where the person last was).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('sign_in_codes_email_idx').on('sign_in_codes').columns(['email', 'created_at']).execute();
  await db.schema.createIndex('sign_in_codes_client_idx').on('sign_in_codes').columns(['client_key', 'created_at']).execute();

  await db.schema
    .createTable('applicant_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applicant_sessions_expires_idx').on('applicant_sessions').column('expires_at').execute();

  await db.schema.alterTable('people').addColumn('verified_email', 'text').execute();
  await db.schema
    .alterTable('people')
    .addColumn('email_notices', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('people_verified_email_idx').on('people').column('verified_email').unique().execute();
  await db.schema.alterTable('identities').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('people_verified_email_idx').ifExists().execute();
  await db.schema.alterTable('identities').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('people').dropColumn('email_notices').execute();
  await db.schema.alterTable('people').dropColumn('verified_email').execute();
  await db.schema.dropTable('applicant_sessions').ifExists().execute();
  await db.schema.dropTable('sign_in_codes').ifExists().execute();
}
