/**
 * Reviewers named in the admin panel, per platform. The adapters ask here (and their own
 * environment lists) before they ask a platform about channel membership.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Platform } from '../../domain/types';

/** Whether any of `ids` (a person's forms of id on the platform) is on the platform's list. */
export async function isListedReviewer(db: Kysely<Database>, platform: Platform, ids: string[]): Promise<boolean> {
  const wanted = ids.filter(Boolean);
  if (wanted.length === 0) return false;
  const row = await db
    .selectFrom('platform_reviewers')
    .select('user_id')
    .where('platform', '=', platform)
    .where('user_id', 'in', wanted)
    .executeTakeFirst();
  return Boolean(row);
}

export async function listReviewers(db: Kysely<Database>) {
  return db.selectFrom('platform_reviewers').selectAll().orderBy('platform').orderBy('added_at').execute();
}
