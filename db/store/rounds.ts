/**
 * Non-objection rounds. Every write is one guarded batch (db/atomic.ts) whose first statement is
 * an audit row inserted only if the state read beforehand still holds; everything after it runs
 * only if that row exists. A round closed twice (the job on two Workers), an objection racing the
 * close, or two rounds claiming one application therefore decide once and write nothing else.
 */
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { OutboundMessage } from '../../domain/messages';
import type { ApprovalBody } from '../../domain/types';
import type { Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database } from '../schema';
import { all, insertWhen } from './guards';
import { enqueueWhen } from './outbox';

export type { RoundStatus } from '../tables/operations';
import type { RoundStatus } from '../tables/operations';

export interface Round {
  id: string;
  callId: string;
  dialogueId: string;
  body: Exclude<ApprovalBody, 'secretariat'>;
  status: RoundStatus;
  closesAt: string;
  zone: string;
  createdBy: string;
  sentAt: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface RoundItem {
  applicationId: string;
  dialogueId: string;
  note: string | null;
  active: boolean;
  outcome: string | null;
}

const eb = expressionBuilder<Database, never>();
const auditExists = (id: string): Expression<SqlBool> => eb.exists(eb.selectFrom('audit_log').select('id').where('id', '=', id));

function audit(
  db: Kysely<Database>,
  id: string,
  input: { actor: string; action: string; entity: string; entityId: string; detail: unknown; at: string },
  when: Expression<SqlBool>,
) {
  return insertWhen(
    db,
    'audit_log',
    {
      id,
      at: input.at,
      actor_ref: input.actor,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId,
      detail: toJson(input.detail),
    },
    when,
  );
}

function toRound(r: Database['approval_rounds']): Round {
  return {
    id: r.id,
    callId: r.call_id,
    dialogueId: r.dialogue_id,
    body: r.body,
    status: r.status,
    closesAt: r.closes_at,
    zone: r.zone,
    createdBy: r.created_by,
    sentAt: r.sent_at,
    closedAt: r.closed_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

export async function getRound(db: Kysely<Database>, id: string): Promise<Round | null> {
  const row = await db.selectFrom('approval_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRound(row) : null;
}

/** Newest first. */
export async function listRounds(db: Kysely<Database>, status?: RoundStatus): Promise<Round[]> {
  let q = db.selectFrom('approval_rounds').selectAll().orderBy('sent_at', 'desc').orderBy('id');
  if (status) q = q.where('status', '=', status);
  return (await q.execute()).map(toRound);
}

export async function roundItems(db: Kysely<Database>, roundId: string): Promise<RoundItem[]> {
  const rows = await db.selectFrom('round_items').selectAll().where('round_id', '=', roundId).orderBy('application_id').execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    dialogueId: r.dialogue_id,
    note: r.note,
    active: r.active === 1,
    outcome: r.outcome,
  }));
}

/** Open rounds an application is in, per dialogue: what "when will I know?" is answered from. */
export async function liveRoundsFor(db: Kysely<Database>, applicationId: string): Promise<Round[]> {
  const rows = await db
    .selectFrom('round_items as i')
    .innerJoin('approval_rounds as r', 'r.id', 'i.round_id')
    .selectAll('r')
    .where('i.application_id', '=', applicationId)
    .where('i.active', '=', 1)
    .where('r.status', '=', 'open')
    .execute();
  return rows.map(toRound);
}

// ---- sending -------------------------------------------------------------------------------

export interface SendInput {
  callId: string;
  dialogueId: string;
  body: Round['body'];
  closesAt: string;
  zone: string;
  /** Applications chosen; those objected in an earlier round need a note. */
  items: { applicationId: string; note: string | null }[];
  actorRef: string;
  now: string;
  messages: (round: Round) => OutboundMessage[];
}

export type SendResult =
  | { ok: true; round: Round }
  | { ok: false; code: 'empty' | 'not_recommended' | 'in_live_round' | 'note_required' | 'closes_in_past'; applicationIds: string[] };

/**
 * Sends a round: its list is frozen here (round_items are never edited afterwards, only closed
 * or cancelled). An application already in a live round is refused, in JavaScript for a clear
 * message and by the partial unique index round_items_live_uq when two sends race.
 */
export async function sendRound(db: Kysely<Database>, atomic: Atomic, input: SendInput): Promise<SendResult> {
  if (input.items.length === 0) return { ok: false, code: 'empty', applicationIds: [] };
  if (Date.parse(input.closesAt) <= Date.parse(input.now)) return { ok: false, code: 'closes_in_past', applicationIds: [] };
  const ids = input.items.map((i) => i.applicationId);
  const states = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db
      .selectFrom('application_dialogues as ad')
      .innerJoin('applications as a', 'a.id', 'ad.application_id')
      .select(['ad.application_id', 'ad.status'])
      .where('ad.dialogue_id', '=', input.dialogueId)
      .where('a.call_id', '=', input.callId)
      .where('a.status', '=', 'submitted')
      .where('ad.application_id', 'in', ids.slice(i, i + 90))
      .execute();
    for (const r of rows) states.set(r.application_id, r.status);
  }
  const bad = ids.filter((id) => !['recommended', 'objected'].includes(states.get(id) ?? ''));
  if (bad.length) return { ok: false, code: 'not_recommended', applicationIds: bad };
  const noNote = input.items.filter((i) => states.get(i.applicationId) === 'objected' && !i.note).map((i) => i.applicationId);
  if (noNote.length) return { ok: false, code: 'note_required', applicationIds: noNote };
  const live = await liveIn(db, ids, input.dialogueId);
  if (live.length) return { ok: false, code: 'in_live_round', applicationIds: live };

  const round: Round = {
    id: newId(),
    callId: input.callId,
    dialogueId: input.dialogueId,
    body: input.body,
    status: 'open',
    closesAt: input.closesAt,
    zone: input.zone,
    createdBy: input.actorRef,
    sentAt: input.now,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
  };
  const anchor = newId();
  const anchored = auditExists(anchor);
  const queries = [
    audit(
      db,
      anchor,
      {
        actor: input.actorRef,
        action: 'round.send',
        entity: 'approval_round',
        entityId: round.id,
        at: input.now,
        detail: { dialogueId: round.dialogueId, body: round.body, closesAt: round.closesAt, applications: ids },
      },
      sql<SqlBool>`1 = 1`,
    ),
    db.insertInto('approval_rounds').values({
      id: round.id,
      call_id: round.callId,
      dialogue_id: round.dialogueId,
      body: round.body,
      status: 'open',
      closes_at: round.closesAt,
      zone: round.zone,
      created_by: round.createdBy,
      sent_at: round.sentAt,
    }),
    ...input.items.flatMap((item) => [
      db
        .insertInto('round_items')
        .values({ round_id: round.id, application_id: item.applicationId, dialogue_id: round.dialogueId, note: item.note, active: 1 }),
      db
        .updateTable('application_dialogues')
        .set({ status: 'recommended', updated_at: input.now })
        .where('application_id', '=', item.applicationId)
        .where('dialogue_id', '=', round.dialogueId)
        .where('status', '=', 'objected'),
      db.insertInto('application_events').values({
        id: newId(),
        application_id: item.applicationId,
        at: input.now,
        kind: 'round_sent',
        actor_ref: input.actorRef,
        detail: toJson({ roundId: round.id, dialogueId: round.dialogueId, closesAt: round.closesAt, note: item.note }),
      }),
    ]),
    ...enqueueWhen(db, input.messages(round), input.now, anchored),
  ];
  try {
    await atomic.run(queries);
  } catch (err) {
    // Another send took one of these applications between the check above and this batch.
    if (/UNIQUE constraint failed: round_items/i.test(err instanceof Error ? err.message : String(err))) {
      return { ok: false, code: 'in_live_round', applicationIds: await liveIn(db, ids, input.dialogueId) };
    }
    throw err;
  }
  return { ok: true, round };
}

async function liveIn(db: Kysely<Database>, ids: string[], dialogueId: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db
      .selectFrom('round_items')
      .select('application_id')
      .where('active', '=', 1)
      .where('dialogue_id', '=', dialogueId)
      .where('application_id', 'in', ids.slice(i, i + 90))
      .execute();
    out.push(...rows.map((r) => r.application_id));
  }
  return out;
}

// ---- objections ----------------------------------------------------------------------------

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
    audit(
      db,
      anchor,
      {
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
    audit(
      db,
      anchor,
      {
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
  if (await db.selectFrom('audit_log').select('id').where('id', '=', anchor).executeTakeFirst()) return { ok: true };
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
