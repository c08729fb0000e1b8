import type { Kysely } from 'kysely';

/**
 * Questions passed to the secretariat are answered back to the people who asked them:
 * - each question keeps where its answer goes (`reply_to`, a JSON Recipient, null when no answer
 *   can be delivered), the asker's language, a normalised form that groups the same question
 *   asked by several people (`merged_into` points at the question the group is answered through),
 *   what kind of request it is (a question, or a request to talk to a person), and the answer,
 *   dismissal or assignment with who did it;
 * - FAQ entries may name up to three related entries offered as follow-up questions;
 * - a secretariat channel per call and platform (call_id '' is the default), like review channels.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, 'text' | 'integer', ((c: any) => any)?][] = [
    ['reply_to', 'text'],
    ['locale', 'text', (c) => c.notNull().defaultTo('en')],
    ['normalized', 'text', (c) => c.notNull().defaultTo('')],
    ['merged_into', 'text'],
    ['kind', 'text', (c) => c.notNull().defaultTo('question')],
    ['answer', 'text'],
    ['answered_by', 'text'],
    ['answered_ref', 'text'],
    ['answered_at', 'text'],
    ['answer_token', 'text'],
    ['dismiss_reason', 'text'],
    ['assigned_to', 'text'],
    ['assigned_ref', 'text'],
    ['version', 'integer', (c) => c.notNull().defaultTo(0)],
  ];
  for (const [name, type, build] of columns) {
    await db.schema
      .alterTable('unanswered_questions')
      .addColumn(name, type, build ?? ((c) => c))
      .execute();
  }
  await db.schema.createIndex('unanswered_normalized_idx').on('unanswered_questions').columns(['normalized', 'status']).execute();
  await db.schema.createIndex('unanswered_merged_idx').on('unanswered_questions').column('merged_into').execute();

  await db.schema
    .alterTable('faq_entries')
    .addColumn('related', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('secretariat_channels')
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('secretariat_channels_pk', ['call_id', 'platform'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('secretariat_channels').ifExists().execute();
  await db.schema.dropIndex('unanswered_merged_idx').ifExists().execute();
  await db.schema.dropIndex('unanswered_normalized_idx').ifExists().execute();
  await db.schema.alterTable('faq_entries').dropColumn('related').execute();
  for (const name of [
    'version',
    'assigned_ref',
    'assigned_to',
    'dismiss_reason',
    'answer_token',
    'answered_at',
    'answered_ref',
    'answered_by',
    'answer',
    'kind',
    'merged_into',
    'normalized',
    'locale',
    'reply_to',
  ]) {
    await db.schema.alterTable('unanswered_questions').dropColumn(name).execute();
  }
}
