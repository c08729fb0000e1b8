/**
 * The secretariat's round changes: sending a round (the focal points told), cancelling one, and
 * rejecting an application a State party objected to (the applicant told). The store writes each
 * as one guarded batch with its audit row; here the messages are put together.
 */
import { personRecipients, toEach } from '../../bot/core/context';
import { dialogueTranslationsJson, parseJson } from '../../db/json';
import { rejectObjected } from '../../db/store/reject-objected';
import { cancelRound } from '../../db/store/round-cancel';
import { sendRound, type SendInput, type SendResult } from '../../db/store/round-send';
import { decisionNotice, roundNotice } from '../../domain/notifications';
import type { Application } from '../../domain/types';
import { actorRef } from '../audit';
import type { AdminDeps } from '../deps';
import type { SessionUser } from '../env';
import { listDialogues } from '../queries/catalog';
import { focalPoints } from '../queries/rounds';
import type { CommandDeps } from './record';

type By = Pick<SessionUser, 'id'>;

/** Sends a round and tells every focal point, in the reviewers' language. */
export async function sendApprovalRound(
  deps: CommandDeps & Pick<AdminDeps, 'settings'>,
  by: By,
  input: Omit<SendInput, 'actorRef' | 'now' | 'messages'>,
): Promise<SendResult> {
  const focal = await focalPoints(deps.db);
  // Focal points read the reviewers' language, the dialogue's name included.
  const l = deps.settings.reviewLocale ?? 'en';
  const row = (await listDialogues(deps.db)).find((d) => d.id === input.dialogueId);
  const translated =
    row && l !== 'en' ? parseJson(row.translations, dialogueTranslationsJson, 'dialogue translations')[l]?.name : undefined;
  const dialogueName = translated || row?.name || input.dialogueId;
  const objections = `${deps.settings.publicUrl ?? ''}/admin/objections`;
  return sendRound(deps.db, deps.atomic, {
    ...input,
    actorRef: actorRef(by),
    now: deps.clock.now().toISOString(),
    messages: (round) => focal.map((f) => roundNotice(round, dialogueName, input.items.length, f, objections, l)),
  });
}

/** False when the round is not open (any more). */
export function cancelApprovalRound(deps: CommandDeps, by: By, roundId: string, reason: string): Promise<boolean> {
  return cancelRound(deps.db, deps.atomic, { roundId, reason, actorRef: actorRef(by), now: deps.clock.now().toISOString() });
}

/**
 * Rejects an objected application for one dialogue, the applicant told with the reason; false
 * when it is not waiting as objected (it may be in a new round).
 */
export async function rejectAfterObjection(
  deps: CommandDeps & Pick<AdminDeps, 'store'>,
  by: Pick<SessionUser, 'id' | 'displayName'>,
  application: Application,
  dialogueId: string,
  reason: string,
): Promise<boolean> {
  const dialogues = await deps.store.listDialogues();
  const to = await personRecipients(deps.store, application.personId);
  const now = deps.clock.now().toISOString();
  const decision = {
    id: `objected:${application.id}:${dialogueId}`,
    applicationId: application.id,
    dialogueId,
    round: 0,
    outcome: 'reject' as const,
    reason,
    deciderName: by.displayName,
    deciderRef: actorRef(by),
    decidedAt: now,
  };
  const contact = (await deps.store.getSetting<string>('contact_email')) ?? 'the secretariat';
  return rejectObjected(deps.db, deps.atomic, {
    applicationId: application.id,
    dialogueId,
    reason,
    actorRef: actorRef(by),
    now,
    messages: to[0] ? toEach(decisionNotice(application, decision, dialogues, to[0], contact), to) : [],
  });
}
