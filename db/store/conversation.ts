/**
 * Conversation state, unanswered questions and "tell me when a call opens" subscriptions.
 */
import type { Kysely } from 'kysely';
import type { Recipient } from '../../domain/messages';
import type { Platform } from '../../domain/types';
import { anyJson, newId, parseJson, toJson } from '../json';
import type { Database } from '../schema';

export async function getState<T>(db: Kysely<Database>, key: string): Promise<T | null> {
  const row = await db.selectFrom('conversation_state').select('state').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return (parseJson(row.state, anyJson, 'conversation state') ?? null) as T | null;
}

export async function setState(db: Kysely<Database>, key: string, state: unknown, now: string): Promise<void> {
  const value = toJson(state);
  await db
    .insertInto('conversation_state')
    .values({ key, state: value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ state: value, updated_at: now }))
    .execute();
}

export async function clearState(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('conversation_state').where('key', '=', key).execute();
}

/** Longest question text the secretariat's inbox keeps. */
export const UNANSWERED_MAX = 1_000;

export async function recordUnanswered(
  db: Kysely<Database>,
  input: { text: string; platform: Platform; personId: string | null; bestMatchId: string | null; now: string },
): Promise<void> {
  await db
    .insertInto('unanswered_questions')
    .values({
      // The inbox keeps the first 1,000 characters (whole code points, never half an emoji).
      id: newId(),
      text: Array.from(input.text).slice(0, UNANSWERED_MAX).join(''),
      platform: input.platform,
      person_id: input.personId,
      asked_at: input.now,
      best_match_id: input.bestMatchId,
      status: 'open',
      answered_faq_id: null,
    })
    .execute();
}

/** Insert-or-ignore on (person, dialogue): asking twice keeps the first subscription. */
export async function subscribe(
  db: Kysely<Database>,
  input: { personId: string; dialogueId: string; recipient: Recipient; now: string },
): Promise<'created' | 'exists'> {
  const result = await db
    .insertInto('subscriptions')
    .values({
      id: newId(),
      person_id: input.personId,
      dialogue_id: input.dialogueId,
      recipient: toJson(input.recipient),
      created_at: input.now,
    })
    .onConflict((oc) => oc.columns(['person_id', 'dialogue_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'created' : 'exists';
}
