import type { Kysely } from 'kysely';

/**
 * A call's title in the other languages (JSON, { fr: { title }, es: { title } }), like the
 * dialogues' translations: what French and Spanish replies name the call by.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calls')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('translations').execute();
}
