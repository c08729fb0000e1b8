import type { Kysely } from 'kysely';

/**
 * Sign-in throttling by email and address together, with delays that grow: a key blocked until
 * a time, and how many times it has been blocked in a row (each block is twice the last).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_attempts').addColumn('blocked_until', 'text').execute();
  await db.schema
    .alterTable('login_attempts')
    .addColumn('strikes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_attempts').dropColumn('strikes').execute();
  await db.schema.alterTable('login_attempts').dropColumn('blocked_until').execute();
}
