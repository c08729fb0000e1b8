/**
 * The state values the install page hands out (stored by hash), each usable once before it
 * expires.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Records a state value (by its hash) handed out by the install page.
 */
export async function putOauthState(
  db: Kysely<Database>,
  hash: string,
  platform: 'slack' | 'teams',
  now: string,
  expiresAt: string,
): Promise<void> {
  // Old, unused states are dropped on the way: nobody comes back for them.
  await db.deleteFrom('oauth_states').where('expires_at', '<', now).execute();
  await db.insertInto('oauth_states').values({ id: hash, platform, created_at: now, expires_at: expiresAt }).execute();
}

/**
 * Uses a state once: true only for the first caller, and only before it expires.
 */
export async function takeOauthState(db: Kysely<Database>, hash: string, now: string): Promise<boolean> {
  const res = await db.deleteFrom('oauth_states').where('id', '=', hash).where('expires_at', '>=', now).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
