/**
 * A decision taken in the admin panel. It goes through the engine, like a click on a chat card,
 * so the cards and the applicant's notice follow; the audit row adds that it came from the panel.
 */
import type { DecideResult } from '../../domain/ports';
import type { DecisionOutcome } from '../../domain/types';
import { actorRef } from '../audit';
import type { AdminDeps } from '../deps';
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

/** The engine's result; a refused decision (decided first elsewhere, not pending) writes no audit row. */
export async function decideApplication(
  deps: CommandDeps & Pick<AdminDeps, 'engine'>,
  by: Pick<SessionUser, 'id' | 'displayName'>,
  input: { applicationId: string; dialogueId: string; outcome: DecisionOutcome; reason: string | null },
): Promise<DecideResult> {
  const result = await deps.engine.decide({ ...input, deciderName: by.displayName, deciderRef: actorRef(by) });
  if (!result.ok) return result;
  await record(deps, by, () => [], {
    action: 'application.decide',
    entity: 'application',
    entityId: input.applicationId,
    detail: {
      dialogueId: input.dialogueId,
      outcome: input.outcome,
      reason: input.reason,
      round: result.decision.round,
      decisionId: result.decision.id,
    },
  });
  return result;
}
