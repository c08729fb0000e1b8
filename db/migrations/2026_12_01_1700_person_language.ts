import type { Kysely } from 'kysely';

/**
 * Languages. A person's: the language they read and where it came from — their own choice beats
 * the platform's locale, which beats the language their messages are written in; keeping the
 * source lets a later platform locale or message refine a guess without overriding a choice.
 * A reviewer channel's: the language its cards are written in (null: the deployment's default).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('locale', 'text').execute();
  await db.schema.alterTable('people').addColumn('locale_source', 'text').execute();
  await db.schema.alterTable('review_channels').addColumn('locale', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_channels').dropColumn('locale').execute();
  await db.schema.alterTable('people').dropColumn('locale_source').execute();
  await db.schema.alterTable('people').dropColumn('locale').execute();
}
