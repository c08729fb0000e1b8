/**
 * Sending a round. The batch opens with its audit row and everything after it runs only if that
 * row exists; two sends claiming one application are refused by the partial unique index
 * round_items_live_uq, the second finding nothing written.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { OutboundMessage } from '../../domain/messages';
import type { Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database } from '../schema';
import { auditExists, auditWhen } from './guards';
import { enqueueWhen } from './outbox';
import type { Round } from './rounds';

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
    auditWhen(
      db,
      {
        id: anchor,
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
