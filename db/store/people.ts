/**
 * People and the platform identities they use ("doors"). One person may come through Slack,
 * Teams and the web: identities are linked only by an email address a platform or a sign-in
 * code vouched for, never by one a person merely typed.
 */
import { expressionBuilder, type Kysely } from 'kysely';
import type { IdentityInput } from '../../domain/ports';
import { isLocale, type Locale } from '../../domain/i18n/locales';
import type { LocaleSource, Person, Platform } from '../../domain/types';
import type { Atomic } from '../atomic';
import { newId } from '../json';
import type { Database } from '../schema';
import { insertWhen } from './guards';
import { normaliseEmail } from '../../domain/people';

/** Writing last_seen_at on every event would be a write per message; this is precise enough. */
const SEEN_EVERY_MS = 60_000;

/** Trimmed and lower-cased: the form in which addresses are compared and stored as verified. */
export { normaliseEmail };

interface Found extends Person {
  lastSeenAt: string | null;
}

/**
 * Finds or creates the person behind an identity and refreshes the name, email and zone the
 * platform gave (null/undefined leaves the stored value). Race-safe: the person row is inserted
 * only if the identity does not exist yet, and the identity insert is insert-or-ignore, in one
 * batch; whoever loses the race reads the winner's rows. A new identity with a verified address
 * joins the person who already has that address.
 */
export async function personFor(db: Kysely<Database>, atomic: Atomic, input: IdentityInput, now: string): Promise<Person> {
  const scope = input.scope || '';
  const verified = input.emailVerified && input.email ? normaliseEmail(input.email) : null;
  let found = await personByIdentity(db, input.platform, scope, input.userId);
  for (let attempt = 0; !found && attempt < 2; attempt++) {
    const owner = verified ? await personByVerifiedEmail(db, verified) : null;
    const id = owner?.id ?? newId();
    const eb = expressionBuilder<Database, never>();
    const identityMissing = eb.not(
      eb.exists(
        eb
          .selectFrom('identities')
          .select('person_id')
          .where('platform', '=', input.platform)
          .where('scope', '=', scope)
          .where('user_id', '=', input.userId),
      ),
    );
    try {
      await atomic.run([
        ...(owner
          ? []
          : [
              insertWhen(
                db,
                'people',
                {
                  id,
                  display_name: input.displayName ?? null,
                  email: input.email ?? null,
                  time_zone: input.timeZone ?? null,
                  verified_email: verified,
                  created_at: now,
                  updated_at: now,
                },
                identityMissing,
              ),
            ]),
        insertWhen(
          db,
          'identities',
          { platform: input.platform, scope, user_id: input.userId, person_id: id, created_at: now, last_seen_at: now },
          eb.exists(eb.selectFrom('people').select('id').where('id', '=', id)),
        ).onConflict((oc) => oc.doNothing()),
      ]);
    } catch (err) {
      // Two new identities with the same verified address at once: the other one created the
      // person; the next round joins it.
      if (!/unique/i.test(err instanceof Error ? err.message : '') || attempt > 0) throw err;
    }
    found = await personByIdentity(db, input.platform, scope, input.userId);
  }
  if (!found) throw new Error('Could not record who you are: the person row was not found after its insert.');
  if (verified && found.verifiedEmail !== verified) found = await linkVerified(db, atomic, found, verified, now);
  const changes = {
    ...(input.displayName && input.displayName !== found.displayName ? { display_name: input.displayName } : {}),
    ...(input.email && input.email !== found.email ? { email: input.email } : {}),
    ...(input.timeZone && input.timeZone !== found.timeZone ? { time_zone: input.timeZone } : {}),
  };
  if (!found.lastSeenAt || Date.parse(now) - Date.parse(found.lastSeenAt) >= SEEN_EVERY_MS) {
    await db
      .updateTable('identities')
      .set({ last_seen_at: now })
      .where('platform', '=', input.platform)
      .where('scope', '=', scope)
      .where('user_id', '=', input.userId)
      .execute();
  }
  if (Object.keys(changes).length > 0)
    await db
      .updateTable('people')
      .set({ ...changes, updated_at: now })
      .where('id', '=', found.id)
      .execute();
  return toPerson({
    ...found,
    displayName: changes.display_name ?? found.displayName,
    email: changes.email ?? found.email,
    timeZone: changes.time_zone ?? found.timeZone,
  });
}

/**
 * An identity's person has just been vouched for with `email`. If nobody else has that address it
 * becomes this person's. If someone else has it, the two are one person: the one with no
 * application joins the other (identities move over). Two people who both applied stay apart
 * rather than merge applications behind their back; the admin panel shows both.
 */
async function linkVerified(db: Kysely<Database>, atomic: Atomic, person: Found, email: string, now: string): Promise<Found> {
  const owner = await personByVerifiedEmail(db, email);
  if (!owner) {
    try {
      await db.updateTable('people').set({ verified_email: email, updated_at: now }).where('id', '=', person.id).execute();
      return { ...person, verifiedEmail: email };
    } catch {
      return person; // someone else took the address a moment ago; next time links
    }
  }
  if (owner.id === person.id) return person;
  const [mine, theirs] = await Promise.all([countApplications(db, person.id), countApplications(db, owner.id)]);
  if (mine === 0) {
    await db.updateTable('identities').set({ person_id: owner.id }).where('person_id', '=', person.id).execute();
    return { ...owner, lastSeenAt: person.lastSeenAt };
  }
  if (theirs === 0) {
    await atomic.run([
      db.updateTable('people').set({ verified_email: null, updated_at: now }).where('id', '=', owner.id),
      db.updateTable('identities').set({ person_id: person.id }).where('person_id', '=', owner.id),
      db.updateTable('people').set({ verified_email: email, updated_at: now }).where('id', '=', person.id),
    ]);
    return { ...person, verifiedEmail: email };
  }
  return person;
}

async function countApplications(db: Kysely<Database>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const personColumns = [
  'people.id',
  'people.display_name',
  'people.email',
  'people.time_zone',
  'people.verified_email',
  'people.email_notices',
  'people.locale',
  'people.locale_source',
] as const;

type PersonRow = {
  id: string;
  display_name: string | null;
  email: string | null;
  time_zone: string | null;
  verified_email: string | null;
  email_notices: number;
  locale: string | null;
  locale_source: string | null;
};

function fromRow(row: PersonRow, lastSeenAt: string | null): Found {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    timeZone: row.time_zone,
    verifiedEmail: row.verified_email,
    emailNotices: row.email_notices === 1,
    lastSeenAt,
    // A locale the product no longer speaks (or a hand-edited row) reads as unknown, not as a crash.
    ...(isLocale(row.locale) ? { locale: row.locale, localeSource: isSource(row.locale_source) ? row.locale_source : null } : {}),
  };
}

/** Optional fields only when set, so a person with none looks as it always did. */
function toPerson(f: Found): Person {
  return {
    id: f.id,
    displayName: f.displayName,
    email: f.email,
    timeZone: f.timeZone,
    ...(f.verifiedEmail ? { verifiedEmail: f.verifiedEmail } : {}),
    ...(f.emailNotices ? { emailNotices: true } : {}),
    ...(f.locale ? { locale: f.locale, localeSource: f.localeSource ?? null } : {}),
  };
}

async function personByIdentity(db: Kysely<Database>, platform: Platform, scope: string, userId: string): Promise<Found | null> {
  const row = await db
    .selectFrom('identities')
    .innerJoin('people', 'people.id', 'identities.person_id')
    .select([...personColumns, 'identities.last_seen_at'])
    .where('identities.platform', '=', platform)
    .where('identities.scope', '=', scope)
    .where('identities.user_id', '=', userId)
    .executeTakeFirst();
  return row ? fromRow(row, row.last_seen_at) : null;
}

async function personByVerifiedEmail(db: Kysely<Database>, email: string): Promise<Found | null> {
  const row = await db.selectFrom('people').select(personColumns).where('verified_email', '=', email).executeTakeFirst();
  return row ? fromRow(row, null) : null;
}

export async function getPerson(db: Kysely<Database>, personId: string): Promise<Person | null> {
  const row = await db.selectFrom('people').select(personColumns).where('id', '=', personId).executeTakeFirst();
  return row ? toPerson(fromRow(row, null)) : null;
}

const SOURCES: readonly LocaleSource[] = ['chosen', 'platform', 'message'];
const isSource = (v: unknown): v is LocaleSource => SOURCES.some((s) => s === v);

/** Records the language a person reads and where it came from. */
export async function setPersonLocale(
  db: Kysely<Database>,
  personId: string,
  locale: Locale,
  source: LocaleSource,
  now: string,
): Promise<void> {
  await db.updateTable('people').set({ locale, locale_source: source, updated_at: now }).where('id', '=', personId).execute();
}

export async function setEmailNotices(db: Kysely<Database>, personId: string, on: boolean, now: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ email_notices: on ? 1 : 0, updated_at: now })
    .where('id', '=', personId)
    .execute();
}

/** Every identity of a person, the one used most recently first: where to reach them. */
export async function identitiesOf(db: Kysely<Database>, personId: string): Promise<IdentityInput[]> {
  const rows = await db
    .selectFrom('identities')
    .innerJoin('people', 'people.id', 'identities.person_id')
    .select([
      'identities.platform',
      'identities.scope',
      'identities.user_id',
      'identities.last_seen_at',
      'identities.created_at',
      'people.display_name',
      'people.email',
      'people.time_zone',
    ])
    .where('identities.person_id', '=', personId)
    .execute();
  const seen = (r: { last_seen_at: string | null; created_at: string }) => r.last_seen_at ?? r.created_at;
  rows.sort((a, b) => (seen(a) < seen(b) ? 1 : seen(a) > seen(b) ? -1 : 0));
  return rows.map((r) => ({
    platform: r.platform,
    scope: r.scope,
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    timeZone: r.time_zone,
    lastSeenAt: seen(r),
  }));
}
