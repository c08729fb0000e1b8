/**
 * Questions passed to the secretariat: a question and its group as read back, recording one
 * (grouped with the same open question), and where the secretariat's cards go. Answering,
 * dismissing and assigning a group are in question-changes.ts.
 */
import { expressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import { isLocale } from '../../domain/i18n';
import type { OutboundMessage } from '../../domain/messages';
import type { RecordQuestionInput } from '../../domain/ports';
import { normalizeQuestion, type AskedQuestion, type QuestionGroup, type QuestionKind } from '../../domain/questions';
import type { Platform } from '../../domain/types';
import type { Atomic } from '../atomic';
import { newId, parseJson, recipientJson, toJson } from '../json';
import type { Database, QuestionRow } from '../schema';
import { all } from './guards';
import { UNANSWERED_MAX } from './conversation';
import { enqueueWhen } from './outbox';

const eb = expressionBuilder<Database, never>();

export function toQuestion(r: QuestionRow): AskedQuestion {
  return {
    id: r.id,
    text: r.text,
    platform: r.platform,
    personId: r.person_id,
    askedAt: r.asked_at,
    locale: isLocale(r.locale) ? r.locale : 'en',
    replyTo: r.reply_to ? parseJson(r.reply_to, recipientJson, 'question reply_to') : null,
    kind: (r.kind === 'contact' ? 'contact' : 'question') satisfies QuestionKind,
    status: r.status,
    mergedInto: r.merged_into,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    dismissReason: r.dismiss_reason,
    assignedTo: r.assigned_to,
    version: r.version,
  };
}

/** The group a question belongs to (by any member's id): its first question and everyone who asked. */
export async function questionGroup(db: Kysely<Database>, id: string): Promise<QuestionGroup | null> {
  const row = await db.selectFrom('unanswered_questions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const rootId = row.merged_into ?? row.id;
  const rows = await db
    .selectFrom('unanswered_questions')
    .selectAll()
    .where((e) => e.or([e('id', '=', rootId), e('merged_into', '=', rootId)]))
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
  const root = rows.find((r) => r.id === rootId);
  if (!root) return null;
  // A member keeps the group's state only while it is open with it; one answered on its own
  // before being merged is not asked again.
  const members = rows.filter((r) => r.id === rootId || r.status === root.status || r.status === 'open').map(toQuestion);
  return { root: toQuestion(root), members };
}

/**
 * Records a question. The same question (normalised) of the same kind still open joins that
 * group instead of making a new one; `messages` (the secretariat's new or redrawn card) is
 * written with it.
 */
export async function recordQuestion(db: Kysely<Database>, atomic: Atomic, input: RecordQuestionInput): Promise<QuestionGroup> {
  // Whole code points, as for any stored question: a pasted document is cut, an emoji is not.
  const text = Array.from(input.text).slice(0, UNANSWERED_MAX).join('');
  const normalized = normalizeQuestion(text);
  const open = normalized
    ? await db
        .selectFrom('unanswered_questions')
        .select('id')
        .where('normalized', '=', normalized)
        .where('kind', '=', input.kind)
        .where('status', '=', 'open')
        .where('merged_into', 'is', null)
        .orderBy('asked_at')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const before = open ? await questionGroup(db, open.id) : null;
  const id = newId();
  const row = {
    id,
    text,
    platform: input.platform,
    person_id: input.personId,
    asked_at: input.now,
    best_match_id: input.bestMatchId,
    status: 'open' as const,
    answered_faq_id: null,
    reply_to: input.replyTo ? toJson(input.replyTo) : null,
    locale: input.locale,
    normalized,
    merged_into: before ? before.root.id : null,
    kind: input.kind,
  };
  const asked: AskedQuestion = {
    id,
    text,
    platform: input.platform,
    personId: input.personId,
    askedAt: input.now,
    locale: input.locale,
    replyTo: input.replyTo,
    kind: input.kind,
    status: 'open',
    mergedInto: row.merged_into,
    answer: null,
    answeredBy: null,
    answeredAt: null,
    dismissReason: null,
    assignedTo: null,
    version: 0,
  };
  const group: QuestionGroup = before
    ? { root: { ...before.root, version: before.root.version + 1 }, members: [...before.members, asked] }
    : { root: asked, members: [asked] };
  const messages = input.messages(group, !before);
  const inserted = eb.exists(eb.selectFrom('unanswered_questions').select('id').where('id', '=', id));
  await atomic.run([
    db.insertInto('unanswered_questions').values(row),
    // The card's count changed: its redraw needs a version of its own.
    ...(before
      ? [
          db
            .updateTable('unanswered_questions')
            .set((e) => ({ version: e('version', '+', 1) }))
            .where('id', '=', before.root.id),
        ]
      : []),
    ...cardMessages(db, messages, input.now, inserted),
  ]);
  return group;
}

/** Card updates only where a card was posted: a channel set up later has no card to redraw. */
export function cardMessages(db: Kysely<Database>, messages: OutboundMessage[], now: string, condition: Expression<SqlBool>) {
  return messages.flatMap((m) => {
    const guard = m.replaces
      ? all(condition, eb.exists(eb.selectFrom('outbox').select('id').where('dedupe_key', '=', m.replaces)))
      : condition;
    return enqueueWhen(db, [m], now, guard);
  });
}

/** The secretariat channel for a call and platform (the call's own, else the default). */
export async function secretariatChannel(db: Kysely<Database>, callId: string | null, platform: Platform): Promise<string | null> {
  const rows = await db
    .selectFrom('secretariat_channels')
    .select(['call_id', 'address'])
    .where('platform', '=', platform)
    .where('call_id', 'in', callId ? [callId, ''] : [''])
    .execute();
  return (rows.find((r) => r.call_id === callId) ?? rows.find((r) => r.call_id === ''))?.address ?? null;
}
