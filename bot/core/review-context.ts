/**
 * What a reviewer card shows besides the application: who approves what reviewers recommend,
 * and, for each dialogue, the balance of those recommended or approved so far and what this
 * application would add. Read fresh whenever a card is drawn, so every redraw is current.
 */
import { approvalBodyOf } from '../../domain/approval';
import { balanceLine } from '../../domain/balance';
import type { Locale } from '../../domain/i18n';
import { dialogueName } from '../../domain/localized';
import type { ReviewCardContext } from '../../domain/notifications';
import type { ApplicationAnswers, ApprovalBody } from '../../domain/types';
import { loadCatalog, type EngineDeps } from './context';

/** The call's approval body, archived calls included (an old application still has its rules). */
export async function approvalBodyFor(deps: Pick<EngineDeps, 'store'>, callId: string): Promise<ApprovalBody> {
  return approvalBodyOf((await deps.store.listCalls()).find((c) => c.id === callId));
}

export async function reviewContext(
  deps: Pick<EngineDeps, 'store'>,
  app: { id: string; callId: string; answers: Partial<ApplicationAnswers>; dialogues: { dialogueId: string; status: string }[] },
): Promise<ReviewCardContext> {
  const [body, catalog] = await Promise.all([approvalBodyFor(deps, app.callId), loadCatalog(deps.store)]);
  const ids = app.dialogues.length
    ? app.dialogues.filter((d) => d.status !== 'withdrawn').map((d) => d.dialogueId)
    : (app.answers.dialogueIds ?? []);
  const counts = await Promise.all(ids.map(async (id) => ({ id, counts: await deps.store.stageCounts(id, app.id) })));
  // Counted once; written in each reviewer channel's own language when its card is drawn.
  const balance = (l: Locale) => counts.map(({ id, counts: c }) => balanceLine(l, dialogueName(catalog.dialogues, id, l), c, app.answers));
  return { body, balance };
}
