/** What the outbox delivered to the playground: the page shows the delivered rows themselves. */
import type { Kysely } from 'kysely';
import type { PlaygroundFeed } from '../../domain/channel-ports';
import { parseJson, recipientJson, repliesJson } from '../json';
import type { Database } from '../schema';

export function playgroundFeed(db: Kysely<Database>): PlaygroundFeed {
  return {
    async deliveredAfter(after, limit, wanted) {
      const rows = await db
        .selectFrom('outbox')
        .select(['id', 'recipient', 'payload', 'purpose', 'delivered_at'])
        .where('platform', '=', 'playground')
        .where('status', '=', 'delivered')
        .where('delivered_at', '>', after)
        .orderBy('delivered_at')
        .limit(limit)
        .execute();
      return rows
        .map((r) => ({ ...r, to: parseJson(r.recipient, recipientJson, 'recipient') }))
        .filter((r) => wanted(r.to))
        .map((r) => ({
          id: r.id,
          purpose: r.purpose,
          deliveredAt: r.delivered_at,
          recipient: r.to,
          replies: parseJson(r.payload, repliesJson, 'payload'),
        }));
    },
  };
}
