/**
 * Stored dedupe of Slack deliveries (event ids, trigger ids, view hashes) through the shared
 * processed_events table, so a retry is recognised after a restart and across processes.
 */
import type { AppDeps } from '../../server/deps';
import { isoNow } from '../../domain/clock';

export function storedDedupe(deps: AppDeps): (id: string) => Promise<boolean> {
  return async (id) => {
    const { markEventProcessed } = await import('../../db/outbox-queue');
    return markEventProcessed(deps.db, id, isoNow(deps.clock));
  };
}
