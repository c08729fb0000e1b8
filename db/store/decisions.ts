/**
 * Reviewers' decisions. The first decision on a dialogue's round wins: the decision insert is
 * guarded by the review row still being 'pending' in that round, and the unique index
 * decisions_once_uq turns any second insert into a no-op. Everything else in the batch is guarded
 * by the new decision's existence, so a losing click writes nothing at all.
 */
import { expressionBuilder, type Kysely } from 'kysely';
import type { Application, Decision } from '../../domain/types';
import type { DecideResult, Store } from '../../domain/ports';
import { statusAfter } from '../../domain/review';
import type { Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database } from '../schema';
import { all, decisionExists, insertWhen } from './guards';
import { enqueueWhen } from './outbox';
import { applicationRow, getApplication, toDecision, withDialogues } from './rows';

/** The port's input: what the engine decided and the messages to send with it. */
export type DecideInput = Parameters<Store['decide']>[0];

export async function decisionsFor(db: Kysely<Database>, applicationId: string): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('decided_at')
    .orderBy('round')
    .orderBy('dialogue_id')
    .execute();
  return rows.map(toDecision);
}

async function decisionFor(db: Kysely<Database>, applicationId: string, dialogueId: string, round: number): Promise<Decision | null> {
  const row = await db
    .selectFrom('decisions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('dialogue_id', '=', dialogueId)
    .where('round', '=', round)
    .executeTakeFirst();
  return row ? toDecision(row) : null;
}

/**
 * Decides one dialogue of a submitted application, in the round it is in. No retry on a lost
 * race: the decider clicked on what they saw, and if that changed (another decision, a
 * resubmission, a withdrawal) they are told rather than having their click applied to something
 * else.
 */
export async function decide(db: Kysely<Database>, atomic: Atomic, input: DecideInput): Promise<DecideResult> {
  const row = await applicationRow(db, input.applicationId);
  if (!row) return { ok: false, reason: 'not_found' };
  const [current] = await withDialogues(db, [row]);
  const review = current?.dialogues.find((d) => d.dialogueId === input.dialogueId);
  if (!current || !review) return { ok: false, reason: 'not_found' };
  if (row.status !== 'submitted' || review.status !== 'pending') return refusal(db, input, review.round, row.status);

  const decision: Decision = {
    id: newId(),
    applicationId: input.applicationId,
    dialogueId: input.dialogueId,
    round: review.round,
    outcome: input.outcome,
    reason: input.reason,
    deciderName: input.deciderName,
    deciderRef: input.deciderRef,
    decidedAt: input.now,
  };
  const status = input.status ?? statusAfter(input.outcome);
  const next: Application = {
    ...current,
    dialogues: current.dialogues.map((d) => (d.dialogueId === input.dialogueId ? { ...d, status } : d)),
    updatedAt: input.now,
  };
  const eb = expressionBuilder<Database, never>();
  const stillPending = all(
    eb.exists(eb.selectFrom('applications').select('id').where('id', '=', input.applicationId).where('status', '=', 'submitted')),
    eb.exists(
      eb
        .selectFrom('application_dialogues')
        .select('dialogue_id')
        .where('application_id', '=', input.applicationId)
        .where('dialogue_id', '=', input.dialogueId)
        .where('status', '=', 'pending')
        .where('round', '=', review.round),
    ),
  );
  const anchored = decisionExists(decision.id);
  await atomic.run([
    insertWhen(
      db,
      'decisions',
      {
        id: decision.id,
        application_id: decision.applicationId,
        dialogue_id: decision.dialogueId,
        round: decision.round,
        outcome: decision.outcome,
        reason: decision.reason,
        decider_name: decision.deciderName,
        decider_ref: decision.deciderRef,
        decided_at: decision.decidedAt,
      },
      stillPending,
    ).onConflict((oc) => oc.doNothing()),
    db
      .updateTable('application_dialogues')
      .set({ status, updated_at: input.now })
      .where('application_id', '=', input.applicationId)
      .where('dialogue_id', '=', input.dialogueId)
      .where(anchored),
    // The version moves so that a submission built on the old state starts again.
    db
      .updateTable('applications')
      .set((e) => ({ updated_at: input.now, version: e('version', '+', 1) }))
      .where('id', '=', input.applicationId)
      .where(anchored),
    insertWhen(
      db,
      'application_events',
      {
        id: newId(),
        application_id: input.applicationId,
        at: input.now,
        kind: 'decision',
        actor_ref: input.deciderRef,
        detail: toJson({
          decisionId: decision.id,
          dialogueId: decision.dialogueId,
          round: decision.round,
          outcome: decision.outcome,
          reason: decision.reason,
          status,
        }),
      },
      anchored,
    ),
    ...enqueueWhen(db, input.messages(next, decision), input.now, anchored),
  ]);

  const written = await db.selectFrom('decisions').select('id').where('id', '=', decision.id).executeTakeFirst();
  if (written) {
    const application = await getApplication(db, input.applicationId);
    if (application) return { ok: true, decision, application };
  }
  // Judged against the round the decider saw, even if a resubmission has since opened another.
  const fresh = await applicationRow(db, input.applicationId);
  return refusal(db, input, review.round, fresh?.status ?? row.status);
}

// Why a decision was not taken: someone decided this round first, or the dialogue is not (any
// longer) waiting for one.
async function refusal(db: Kysely<Database>, input: DecideInput, round: number, status: string): Promise<DecideResult> {
  const existing = await decisionFor(db, input.applicationId, input.dialogueId, round);
  if (existing && status === 'submitted') return { ok: false, reason: 'already_decided', existing };
  return { ok: false, reason: 'not_pending' };
}
