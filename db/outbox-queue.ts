/**
 * The outbox worker's side of the outbox, plus the processed-events table that drops duplicate
 * platform deliveries. Every state change here is a single statement, so it is atomic on SQLite
 * and D1 alike without the Atomic port.
 *
 * Row life: pending -> sending (claimed) -> delivered | pending (retry, later) | failed.
 * `attempts` counts finished attempts: each mark* adds one, and so does requeueStale (a crash
 * during a send counts, so a message that crashes the process cannot loop forever). While a row
 * is 'sending', `next_attempt_at` holds the moment it was claimed.
 */
import type { Kysely } from 'kysely';
import { anyJson, parseJson, toJson } from './json';
import type { Database, OutboxRow } from './schema';

/**
 * Claims up to `limit` due rows, oldest first, and returns them as claimed. One UPDATE ...
 * RETURNING with `status = 'pending'` in its WHERE: a row another worker claimed first is simply
 * not returned, so no row is handed to two workers.
 */
export async function claimDue(db: Kysely<Database>, now: string, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'sending', next_attempt_at: now })
    .where('status', '=', 'pending')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit),
    )
    .returningAll()
    .execute();
  // RETURNING gives no order guarantee; card updates must follow the cards they replace.
  return rows.sort((a, b) => cmp(a.next_attempt_at, b.next_attempt_at) || cmp(a.created_at, b.created_at) || cmp(a.id, b.id));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Records where the platform put the message (JSON), for later updates of the same card. */
export async function markDelivered(
  db: Kysely<Database>,
  id: string,
  externalRef: unknown,
  now: string,
  externalId: string | null = null,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'delivered',
      attempts: eb('attempts', '+', 1),
      delivered_at: now,
      last_error: null,
      external_ref: externalRef === null || externalRef === undefined ? null : toJson(externalRef),
      external_id: externalId,
    }))
    .where('id', '=', id)
    .execute();
}

/** Back to pending, to be claimed again at `nextAttemptAt`. */
export async function markRetry(db: Kysely<Database>, id: string, error: string, nextAttemptAt: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 2000),
      next_attempt_at: nextAttemptAt,
    }))
    .where('id', '=', id)
    .where('status', '<>', 'delivered')
    .execute();
}

/** Gives up on a row (not retryable, or out of attempts); it stays for the admin panel to show. */
export async function markFailed(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'failed', attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000) }))
    .where('id', '=', id)
    .where('status', '<>', 'delivered')
    .execute();
}

/** Empties a finished row's payload (a secret such as a sign-in code must not outlive its send). */
export async function scrubPayload(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('outbox').set({ payload: '[]' }).where('id', '=', id).where('status', 'in', ['delivered', 'failed']).execute();
}

/** Where the message with this dedupe key was delivered, or null if it has not been (yet). */
export async function externalRefOf<T = unknown>(db: Kysely<Database>, dedupeKey: string): Promise<T | null> {
  const row = await db
    .selectFrom('outbox')
    .select('external_ref')
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'delivered')
    .executeTakeFirst();
  if (!row?.external_ref) return null;
  return (parseJson(row.external_ref, anyJson, 'outbox external_ref') ?? null) as T | null;
}

/**
 * Rows claimed before `olderThan` and never marked were being sent when a worker died: they go
 * back to pending. A platform that took the message but never answered may show it twice; that is
 * the only duplicate possible, and dedupe keys make it visible in the logs. Returns the count.
 */
export async function requeueStale(db: Kysely<Database>, olderThan: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'pending', attempts: eb('attempts', '+', 1), last_error: 'interrupted while sending' }))
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<', olderThan)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records a platform event id (e.g. "slack:Ev123"); true the first time, false for a redelivery.
 * Insert-or-ignore, so two deliveries racing each other still yield exactly one `true`.
 */
export async function markEventProcessed(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('processed_events')
    .values({ id, received_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Forgets one delivery id: handling it failed, so a retry of the same delivery must be handled,
 * not dropped as a duplicate.
 */
export async function forgetEvent(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('processed_events').where('id', '=', id).execute();
}

/** Forgets event ids received before `before` (platforms stop redelivering after minutes). */
export async function pruneProcessedEvents(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('processed_events').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
