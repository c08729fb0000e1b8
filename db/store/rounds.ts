/**
 * Non-objection rounds as read back: a round, its frozen list, and the open rounds an
 * application is in. The writes are in round-send.ts, objections.ts, round-close.ts,
 * round-cancel.ts and reject-objected.ts, each one guarded batch anchored on its audit row.
 */
import type { Kysely } from 'kysely';
import type { ApprovalBody } from '../../domain/types';
import type { Database } from '../schema';

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
