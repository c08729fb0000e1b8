import type { Kysely } from 'kysely';

/**
 * The catalogue in several languages. FAQ entries get one row per translated locale (English
 * stays in faq_entries as the reference text), so a missing translation is a missing row the
 * admin panel can list. Dialogues get their other names (aliases, a JSON list, any language)
 * and their names, place and notes per locale (JSON), edited with the dialogue itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('faq_translations')
    .addColumn('faq_id', 'text', (c) => c.notNull().references('faq_entries.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('faq_translations_pk', ['faq_id', 'locale'])
    .execute();
  await db.schema
    .alterTable('dialogues')
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('dialogues')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dialogues').dropColumn('translations').execute();
  await db.schema.alterTable('dialogues').dropColumn('aliases').execute();
  await db.schema.dropTable('faq_translations').ifExists().execute();
}
