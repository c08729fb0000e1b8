/**
 * Closing non-objection rounds when their time comes. Runs with the other scheduled jobs (every
 * minute on Node and from the Workers Cron Trigger); closing is anchored in the database
 * (db/store/round-close.ts), so two runs at once, or one retried, decide each round once.
 */
import type { Kysely } from 'kysely';
import type { Atomic } from '../../db/atomic';
import type { Database } from '../../db/schema';
import { closeRound, dueRounds } from '../../db/store/round-close';
import { reviewCardUpdates, roundApprovalNotice } from '../../domain/notifications';
import { ROUND_ZONE } from '../../domain/approval';
import { reviewContext } from '../../bot/core/review-context';
import type { Clock } from '../../domain/clock';
import type { Store } from '../../domain/ports';
import { loadCatalog, personRecipients, toEach } from '../../bot/core/context';
import type { Logger } from '../log';

export interface RoundJobDeps {
  db: Kysely<Database>;
  atomic: Atomic;
  store: Store;
  clock: Clock;
  log: Logger;
}

/** Closes every round that is due; returns how many this run closed. */
export async function closeDueRounds(deps: RoundJobDeps): Promise<number> {
  const now = deps.clock.now().toISOString();
  const due = await dueRounds(deps.db, now);
  if (due.length === 0) return 0;
  const catalog = await loadCatalog(deps.store);
  let closed = 0;
  for (const round of due) {
    const result = await closeRound(deps.db, deps.atomic, {
      roundId: round.id,
      now,
      actorRef: 'system:rounds',
      messages: async (applicationId) => {
        const app = await deps.store.get(applicationId);
        if (!app) return { approved: [], objected: [] };
        const to = await personRecipients(deps.store, app.personId);
        // The reviewer cards, redrawn where they went, as the application will stand after the close.
        const [decisions, channels, context] = await Promise.all([
          deps.store.decisionsFor(app.id),
          deps.store.reviewCardRecipients(app.id),
          reviewContext(deps, app),
        ]);
        const as = (status: 'approved' | 'objected') =>
          reviewCardUpdates(
            { ...app, dialogues: app.dialogues.map((d) => (d.dialogueId === round.dialogueId ? { ...d, status } : d)) },
            catalog.dialogues,
            decisions,
            `round:${round.id}:${status}`,
            channels,
            ROUND_ZONE,
            context,
          );
        return {
          approved: [
            ...as('approved'),
            ...(to[0]
              ? toEach(roundApprovalNotice(app, round.dialogueId, round.body, catalog.dialogues, to[0], catalog.contact, round.id), to)
              : []),
          ],
          objected: as('objected'),
        };
      },
    });
    if (!result.closed) continue;
    closed += 1;
    const count = (o: string) => result.outcomes.filter((x) => x.outcome === o).length;
    deps.log.info('round_closed', {
      roundId: round.id,
      approved: count('approved'),
      objected: count('objected'),
      withdrawn: count('withdrawn'),
    });
  }
  return closed;
}
