/**
 * The reviewer's own view after a click. Teams replaces the clicked card with the invoke
 * response for that reviewer, so the response should be the same updated card that the outbox
 * PUTs over the base message for everyone else (Microsoft's "Up-to-date views" for Universal
 * Actions), plus the engine's note.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Reply } from '../../domain/messages';
import type { AdaptiveCard } from './render/adaptive';
import { repliesToCard } from './render/replies';

const storedReplies = z.array(z.looseObject({ kind: z.enum(['text', 'card', 'form', 'prompt']) }));

/**
 * The latest update queued for the review card posted as activity `activityId`, rendered with
 * the engine's replies under it; null when the click did not lead to one (e.g. a reason is asked).
 */
export async function reviewCardAfterDecision(db: Kysely<Database>, activityId: string, engineReplies: Reply[]): Promise<AdaptiveCard | null> {
  if (engineReplies.some((r) => r.kind === 'prompt' || r.kind === 'form')) return null;
  const base = await db
    .selectFrom('outbox')
    .select(['dedupe_key'])
    .where('platform', '=', 'teams')
    .where('purpose', '=', 'review_card')
    // The activity id the Sender returned, stored as external_id: an exact, indexed match.
    .where('external_id', '=', activityId)
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(update.payload);
  } catch {
    return null;
  }
  const replies = storedReplies.safeParse(parsed);
  if (!replies.success) return null;
  const notes = engineReplies.filter((r) => r.kind === 'text');
  return repliesToCard([...(replies.data as unknown as Reply[]), ...notes]);
}
