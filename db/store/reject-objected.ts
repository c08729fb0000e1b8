/**
 * The one thing the secretariat may do with an objected application besides sending it again in
 * a new round: reject it, the applicant told with the reason. Anchored on the application event,
 * written only while the dialogue is objected and in no live round.
 */
import { expressionBuilder, type Kysely } from 'kysely';
import type { OutboundMessage } from '../../domain/messages';
import type { Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database } from '../schema';
import { auditWhen, eventExists, insertWhen } from './guards';
import { enqueueWhen } from './outbox';

const eb = expressionBuilder<Database, never>();

/** The secretariat rejects an application a State party objected to; the applicant is told. */
export async function rejectObjected(
  db: Kysely<Database>,
  atomic: Atomic,
  input: { applicationId: string; dialogueId: string; reason: string; actorRef: string; now: string; messages: OutboundMessage[] },
): Promise<boolean> {
  const eventId = newId();
  const anchored = eventExists(eventId);
  await atomic.run([
    insertWhen(
      db,
      'application_events',
      {
        id: eventId,
        application_id: input.applicationId,
        at: input.now,
        kind: 'rejected_after_objection',
        actor_ref: input.actorRef,
        detail: toJson({ dialogueId: input.dialogueId, reason: input.reason }),
      },
      eb.exists(
        eb
          .selectFrom('application_dialogues')
          .select('application_id')
          .where('application_id', '=', input.applicationId)
          .where('dialogue_id', '=', input.dialogueId)
          .where('status', '=', 'objected')
          .where(
            eb.not(
              eb.exists(
                eb
                  .selectFrom('round_items')
                  .select('round_id')
                  .where('application_id', '=', input.applicationId)
                  .where('dialogue_id', '=', input.dialogueId)
                  .where('active', '=', 1),
              ),
            ),
          ),
      ),
    ),
    db
      .updateTable('application_dialogues')
      .set({ status: 'rejected', updated_at: input.now })
      .where('application_id', '=', input.applicationId)
      .where('dialogue_id', '=', input.dialogueId)
      .where(anchored),
    db
      .updateTable('applications')
      .set((e) => ({ updated_at: input.now, version: e('version', '+', 1) }))
      .where('id', '=', input.applicationId)
      .where(anchored),
    auditWhen(
      db,
      {
        at: input.now,
        actor: input.actorRef,
        action: 'application.reject_after_objection',
        entity: 'application',
        entityId: input.applicationId,
        detail: { dialogueId: input.dialogueId, reason: input.reason },
      },
      anchored,
    ),
    ...enqueueWhen(db, input.messages, input.now, anchored),
  ]);
  return Boolean(await db.selectFrom('application_events').select('id').where('id', '=', eventId).executeTakeFirst());
}
