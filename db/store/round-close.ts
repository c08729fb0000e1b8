/**
 * The end of a round when its time has come (the scheduled job): approved where no objection
 * stands, objected where one does.
 *
 * Closing is set-based and anchored: the audit row is written only if the round is still open
 * and due, and every other statement runs only if that row exists. Two jobs closing the same
 * round at once (two Workers, or a retry) are serialised by the database; the second finds the
 * round closed and writes nothing, so each applicant is approved and told exactly once.
 */
import { expressionBuilder, sql, type Kysely } from 'kysely';
import type { OutboundMessage } from '../../domain/messages';
import type { Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database, RoundItemOutcome } from '../schema';
import { all, auditExists, auditWhen, auditWritten, insertWhen } from './guards';
import { enqueueWhen } from './outbox';
import { getRound, roundItems, type Round } from './rounds';

const eb = expressionBuilder<Database, never>();

// "This item has a standing objection", correlated with the round_items / application_dialogues row being updated.
const standing = (roundId: string, app: 'round_items' | 'application_dialogues') =>
  eb.exists(
    eb
      .selectFrom('objections as o')
      .select('o.id')
      .where('o.round_id', '=', roundId)
      .where('o.withdrawn_at', 'is', null)
      .where('o.application_id', '=', sql.ref<string>(`${app}.application_id`))
      .where('o.dialogue_id', '=', sql.ref<string>(`${app}.dialogue_id`)),
  );
const inRound = (roundId: string) =>
  eb.exists(
    eb
      .selectFrom('round_items as i')
      .select('i.round_id')
      .where('i.round_id', '=', roundId)
      .where('i.active', '=', 1)
      .where('i.application_id', '=', sql.ref<string>('application_dialogues.application_id'))
      .where('i.dialogue_id', '=', sql.ref<string>('application_dialogues.dialogue_id')),
  );

export interface CloseOutcome {
  applicationId: string;
  dialogueId: string;
  outcome: 'approved' | 'objected' | 'withdrawn';
}

/** Rounds whose closing time has passed and that are still open. */
export async function dueRounds(db: Kysely<Database>, now: string): Promise<Round[]> {
  const rows = await db
    .selectFrom('approval_rounds')
    .select('id')
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .orderBy('closes_at')
    .limit(50)
    .execute();
  return (await Promise.all(rows.map((r) => getRound(db, r.id)))).filter((r): r is Round => r !== null);
}

/**
 * Closes a due round. `messages` gives, per application, what to send if it is approved (its
 * applicant's notice, the redrawn reviewer cards) and if it is objected (the redrawn cards): each
 * set is written only if the application turns out that way when the batch runs, so an objection
 * that slipped in before the close still counts.
 */
export async function closeRound(
  db: Kysely<Database>,
  atomic: Atomic,
  input: {
    roundId: string;
    now: string;
    actorRef: string;
    messages: (applicationId: string) => Promise<{ approved: OutboundMessage[]; objected: OutboundMessage[] }>;
  },
): Promise<{ closed: true; outcomes: CloseOutcome[] } | { closed: false }> {
  const round = await getRound(db, input.roundId);
  if (!round || round.status !== 'open' || round.closesAt > input.now) return { closed: false };
  const items = (await roundItems(db, round.id)).filter((i) => i.active);
  const anchor = newId();
  const anchored = auditExists(anchor);
  const due = eb.exists(
    eb
      .selectFrom('approval_rounds')
      .select('id')
      .where('id', '=', round.id)
      .where('status', '=', 'open')
      .where('closes_at', '<=', input.now),
  );
  const perItem = [];
  for (const item of items) {
    const objection = eb.exists(
      eb
        .selectFrom('objections')
        .select('id')
        .where('round_id', '=', round.id)
        .where('withdrawn_at', 'is', null)
        .where('application_id', '=', item.applicationId)
        .where('dialogue_id', '=', item.dialogueId),
    );
    const waiting = eb.exists(
      eb
        .selectFrom('application_dialogues as ad')
        .innerJoin('applications as a', 'a.id', 'ad.application_id')
        .select('a.id')
        .where('ad.application_id', '=', item.applicationId)
        .where('ad.dialogue_id', '=', item.dialogueId)
        .where('ad.status', '=', 'recommended')
        .where('a.status', '=', 'submitted'),
    );
    const approvable = all(anchored, eb.not(objection), waiting);
    const messages = await input.messages(item.applicationId);
    // Events and notices first: they are guarded by the state before the updates below change it.
    perItem.push(
      insertWhen(
        db,
        'application_events',
        {
          id: newId(),
          application_id: item.applicationId,
          at: input.now,
          kind: 'round_approved',
          actor_ref: input.actorRef,
          detail: toJson({ roundId: round.id, dialogueId: item.dialogueId, body: round.body }),
        },
        approvable,
      ),
      ...enqueueWhen(db, messages.approved, input.now, approvable),
      ...enqueueWhen(db, messages.objected, input.now, all(anchored, objection, waiting)),
    );
  }
  await atomic.run([
    auditWhen(
      db,
      {
        id: anchor,
        at: input.now,
        actor: input.actorRef,
        action: 'round.close',
        entity: 'approval_round',
        entityId: round.id,
        detail: { dialogueId: round.dialogueId, applications: items.length },
      },
      due,
    ),
    ...perItem,
    db
      .updateTable('application_dialogues')
      .set({ status: 'approved', updated_at: input.now })
      .where('status', '=', 'recommended')
      .where(inRound(round.id))
      .where(eb.not(standing(round.id, 'application_dialogues')))
      .where(anchored),
    db
      .updateTable('application_dialogues')
      .set({ status: 'objected', updated_at: input.now })
      .where('status', '=', 'recommended')
      .where(inRound(round.id))
      .where(standing(round.id, 'application_dialogues'))
      .where(anchored),
    // Outcome per item from what the dialogue became; withdrawn by the applicant meanwhile stays so.
    db
      .updateTable('round_items')
      .set((e) => ({
        active: 0,
        outcome: e
          .case()
          .when(standing(round.id, 'round_items'))
          .then<RoundItemOutcome>('objected')
          .when(
            e.exists(
              e
                .selectFrom('application_dialogues as ad')
                .select('ad.status')
                .where('ad.application_id', '=', sql.ref<string>('round_items.application_id'))
                .where('ad.dialogue_id', '=', sql.ref<string>('round_items.dialogue_id'))
                .where('ad.status', '=', 'approved'),
            ),
          )
          .then<RoundItemOutcome>('approved')
          .else<RoundItemOutcome>('withdrawn')
          .end(),
      }))
      .where('round_id', '=', round.id)
      .where('active', '=', 1)
      .where(anchored),
    db.updateTable('approval_rounds').set({ status: 'closed', closed_at: input.now }).where('id', '=', round.id).where(anchored),
  ]);
  if (!(await auditWritten(db, anchor))) return { closed: false };
  const after = await db
    .selectFrom('round_items')
    .select(['application_id', 'dialogue_id', 'outcome'])
    .where('round_id', '=', round.id)
    .execute();
  return {
    closed: true,
    outcomes: after.map((r) => ({
      applicationId: r.application_id,
      dialogueId: r.dialogue_id,
      outcome: r.outcome === 'approved' || r.outcome === 'objected' ? r.outcome : 'withdrawn',
    })),
  };
}
