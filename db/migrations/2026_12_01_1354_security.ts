import { sql, type Kysely } from 'kysely';

/**
 * Decision rights and exact lookups.
 * - `platform_reviewers`: people the administrators named as reviewers on Slack or Teams, kept
 *   in the admin panel (adding one no longer needs a redeploy of SLACK_REVIEWERS/TEAMS_REVIEWERS).
 * - `outbox.external_id`: the platform's own id of a delivered message (Teams activity id,
 *   Slack ts), indexed, so that a card is found by an exact key rather than by a pattern over
 *   the stored JSON with a value from the request.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_reviewers')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_reviewers_pk', ['platform', 'user_id'])
    .execute();
  await db.schema.alterTable('outbox').addColumn('external_id', 'text').execute();
  await db.schema.createIndex('outbox_external_id_idx').on('outbox').columns(['platform', 'external_id']).execute();
  // Cards delivered before this migration: their Teams activity id, from the stored reference.
  await sql`update outbox set external_id = json_extract(external_ref, '$.activityId')
    where platform = 'teams' and external_ref is not null and json_valid(external_ref)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_external_id_idx').ifExists().execute();
  await db.schema.alterTable('outbox').dropColumn('external_id').execute();
  await db.schema.dropTable('platform_reviewers').ifExists().execute();
}
