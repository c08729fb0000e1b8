import type { Kysely } from 'kysely';
import { createApplicationsTables } from './initial/applications';
import { createCatalogTables } from './initial/catalog';
import { createOperationsTables } from './initial/operations';

// Migrations take Kysely<any>: they describe the schema as it was on their date, not as it is now.
export async function up(db: Kysely<any>): Promise<void> {
  await createCatalogTables(db);
  await createApplicationsTables(db);
  await createOperationsTables(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'review_channels',
    'conversations',
    'subscriptions',
    'settings',
    'login_attempts',
    'admin_sessions',
    'admin_users',
    'audit_log',
    'outbox',
    'processed_events',
    'conversation_state',
    'decisions',
    'application_events',
    'representatives',
    'application_dialogues',
    'applications',
    'organisations',
    'identities',
    'people',
    'unanswered_questions',
    'faq_entries',
    'call_dialogues',
    'calls',
    'dialogues',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
