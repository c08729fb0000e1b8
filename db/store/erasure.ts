/**
 * Erasing personal data while keeping the anonymous facts that the statistics need. Used by the
 * retention job (a call's applications, months after its last dialogue) and by a person's own
 * request (everything about them). Runs on SQLite and D1 alike: reads first, then one atomic
 * batch per chunk of applications, so a crash leaves each application either erased or not.
 *
 * Kept: dialogues chosen, participation, stakeholder type, country, regional group, travel
 * support asked (yes/no), the representatives' genders, review statuses, decisions (outcome and
 * date) and every date. Erased: names, emails, roles, nationalities, the organisation's name
 * and website, free text (areas of work, relevance, travel justification, decision reasons,
 * answers to information requests), platform ids, and the messages that carried them.
 */
import type { Compilable, Kysely } from 'kysely';
import type { Atomic } from '../atomic';
import type { Database, OutboxStatus } from '../schema';
import { answersJson, parseJson, recipientJson } from '../json';

export interface ErasedCounts {
  applications: number;
  representatives: number;
  events: number;
  decisions: number;
  messages: number;
}

export const noneErased = (): ErasedCounts => ({ applications: 0, representatives: 0, events: 0, decisions: 0, messages: 0 });

/** The anonymous facts of an application's answers; everything else is dropped. */
export function anonymousAnswers(answersText: string): Record<string, unknown> {
  const a = parseJson(answersText, answersJson, 'application answers');
  const keep = ['dialogueIds', 'participation', 'stakeholderType', 'organisationFocus', 'country', 'travelSupport', 'consent'] as const;
  return Object.fromEntries(keep.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
}

const CHUNK = 40;
const ERASED_ACTOR = 'erased';

/**
 * Erases the personal fields of these applications (those already erased are skipped). Outbox
 * messages still waiting to go out are left to be delivered (a withdrawal notice, a card update)
 * unless `pending: 'delete'`; delivered ones lose their text and personal recipient, failed ones
 * are deleted.
 */
export async function eraseApplications(
  db: Kysely<Database>,
  atomic: Atomic,
  ids: string[],
  now: string,
  opts: {
    /** Retention: a message not sent in months is not worth sending; a request: let the withdrawal notice go. */ pending:
      | 'keep'
      | 'delete';
  } = { pending: 'keep' },
): Promise<ErasedCounts> {
  const total = noneErased();
  const erased = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('applications')
      .select(['id', 'answers'])
      .where('id', 'in', chunk)
      .where('erased_at', 'is', null)
      .execute();
    if (rows.length === 0) continue;
    const appIds = rows.map((r) => r.id);
    const [reps, events, decisions] = await Promise.all([
      db.selectFrom('representatives').select(db.fn.countAll<number>().as('n')).where('application_id', 'in', appIds).executeTakeFirst(),
      db.selectFrom('application_events').select(db.fn.countAll<number>().as('n')).where('application_id', 'in', appIds).executeTakeFirst(),
      db.selectFrom('decisions').select(db.fn.countAll<number>().as('n')).where('application_id', 'in', appIds).executeTakeFirst(),
    ]);
    await atomic.run([
      ...rows.map((r) =>
        db
          .updateTable('applications')
          .set({
            answers: JSON.stringify(anonymousAnswers(r.answers)),
            organisation_name: null,
            organisation_id: null,
            submit_token: null,
            current_step: null,
            erased_at: now,
          })
          .where('id', '=', r.id),
      ),
      db.updateTable('representatives').set({ name: '', email: '', role: '', nationality: '' }).where('application_id', 'in', appIds),
      db.updateTable('application_events').set({ detail: '{}', actor_ref: ERASED_ACTOR }).where('application_id', 'in', appIds),
      db.updateTable('decisions').set({ reason: null }).where('application_id', 'in', appIds),
    ]);
    for (const id of appIds) erased.add(id);
    total.applications += rows.length;
    total.representatives += Number(reps?.n ?? 0);
    total.events += Number(events?.n ?? 0);
    total.decisions += Number(decisions?.n ?? 0);
  }
  if (erased.size) total.messages = await eraseMessages(db, atomic, erased, opts.pending);
  // Organisations nobody refers to any more go too (their names and websites).
  await db
    .deleteFrom('organisations')
    .where('id', 'not in', db.selectFrom('applications').select('organisation_id').where('organisation_id', 'is not', null))
    .execute();
  return total;
}

const OUTBOX_PAGE = 2000;

/**
 * The outbox messages about these applications: every dedupe key names its application
 * ("review_card:<id>:…", "decision:<id>:…", "reminder:<kind>:<id>"). One pass over the outbox in
 * pages, matching key parts against the set, costs the same for one application or a whole call.
 */
async function eraseMessages(db: Kysely<Database>, atomic: Atomic, appIds: Set<string>, pending: 'keep' | 'delete'): Promise<number> {
  const statuses: OutboxStatus[] = pending === 'delete' ? ['delivered', 'failed', 'pending'] : ['delivered', 'failed'];
  let after = '';
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('outbox')
      .select(['id', 'status', 'recipient', 'dedupe_key'])
      .where('id', '>', after)
      .where('status', 'in', statuses)
      .orderBy('id')
      .limit(OUTBOX_PAGE)
      .execute();
    const last = page.at(-1);
    if (!last) break;
    after = last.id;
    const ours = page.filter((m) => m.dedupe_key.split(':').some((part) => appIds.has(part)));
    const queries: Compilable[] = [];
    const gone = ours.filter((m) => m.status !== 'delivered').map((m) => m.id);
    if (gone.length) queries.push(db.deleteFrom('outbox').where('id', 'in', gone));
    // A delivered review card keeps where it is (channel and ts): a later update of it needs that.
    // Its text goes; a message to the person also loses the person's address.
    for (const m of ours.filter((r) => r.status === 'delivered')) {
      const to = parseJson(m.recipient, recipientJson, 'outbox recipient');
      queries.push(
        db
          .updateTable('outbox')
          .set(
            to.kind === 'user'
              ? { payload: '[]', recipient: JSON.stringify({ platform: to.platform, kind: 'user', address: '' }), external_ref: null }
              : { payload: '[]' },
          )
          .where('id', '=', m.id),
      );
    }
    for (let i = 0; i < queries.length; i += 100) await atomic.run(queries.slice(i, i + 100));
    count += ours.length;
    if (page.length < OUTBOX_PAGE) break;
  }
  return count;
}

export interface PersonErased extends ErasedCounts {
  identities: number;
  subscriptions: number;
  questions: number;
}

/**
 * Erases everything held about one person: their applications as above, then their platform ids
 * (identities, conversations, conversation state), subscriptions, questions they typed, and their
 * name and email. The people row stays, empty, as the anonymous key of the applications' facts.
 * Running it again finds nothing left and changes nothing.
 */
export async function erasePerson(db: Kysely<Database>, atomic: Atomic, personId: string, now: string): Promise<PersonErased> {
  const apps = await db.selectFrom('applications').select('id').where('person_id', '=', personId).execute();
  const counts = await eraseApplications(
    db,
    atomic,
    apps.map((a) => a.id),
    now,
  );
  const person = await db.selectFrom('people').select(['email', 'verified_email']).where('id', '=', personId).executeTakeFirst();
  const emails = [person?.email, person?.verified_email].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase());
  const [identities, subscriptions, questions] = await Promise.all([
    db.selectFrom('identities').select(['platform', 'scope', 'user_id']).where('person_id', '=', personId).execute(),
    db.selectFrom('subscriptions').select(db.fn.countAll<number>().as('n')).where('person_id', '=', personId).executeTakeFirst(),
    db.selectFrom('unanswered_questions').select(db.fn.countAll<number>().as('n')).where('person_id', '=', personId).executeTakeFirst(),
  ]);
  const queries: Compilable[] = [];
  for (const id of identities) {
    const key = `${id.platform}:${id.scope}:${id.user_id}`;
    // State is stored under "<purpose>:<platform>:<scope>:<user>" or the bare key.
    queries.push(db.deleteFrom('conversation_state').where((eb) => eb.or([eb('key', '=', key), eb('key', 'like', `%:${key}`)])));
    queries.push(
      db.deleteFrom('conversations').where('platform', '=', id.platform).where('kind', '=', 'personal').where('user_id', '=', id.user_id),
    );
  }
  queries.push(
    db.deleteFrom('identities').where('person_id', '=', personId),
    db.deleteFrom('subscriptions').where('person_id', '=', personId),
    db.deleteFrom('unanswered_questions').where('person_id', '=', personId),
    // The web's email sign-in: open sessions and codes sent to the person's addresses.
    db.deleteFrom('applicant_sessions').where('person_id', '=', personId),
    ...(emails.length ? [db.deleteFrom('sign_in_codes').where((eb) => eb(eb.fn('lower', ['email']), 'in', emails))] : []),
    db
      .updateTable('people')
      .set({ display_name: null, email: null, verified_email: null, time_zone: null, updated_at: now, erased_at: now })
      .where('id', '=', personId),
  );
  await atomic.run(queries);
  return { ...counts, identities: identities.length, subscriptions: Number(subscriptions?.n ?? 0), questions: Number(questions?.n ?? 0) };
}
