/**
 * The secretariat cancels an open round, with a reason: nothing is approved, and the applications
 * may go into the next round. Anchored on its audit row like every round write, so a round that
 * closed or was cancelled meanwhile is left as it is.
 */
import { expressionBuilder, sql, type Kysely } from 'kysely';
import type { Atomic } from '../atomic';
import { newId } from '../json';
import type { Database } from '../schema';
import { auditExists, auditWhen, auditWritten } from './guards';

const eb = expressionBuilder<Database, never>();

/** Cancels an open round: nothing is approved, the applications wait for the next one. */
export async function cancelRound(
  db: Kysely<Database>,
  atomic: Atomic,
  input: { roundId: string; reason: string; actorRef: string; now: string },
): Promise<boolean> {
  const anchor = newId();
  const anchored = auditExists(anchor);
  await atomic.run([
    auditWhen(
      db,
      {
        id: anchor,
        at: input.now,
        actor: input.actorRef,
        action: 'round.cancel',
        entity: 'approval_round',
        entityId: input.roundId,
        detail: { reason: input.reason },
      },
      eb.exists(eb.selectFrom('approval_rounds').select('id').where('id', '=', input.roundId).where('status', '=', 'open')),
    ),
    // Sent again after an objection (they carry a note): back to objected, as before the send.
    db
      .updateTable('application_dialogues')
      .set({ status: 'objected', updated_at: input.now })
      .where('status', '=', 'recommended')
      .where(
        eb.exists(
          eb
            .selectFrom('round_items as i')
            .select('i.round_id')
            .where('i.round_id', '=', input.roundId)
            .where('i.active', '=', 1)
            .where('i.note', 'is not', null)
            .where('i.application_id', '=', sql.ref<string>('application_dialogues.application_id'))
            .where('i.dialogue_id', '=', sql.ref<string>('application_dialogues.dialogue_id')),
        ),
      )
      .where(anchored),
    db
      .updateTable('round_items')
      .set({ active: 0, outcome: 'cancelled' })
      .where('round_id', '=', input.roundId)
      .where('active', '=', 1)
      .where(anchored),
    db
      .updateTable('approval_rounds')
      .set({ status: 'cancelled', cancelled_at: input.now, cancel_reason: input.reason })
      .where('id', '=', input.roundId)
      .where(anchored),
  ]);
  return auditWritten(db, anchor);
}
