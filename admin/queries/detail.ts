/**
 * Everything about one application for its detail page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function applicationDetail(db: Kysely<Database>, id: string) {
  const app = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!app) return null;
  // Outbox rows are found by their dedupe keys, which name the application: each prefix below is
  // a range seek on the unique index (no pattern built from the request), then rows by key.
  const prefixes = [`review_card:${app.id}:`, `review_card_update:${app.id}:`, `decision:${app.id}:`, `confirmation:${app.id}:`];
  const exact = ['7d', '1d'].map((kind) => `reminder:${kind}:${app.id}`);
  const keys = await db
    .selectFrom('outbox')
    .select('dedupe_key')
    .where((eb) =>
      eb.or([
        ...prefixes.map((p) => eb.and([eb('dedupe_key', '>=', p), eb('dedupe_key', '<', `${p.slice(0, -1)};`)])),
        eb('dedupe_key', 'in', exact),
      ]),
    )
    .execute();
  const [person, dialogues, reps, events, decisions, messages, call, doors] = await Promise.all([
    db.selectFrom('people').selectAll().where('id', '=', app.person_id).executeTakeFirst(),
    db
      .selectFrom('application_dialogues as ad')
      .innerJoin('dialogues as d', 'd.id', 'ad.dialogue_id')
      .select(['ad.dialogue_id', 'ad.status', 'ad.round', 'ad.updated_at', 'd.name', 'd.short_name'])
      .where('ad.application_id', '=', id)
      .execute(),
    db.selectFrom('representatives').selectAll().where('application_id', '=', id).orderBy('position').execute(),
    db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('decisions').selectAll().where('application_id', '=', id).orderBy('decided_at').execute(),
    keys.length
      ? db
          .selectFrom('outbox')
          .selectAll()
          .where(
            'dedupe_key',
            'in',
            keys.map((k) => k.dedupe_key),
          )
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
    db.selectFrom('calls').select(['id', 'title', 'closes_at']).where('id', '=', app.call_id).executeTakeFirst(),
    // The doors the person has used (Slack, Teams, the web), most recent first.
    db
      .selectFrom('identities')
      .select(['platform', 'created_at', 'last_seen_at'])
      .where('person_id', '=', app.person_id)
      .orderBy('last_seen_at', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  return { app, person, dialogues, reps, events, decisions, messages, call, doors };
}

export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof applicationDetail>>>;
