import type { Kysely } from 'kysely';

/** People, organisations, applications, their review and history. */
export async function createApplicationsTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text')
    .addColumn('email', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('identities')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('identities_pk', ['platform', 'scope', 'user_id'])
    .execute();
  await db.schema.createIndex('identities_person_idx').on('identities').column('person_id').execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('stakeholder_type', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organisations_name_country_uq', ['name_key', 'country'])
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('current_step', 'text')
    .addColumn('submit_token', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('organisation_name', 'text')
    .addColumn('stakeholder_type', 'text')
    .addColumn('country', 'text')
    .addColumn('regional_group', 'text')
    .addColumn('participation', 'text')
    .addColumn('travel_support', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('withdrawn_at', 'text')
    // One person, one application per call: applying again opens the same one.
    .addUniqueConstraint('applications_call_person_uq', ['call_id', 'person_id'])
    .execute();
  for (const col of ['status', 'stakeholder_type', 'regional_group', 'country', 'submitted_at', 'organisation_name']) {
    await db.schema.createIndex(`applications_${col}_idx`).on('applications').columns([col, 'id']).execute();
  }
  await db.schema.createIndex('applications_call_status_idx').on('applications').columns(['call_id', 'status', 'submitted_at']).execute();

  await db.schema
    .createTable('application_dialogues')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_dialogues_pk', ['application_id', 'dialogue_id'])
    .execute();
  await db.schema
    .createIndex('application_dialogues_dialogue_idx')
    .on('application_dialogues')
    .columns(['dialogue_id', 'status', 'application_id'])
    .execute();

  await db.schema
    .createTable('representatives')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('representatives_pk', ['application_id', 'position'])
    .execute();
  await db.schema.createIndex('representatives_gender_idx').on('representatives').columns(['gender', 'application_id']).execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_ref', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('application_events_app_idx').on('application_events').columns(['application_id', 'at']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('dialogue_id', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decider_name', 'text', (c) => c.notNull())
    .addColumn('decider_ref', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    // First decision wins: a second one for the same round is refused by the database itself.
    .addUniqueConstraint('decisions_once_uq', ['application_id', 'dialogue_id', 'round'])
    .execute();
}
