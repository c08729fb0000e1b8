/**
 * The questions inbox's changes. Answering, dismissing and assigning go through the engine, as a
 * click on the secretariat channel's card does, so askers and cards follow; the engine writes the
 * audit row with the change. Merging is the panel's own.
 */
import type { AnswerGroupInput, AnswerGroupResult, ChangeResult } from '../../bot/core/questions-flow';
import { actorRef } from '../audit';
import type { AdminDeps } from '../deps';
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

type EngineDeps = Pick<AdminDeps, 'engine'>;
type Member = Pick<SessionUser, 'id' | 'displayName'>;

const asMember = (by: Member, action: string) => ({ by: by.displayName, ref: actorRef(by), audit: { actorRef: actorRef(by), action } });

export function answerQuestion(
  deps: EngineDeps,
  by: Member,
  input: Pick<AnswerGroupInput, 'questionId' | 'answer' | 'addToFaq' | 'faq'>,
): Promise<AnswerGroupResult> {
  return deps.engine.answerQuestion({ ...input, ...asMember(by, 'question.answer') });
}

export function changeQuestion(
  deps: EngineDeps,
  by: Member,
  questionId: string,
  change: { change: 'dismiss'; reason: string } | { change: 'assign' },
): Promise<ChangeResult> {
  return deps.engine.changeQuestion({ questionId, ...change, ...asMember(by, `question.${change.change}`) });
}

/** "Same question as…": a group joins another, to be answered once and delivered to everyone in both. */

export async function mergeQuestions(
  deps: CommandDeps,
  by: Pick<SessionUser, 'id'>,
  group: { rootId: string; memberIds: string[] },
  intoRootId: string,
): Promise<void> {
  await record(
    deps,
    by,
    () => [
      deps.db
        .updateTable('unanswered_questions')
        .set({ merged_into: intoRootId, assigned_to: null, assigned_ref: null })
        .where('id', 'in', group.memberIds)
        .where('status', '=', 'open'),
      // The card's count changed: its redraw needs a version of its own.
      deps.db
        .updateTable('unanswered_questions')
        .set((e) => ({ version: e('version', '+', 1) }))
        .where('id', '=', intoRootId),
    ],
    { action: 'question.merge', entity: 'unanswered_question', entityId: group.rootId, detail: { into: intoRootId } },
  );
}
