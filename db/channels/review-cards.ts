/**
 * The review card a reviewer just clicked, found through the outbox: the card's row carries the
 * platform's message id (external_id), its updates point at it with `replaces`.
 */
import type { Kysely } from 'kysely';
import type { ReviewCards } from '../../domain/channel-ports';
import type { Database } from '../schema';

export function reviewCards(db: Kysely<Database>): ReviewCards {
  return {
    async latestUpdate(platform, externalId) {
      const base = await db
        .selectFrom('outbox')
        .select(['dedupe_key'])
        .where('platform', '=', platform)
        .where('purpose', '=', 'review_card')
        // The message id the Sender returned, stored as external_id: an exact, indexed match.
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      if (!base) return null;
      const update = await db
        .selectFrom('outbox')
        .select(['payload'])
        .where('replaces', '=', base.dedupe_key)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!update) return null;
      try {
        const payload: unknown = JSON.parse(update.payload);
        return payload;
      } catch {
        return null;
      }
    },
  };
}
