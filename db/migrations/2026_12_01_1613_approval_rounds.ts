import { sql, type Kysely } from 'kysely';

/**
 * The States parties' approval: who approves each call's recommended applications, target shares
 * for balance, focal points (admin users tied to one State party), non-objection rounds, the
 * applications each round holds, and the objections made in them.
 *
 * Two partial unique indexes carry the rules that concurrency could otherwise break: an
 * application (for one dialogue) is in at most one live round, and a State party has at most one
 * standing objection to it in a round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // 'states_parties' | 'extended_bureau' | 'secretariat'
  await db.schema
    .alterTable('calls')
    .addColumn('approval_body', 'text', (c) => c.notNull().defaultTo('states_parties'))
    .execute();
  // JSON { gender?: {female: 0.5, ...}, region?: {...} }: target shares per group.
  await db.schema
    .alterTable('calls')
    .addColumn('balance_targets', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  // ISO 3166-1 alpha-2 of the State party a 'state_party' user speaks for.
  await db.schema.alterTable('admin_users').addColumn('state_party', 'text').execute();

  await db.schema
    .createTable('approval_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed | cancelled
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .execute();
  await db.schema.createIndex('approval_rounds_due_idx').on('approval_rounds').columns(['status', 'closes_at']).execute();

  await db.schema
    .createTable('round_items')
    .addColumn('round_id', 'text', (c) => c.notNull().references('approval_rounds.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('dialogue_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('outcome', 'text') // null while open | approved | objected | cancelled | withdrawn
    .addPrimaryKeyConstraint('round_items_pk', ['round_id', 'application_id', 'dialogue_id'])
    .execute();
  await db.schema
    .createIndex('round_items_live_uq')
    .on('round_items')
    .columns(['application_id', 'dialogue_id'])
    .unique()
    .where(sql.ref('active'), '=', 1)
    .execute();

  await db.schema
    .createTable('objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('approval_rounds.id'))
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('dialogue_id', 'text', (c) => c.notNull())
    .addColumn('state_party', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema
    .createIndex('objections_standing_uq')
    .on('objections')
    .columns(['round_id', 'application_id', 'dialogue_id', 'state_party'])
    .unique()
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('objections').ifExists().execute();
  await db.schema.dropTable('round_items').ifExists().execute();
  await db.schema.dropTable('approval_rounds').ifExists().execute();
  await db.schema.alterTable('admin_users').dropColumn('state_party').execute();
  await db.schema.alterTable('calls').dropColumn('balance_targets').execute();
  await db.schema.alterTable('calls').dropColumn('approval_body').execute();
}
