/**
 * "Retry now" for a message that keeps failing: back to pending with a fresh set of attempts,
 * due at once. The audit row says which message and how it stood, never its content.
 */
import type { OutboxRow } from '../../db/schema';
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

export async function retryMessage(
  deps: CommandDeps,
  by: Pick<SessionUser, 'id'>,
  row: Pick<OutboxRow, 'id' | 'status' | 'attempts' | 'purpose' | 'platform'>,
): Promise<void> {
  await record(
    deps,
    by,
    (now) => [
      deps.db
        .updateTable('outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('status', 'in', ['pending', 'failed']),
    ],
    {
      action: 'outbox.retry',
      entity: 'outbox',
      entityId: row.id,
      detail: { purpose: row.purpose, platform: row.platform, status: row.status, attempts: row.attempts },
    },
  );
}
