/**
 * The numbers an operator watches that live in the database: the outbox backlog and how old its
 * oldest message is, messages failing for over an hour, applications by status. A few grouped
 * counts on indexed columns: cheap enough for a scrape every 15 seconds.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { StoredNumbers } from './types';

const HOUR_MS = 3_600_000;

export async function readStoredNumbers(db: Kysely<Database>, now: Date): Promise<StoredNumbers> {
  const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
  const [outbox, oldest, failing, apps] = await Promise.all([
    db
      .selectFrom('outbox')
      .select(['status', db.fn.countAll<number>().as('n')])
      .where('status', 'in', ['pending', 'sending', 'failed'])
      .groupBy('status')
      .execute(),
    db.selectFrom('outbox').select(db.fn.min('created_at').as('at')).where('status', 'in', ['pending', 'sending']).executeTakeFirst(),
    db
      .selectFrom('outbox')
      .select(db.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'sending', 'failed'])
      .where('attempts', '>', 0)
      .where('created_at', '<=', hourAgo)
      .executeTakeFirst(),
    db
      .selectFrom('applications')
      .select(['status', db.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
  ]);
  const byStatus = Object.fromEntries(outbox.map((r) => [r.status, Number(r.n)]));
  const oldestAt = oldest?.at ? Date.parse(String(oldest.at)) : NaN;
  return {
    outboxBacklog: (byStatus.pending ?? 0) + (byStatus.sending ?? 0),
    outboxOldestPendingSeconds: Number.isFinite(oldestAt) ? Math.max(0, Math.round((now.getTime() - oldestAt) / 1000)) : 0,
    outboxFailingOverHour: Number(failing?.n ?? 0),
    outboxFailed: byStatus.failed ?? 0,
    applicationsByStatus: Object.fromEntries(apps.map((r) => [r.status, Number(r.n)])),
  };
}
