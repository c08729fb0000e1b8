/**
 * The reviewer's own view after a click. Teams replaces the clicked card with the invoke
 * response for that reviewer, so the response should be the same updated card that the outbox
 * PUTs over the base message for everyone else (Microsoft's "Up-to-date views" for Universal
 * Actions), plus the engine's note.
 */
import * as z from 'zod';
import type { ReviewCards } from '../../domain/channel-ports';
import type { Reply } from '../../domain/messages';
import type { AdaptiveCard } from './render/adaptive';
import { repliesToCard } from './render/replies';

const storedReplies = z.array(z.looseObject({ kind: z.enum(['text', 'card', 'form', 'prompt']) }));

/**
 * The latest update queued for the review card posted as activity `activityId`, rendered with
 * the engine's replies under it; null when the click did not lead to one (e.g. a reason is asked).
 */
export async function reviewCardAfterDecision(
  cards: ReviewCards,
  activityId: string,
  engineReplies: Reply[],
): Promise<AdaptiveCard | null> {
  if (engineReplies.some((r) => r.kind === 'prompt' || r.kind === 'form')) return null;
  const parsed = await cards.latestUpdate('teams', activityId);
  if (parsed === null) return null;
  const replies = storedReplies.safeParse(parsed);
  if (!replies.success) return null;
  const notes = engineReplies.filter((r) => r.kind === 'text');
  return repliesToCard([...(replies.data as unknown as Reply[]), ...notes]);
}
