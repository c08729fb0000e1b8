/**
 * People and the platform identities they use. One person may have a Slack and a Teams identity.
 */
import { expressionBuilder, type Kysely } from 'kysely';
import type { IdentityInput } from '../../domain/ports';
import type { Person, Platform } from '../../domain/types';
import type { Atomic } from '../atomic';
import { newId } from '../json';
import type { Database } from '../schema';
import { insertWhen } from './guards';

/**
 * Finds or creates the person behind an identity and refreshes the name, email and zone the
 * platform gave (null/undefined leaves the stored value). Race-safe: the person row is inserted
 * only if the identity does not exist yet, and the identity insert is insert-or-ignore, in one
 * batch; whoever loses the race reads the winner's rows.
 */
export async function personFor(db: Kysely<Database>, atomic: Atomic, input: IdentityInput, now: string): Promise<Person> {
  const scope = input.scope || '';
  let found = await personByIdentity(db, input.platform, scope, input.userId);
  if (!found) {
    const id = newId();
    const eb = expressionBuilder<Database, never>();
    const identityMissing = eb.not(eb.exists(eb.selectFrom('identities').select('person_id')
      .where('platform', '=', input.platform).where('scope', '=', scope).where('user_id', '=', input.userId)));
    await atomic.run([
      insertWhen(db, 'people', {
        id, display_name: input.displayName ?? null, email: input.email ?? null, time_zone: input.timeZone ?? null,
        created_at: now, updated_at: now,
      }, identityMissing),
      insertWhen(db, 'identities', { platform: input.platform, scope, user_id: input.userId, person_id: id, created_at: now },
        eb.exists(eb.selectFrom('people').select('id').where('id', '=', id)))
        .onConflict((oc) => oc.doNothing()),
    ]);
    found = await personByIdentity(db, input.platform, scope, input.userId);
    if (!found) throw new Error('Could not record who you are: the person row was not found after its insert.');
  }
  const changes = {
    ...(input.displayName && input.displayName !== found.displayName ? { display_name: input.displayName } : {}),
    ...(input.email && input.email !== found.email ? { email: input.email } : {}),
    ...(input.timeZone && input.timeZone !== found.timeZone ? { time_zone: input.timeZone } : {}),
  };
  if (Object.keys(changes).length === 0) return found;
  await db.updateTable('people').set({ ...changes, updated_at: now }).where('id', '=', found.id).execute();
  return {
    id: found.id,
    displayName: changes.display_name ?? found.displayName,
    email: changes.email ?? found.email,
    timeZone: changes.time_zone ?? found.timeZone,
  };
}

async function personByIdentity(db: Kysely<Database>, platform: string, scope: string, userId: string): Promise<Person | null> {
  const row = await db
    .selectFrom('identities')
    .innerJoin('people', 'people.id', 'identities.person_id')
    .select(['people.id', 'people.display_name', 'people.email', 'people.time_zone'])
    .where('identities.platform', '=', platform)
    .where('identities.scope', '=', scope)
    .where('identities.user_id', '=', userId)
    .executeTakeFirst();
  return row ? { id: row.id, displayName: row.display_name, email: row.email, timeZone: row.time_zone } : null;
}

/** Every identity of a person, oldest first: where to reach them. */
export async function identitiesOf(db: Kysely<Database>, personId: string): Promise<IdentityInput[]> {
  const rows = await db
    .selectFrom('identities')
    .innerJoin('people', 'people.id', 'identities.person_id')
    .select(['identities.platform', 'identities.scope', 'identities.user_id', 'people.display_name', 'people.email', 'people.time_zone'])
    .where('identities.person_id', '=', personId)
    .orderBy('identities.created_at')
    .execute();
  return rows.map((r) => ({
    platform: r.platform as Platform,
    scope: r.scope,
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    timeZone: r.time_zone,
  }));
}
