/**
 * A State party's objections in an open round: made with a reason, or withdrawn, until the round
 * closes; and every objection of a round, which only the secretariat sees. Each write is one
 * batch whose audit row is inserted only if the round and the item still allow it.
 */
import { expressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Atomic } from '../atomic';
import { newId } from '../json';
import type { Database } from '../schema';
import { all, auditExists, auditWhen, auditWritten, insertWhen } from './guards';
import { getRound } from './rounds';

const eb = expressionBuilder<Database, never>();

const roundOpenAt = (roundId: string, now: string): Expression<SqlBool> =>
  eb.exists(
    eb.selectFrom('approval_rounds').select('id').where('id', '=', roundId).where('status', '=', 'open').where('closes_at', '>', now),
  );
const itemLive = (roundId: string, applicationId: string, dialogueId: string): Expression<SqlBool> =>
  eb.exists(
    eb
      .selectFrom('round_items')
      .select('round_id')
      .where('round_id', '=', roundId)
      .where('application_id', '=', applicationId)
      .where('dialogue_id', '=', dialogueId)
      .where('active', '=', 1),
  );
const standingFrom = (roundId: string, applicationId: string, dialogueId: string, state: string): Expression<SqlBool> =>
  eb.exists(
    eb
      .selectFrom('objections')
      .select('id')
      .where('round_id', '=', roundId)
      .where('application_id', '=', applicationId)
      .where('dialogue_id', '=', dialogueId)
      .where('state_party', '=', state)
      .where('withdrawn_at', 'is', null),
  );

export interface ObjectionInput {
  roundId: string;
  applicationId: string;
  dialogueId: string;
  /** ISO code of the State party the focal point speaks for. */
  state: string;
  userId: string;
  reason: string;
  now: string;
}

export type ObjectionResult = { ok: true; id: string } | { ok: false; code: 'closed' | 'twice' | 'not_in_round' };

/** A State party objects; refused after the close, twice in one round, or off the round's list. */
export async function object(db: Kysely<Database>, atomic: Atomic, input: ObjectionInput): Promise<ObjectionResult> {
  const id = newId();
  const anchor = newId();
  const ok = all(
    roundOpenAt(input.roundId, input.now),
    itemLive(input.roundId, input.applicationId, input.dialogueId),
    eb.not(standingFrom(input.roundId, input.applicationId, input.dialogueId, input.state)),
  );
  await atomic.run([
    auditWhen(
      db,
      {
        id: anchor,
        actor: `admin:${input.userId}`,
        action: 'objection.create',
        entity: 'approval_round',
        entityId: input.roundId,
        at: input.now,
        detail: {
          objectionId: id,
          applicationId: input.applicationId,
          dialogueId: input.dialogueId,
          state: input.state,
          reason: input.reason,
        },
      },
      ok,
    ),
    insertWhen(
      db,
      'objections',
      {
        id,
        round_id: input.roundId,
        application_id: input.applicationId,
        dialogue_id: input.dialogueId,
        state_party: input.state,
        user_id: input.userId,
        reason: input.reason,
        created_at: input.now,
      },
      auditExists(anchor),
    ),
  ]);
  if (await db.selectFrom('objections').select('id').where('id', '=', id).executeTakeFirst()) return { ok: true, id };
  return { ok: false, code: await whyNot(db, input) };
}

async function whyNot(
  db: Kysely<Database>,
  input: Omit<ObjectionInput, 'reason' | 'userId'>,
): Promise<'closed' | 'twice' | 'not_in_round'> {
  const round = await getRound(db, input.roundId);
  if (!round || round.status !== 'open' || Date.parse(round.closesAt) <= Date.parse(input.now)) return 'closed';
  const item = await db
    .selectFrom('round_items')
    .select('active')
    .where('round_id', '=', input.roundId)
    .where('application_id', '=', input.applicationId)
    .where('dialogue_id', '=', input.dialogueId)
    .executeTakeFirst();
  if (!item || item.active !== 1) return 'not_in_round';
  return 'twice';
}

export type WithdrawObjectionResult = { ok: true } | { ok: false; code: 'closed' | 'none' };

/** The State party withdraws its standing objection, while the round is still open. */
export async function withdrawObjection(
  db: Kysely<Database>,
  atomic: Atomic,
  input: Omit<ObjectionInput, 'reason'>,
): Promise<WithdrawObjectionResult> {
  const anchor = newId();
  await atomic.run([
    auditWhen(
      db,
      {
        id: anchor,
        actor: `admin:${input.userId}`,
        action: 'objection.withdraw',
        entity: 'approval_round',
        entityId: input.roundId,
        at: input.now,
        detail: { applicationId: input.applicationId, dialogueId: input.dialogueId, state: input.state },
      },
      all(roundOpenAt(input.roundId, input.now), standingFrom(input.roundId, input.applicationId, input.dialogueId, input.state)),
    ),
    db
      .updateTable('objections')
      .set({ withdrawn_at: input.now, withdrawn_by: input.userId })
      .where('round_id', '=', input.roundId)
      .where('application_id', '=', input.applicationId)
      .where('dialogue_id', '=', input.dialogueId)
      .where('state_party', '=', input.state)
      .where('withdrawn_at', 'is', null)
      .where(auditExists(anchor)),
  ]);
  if (await auditWritten(db, anchor)) return { ok: true };
  const why = await whyNot(db, input);
  return { ok: false, code: why === 'closed' ? 'closed' : 'none' };
}

export interface StandingObjection {
  id: string;
  applicationId: string;
  dialogueId: string;
  state: string;
  userId: string;
  reason: string;
  createdAt: string;
  withdrawnAt: string | null;
}

/** Every objection of a round (withdrawn ones too): for the secretariat only. */
export async function objectionsOf(db: Kysely<Database>, roundId: string): Promise<StandingObjection[]> {
  const rows = await db.selectFrom('objections').selectAll().where('round_id', '=', roundId).orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    dialogueId: r.dialogue_id,
    state: r.state_party,
    userId: r.user_id,
    reason: r.reason,
    createdAt: r.created_at,
    withdrawnAt: r.withdrawn_at,
  }));
}
