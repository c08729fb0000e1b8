/**
 * The answer, dismissal or assignment of a question group, with the messages they cause, each in
 * one atomic write. Every change is conditioned on the version read before it, so of two people
 * acting at once exactly one changes anything; the caller reads the group again to tell the other.
 */
import { expressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { AnswerQuestionInput, QuestionChange } from '../../domain/ports';
import { changed, type Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database } from '../schema';
import { all, auditWhen, insertWhen } from './guards';
import { enqueueWhen } from './outbox';
import { cardMessages } from './questions';

const eb = expressionBuilder<Database, never>();
const eq = expressionBuilder<Database, 'unanswered_questions'>();
const rootAt = (id: string, version: number): Expression<SqlBool> =>
  eq.and([
    eq('unanswered_questions.id', '=', id),
    eq('unanswered_questions.status', '=', 'open'),
    eq('unanswered_questions.version', '=', version),
  ]);
const tokenHeld = (id: string, token: string): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('unanswered_questions').select('id').where('id', '=', id).where('answer_token', '=', token));

function auditRow(
  db: Kysely<Database>,
  audit: QuestionChange['audit'],
  rootId: string,
  at: string,
  detail: unknown,
  condition: Expression<SqlBool>,
) {
  if (!audit) return [];
  return [
    auditWhen(db, { at, actor: audit.actorRef, action: audit.action, entity: 'unanswered_question', entityId: rootId, detail }, condition),
  ];
}

/**
 * Answers a group read at `version`: the question and its open members answered, an FAQ entry
 * written if asked for, one message per asker whose person still exists (someone who deleted
 * their data is sent nothing), the cards redrawn. False when the group changed first.
 */
export async function answerQuestion(db: Kysely<Database>, atomic: Atomic, input: AnswerQuestionInput): Promise<boolean> {
  const token = newId();
  const won = tokenHeld(input.rootId, token);
  const faq = input.faq;
  const results = await atomic.run([
    db
      .updateTable('unanswered_questions')
      .set({
        status: 'answered',
        answer: input.answer,
        answered_by: input.by,
        answered_ref: input.ref,
        answered_at: input.now,
        answer_token: token,
        answered_faq_id: faq?.id ?? null,
        version: input.version + 1,
      })
      .where(rootAt(input.rootId, input.version)),
    ...(faq
      ? [
          insertWhen(
            db,
            'faq_entries',
            {
              id: faq.id,
              call_id: faq.callId,
              question: faq.question,
              variants: toJson(faq.variants),
              answer: faq.answer,
              source: faq.source,
              source_url: null,
              topic: null,
              archived: 0,
              related: toJson(faq.related),
              updated_at: input.now,
            },
            won,
          ),
        ]
      : []),
    db
      .updateTable('unanswered_questions')
      .set({
        status: 'answered',
        answer: input.answer,
        answered_by: input.by,
        answered_ref: input.ref,
        answered_at: input.now,
        answered_faq_id: faq?.id ?? null,
      })
      .where('id', 'in', input.memberIds.length ? input.memberIds : [''])
      .where('status', '=', 'open')
      .where(won),
    ...input.notices.flatMap(({ personId, message }) =>
      enqueueWhen(db, [message], input.now, all(won, eb.exists(eb.selectFrom('people').select('id').where('id', '=', personId)))),
    ),
    ...cardMessages(db, input.cardUpdates, input.now, won),
    ...auditRow(db, input.audit, input.rootId, input.now, { faqId: faq?.id ?? null, askers: input.memberIds.length }, won),
  ]);
  return changed(results[0]) === 1;
}

/** Dismisses an open group read at `version`, with the reason; the askers are not told. */
export async function dismissQuestion(db: Kysely<Database>, atomic: Atomic, input: QuestionChange & { reason: string }): Promise<boolean> {
  const token = newId();
  const won = tokenHeld(input.rootId, token);
  const results = await atomic.run([
    db
      .updateTable('unanswered_questions')
      .set({
        status: 'dismissed',
        dismiss_reason: input.reason,
        answered_by: input.by,
        answered_ref: input.ref,
        answered_at: input.now,
        answer_token: token,
        version: input.version + 1,
      })
      .where(rootAt(input.rootId, input.version)),
    db
      .updateTable('unanswered_questions')
      .set({ status: 'dismissed', dismiss_reason: input.reason })
      .where('merged_into', '=', input.rootId)
      .where('status', '=', 'open')
      .where(won),
    ...cardMessages(db, input.cardUpdates, input.now, won),
    ...auditRow(db, input.audit, input.rootId, input.now, { reason: input.reason }, won),
  ]);
  return changed(results[0]) === 1;
}

/** Assigns an open group read at `version` to someone. */
export async function assignQuestion(db: Kysely<Database>, atomic: Atomic, input: QuestionChange): Promise<boolean> {
  const token = newId();
  const won = tokenHeld(input.rootId, token);
  const results = await atomic.run([
    db
      .updateTable('unanswered_questions')
      .set({ assigned_to: input.by, assigned_ref: input.ref, answer_token: token, version: input.version + 1 })
      .where(rootAt(input.rootId, input.version)),
    ...cardMessages(db, input.cardUpdates, input.now, won),
    ...auditRow(db, input.audit, input.rootId, input.now, {}, won),
  ]);
  return changed(results[0]) === 1;
}
