/**
 * "Same question as…" in the questions inbox: a group joins another, to be answered once and
 * delivered to everyone in both. Answering, dismissing and assigning go through the engine, which
 * the secretariat channel's cards share.
 */
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

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
