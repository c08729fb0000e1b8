/**
 * The outbox as the dashboard shows it: how much waits, since when, and which messages have been
 * failing for over an hour (to fix the cause, then retry).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function outboxBacklog(db: Kysely<Database>): Promise<{ waiting: number; oldest: string | null }> {
  const row = await db
    .selectFrom('outbox')
    .select([db.fn.countAll<number>().as('n'), db.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst();
  return { waiting: Number(row?.n ?? 0), oldest: row?.oldest ? String(row.oldest) : null };
}

export interface StuckMessage {
  id: string;
  platform: string;
  purpose: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
}

/** Messages tried and still not delivered an hour after they were written, oldest first. */
export async function failingMessages(db: Kysely<Database>, now: Date, limit = 50): Promise<StuckMessage[]> {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'platform', 'purpose', 'status', 'attempts', 'last_error', 'created_at', 'next_attempt_at'])
    .where('status', 'in', ['pending', 'sending', 'failed'])
    .where('attempts', '>', 0)
    .where('created_at', '<=', hourAgo)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    purpose: r.purpose,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
  }));
}
