/**
 * Per call: who approves what reviewers recommend, and the balance targets the secretariat
 * aims for.
 */
import type { BalanceTargets } from '../../domain/balance';
import type { ApprovalBody } from '../../domain/types';
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

export async function setApproval(
  deps: CommandDeps,
  by: Pick<SessionUser, 'id'>,
  call: { id: string; approval_body: ApprovalBody },
  body: ApprovalBody,
  targets: BalanceTargets,
): Promise<void> {
  await record(
    deps,
    by,
    // updated_at moves so the engine's cached catalogue (and so every reply) follows at once.
    (now) => [
      deps.db
        .updateTable('calls')
        .set({ approval_body: body, balance_targets: JSON.stringify(targets), updated_at: now.toISOString() })
        .where('id', '=', call.id),
    ],
    {
      action: 'call.approval',
      entity: 'call',
      entityId: call.id,
      detail: { approvalBody: { from: call.approval_body, to: body }, targets },
    },
  );
}
