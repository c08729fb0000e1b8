import type { Kysely } from 'kysely';

/**
 * Retention: how many months after its last dialogue a call keeps personal data (12 unless the
 * secretariat sets otherwise), and when an application's or a person's personal fields were
 * erased, so the job and a repeated request skip what is already done.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calls')
    .addColumn('retention_months', 'integer', (c) => c.notNull().defaultTo(12))
    .execute();
  await db.schema.alterTable('applications').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('erased_at', 'text').execute();
  // The retention job looks for a call's applications not yet erased.
  await db.schema.createIndex('applications_call_erased_idx').on('applications').columns(['call_id', 'erased_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_call_erased_idx').ifExists().execute();
  await db.schema.alterTable('people').dropColumn('erased_at').execute();
  await db.schema.alterTable('applications').dropColumn('erased_at').execute();
  await db.schema.alterTable('calls').dropColumn('retention_months').execute();
}
