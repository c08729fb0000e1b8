/**
 * Writing to the outbox. Delivery (claiming, retrying) lives in db/outbox-queue.ts.
 */
import type { Expression, Insertable, Kysely, SqlBool } from 'kysely';
import type { OutboundMessage, Recipient } from '../../domain/messages';
import type { Atomic } from '../atomic';
import { changed } from '../atomic';
import { orderedId, recipientJson, toJson } from '../json';
import type { Database, OutboxTable } from '../schema';
import { insertWhen } from './guards';

export function outboxRow(m: OutboundMessage, now: string): Insertable<OutboxTable> {
  return {
    id: orderedId(),
    dedupe_key: m.dedupeKey,
    platform: m.recipient.platform,
    recipient: toJson(m.recipient),
    purpose: m.purpose,
    payload: toJson(m.replies),
    replaces: m.replaces ?? null,
    status: 'pending',
    next_attempt_at: now,
    created_at: now,
  };
}

/**
 * Outbox inserts that belong to a guarded batch: written only if `condition` holds, and never
 * twice for one dedupe key (a retried batch or a duplicate event adds nothing).
 */
export function enqueueWhen(db: Kysely<Database>, messages: OutboundMessage[], now: string, condition: Expression<SqlBool>) {
  return messages.map((m) =>
    insertWhen(db, 'outbox', outboxRow(m, now), condition).onConflict((oc) => oc.column('dedupe_key').doNothing()),
  );
}

/** Adds messages not queued before (by dedupe key); returns how many were new. */
export async function enqueue(db: Kysely<Database>, atomic: Atomic, messages: OutboundMessage[], now: string): Promise<number> {
  // One statement per row: D1 caps bound parameters per statement at 100.
  const queries = messages.map((m) =>
    db
      .insertInto('outbox')
      .values(outboxRow(m, now))
      .onConflict((oc) => oc.column('dedupe_key').doNothing()),
  );
  const results = await atomic.run(queries);
  return results.reduce((n, r) => n + changed(r), 0);
}

/**
 * Where the application's review card went, per platform: the recipient of its latest
 * review_card row. Found by a range on the unique dedupe key ("review_card:<id>:…"), an index
 * seek on an exact prefix rather than a pattern match on anything a request carried.
 */
export async function reviewCardRecipients(db: Kysely<Database>, applicationId: string): Promise<Recipient[]> {
  const prefix = `review_card:${applicationId}:`;
  const rows = await db
    .selectFrom('outbox')
    .select(['platform', 'recipient'])
    .where('dedupe_key', '>=', prefix)
    .where('dedupe_key', '<', `review_card:${applicationId};`)
    .where('purpose', '=', 'review_card')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<string, Recipient>();
  for (const r of rows) {
    if (latest.has(r.platform)) continue;
    const parsed = recipientJson.safeParse(safeJson(r.recipient));
    if (parsed.success) latest.set(r.platform, parsed.data);
  }
  return [...latest.values()];
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
