/**
 * The admin panel's reads for data protection: people matching a request (by email, name or
 * platform id).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface PersonMatch {
  id: string;
  displayName: string | null;
  email: string | null;
  erasedAt: string | null;
  accounts: { platform: string; userId: string }[];
  applications: number;
}

/** People whose email, name or platform user id is `q` (exact for ids and emails, prefix for names). */
export async function findPeople(db: Kysely<Database>, q: string): Promise<PersonMatch[]> {
  const text = q.trim();
  if (!text) return [];
  const byId = await db.selectFrom('identities').select('person_id').where('user_id', '=', text).execute();
  const people = await db
    .selectFrom('people')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), '=', text.toLowerCase()),
        sql<boolean>`display_name like ${`${text.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`} escape '\\'`,
        ...(byId.length
          ? [
              eb(
                'id',
                'in',
                byId.map((r) => r.person_id),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('created_at')
    .limit(20)
    .execute();
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const [accounts, apps] = await Promise.all([
    db.selectFrom('identities').select(['person_id', 'platform', 'user_id']).where('person_id', 'in', ids).execute(),
    db
      .selectFrom('applications')
      .select(['person_id', db.fn.countAll<number>().as('n')])
      .where('person_id', 'in', ids)
      .groupBy('person_id')
      .execute(),
  ]);
  return people.map((p) => ({
    id: p.id,
    displayName: p.display_name,
    email: p.email,
    erasedAt: p.erased_at,
    accounts: accounts.filter((a) => a.person_id === p.id).map((a) => ({ platform: a.platform, userId: a.user_id })),
    applications: Number(apps.find((a) => a.person_id === p.id)?.n ?? 0),
  }));
}
