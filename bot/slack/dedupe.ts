/**
 * Stored dedupe of Slack deliveries (event ids, trigger ids, view hashes) through the shared
 * processed_events table, so a retry is recognised after a restart and across processes.
 */
import type { AppDeps } from '../../server/deps';
import { isoNow } from '../../domain/clock';
import { forgetEvent, markEventProcessed } from '../../db/outbox-queue';

export function storedDedupe(deps: AppDeps): (id: string) => Promise<boolean> {
  return (id) => markEventProcessed(deps.db, id, isoNow(deps.clock));
}

/** Takes an id back when handling it failed, so that the same delivery retried is handled. */
export function storedForget(deps: AppDeps): (id: string) => Promise<void> {
  return (id) => forgetEvent(deps.db, id);
}
