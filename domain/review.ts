/**
 * Review rules: what a reviewer's decision does to an application, when one may be made, and
 * how statuses read to people.
 */
import { z } from 'zod';
import type { Application, ApplicationDialogue, ApplicationStatus, DecisionOutcome, DialogueReviewStatus } from './types';

export const REASON_MIN = 5;

/** What to say when a reason that an outcome needs is missing. */
export const REASON_MISSING = {
  reject: 'Write a reason for the rejection.',
  request_info: 'Write what information you need from the applicant.',
} as const;
export const REASON_MAX = 1000;

/** The review status a dialogue takes after a decision. */
export function statusAfter(outcome: DecisionOutcome): DialogueReviewStatus {
  switch (outcome) {
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'request_info':
      return 'info_requested';
  }
}

/** Only a pending dialogue can be decided; anything else has been decided or withdrawn. */
export function canDecide(status: DialogueReviewStatus): boolean {
  return status === 'pending';
}

/** Rejections and requests for information must tell the applicant why. */
export function reasonRequired(outcome: DecisionOutcome): boolean {
  return outcome === 'reject' || outcome === 'request_info';
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A reviewer's reason, trimmed. */
export const reasonSchema = z
  .string({ error: 'Write a reason for the applicant.' })
  .trim()
  .min(1, { error: 'Write a reason for the applicant.' })
  .min(REASON_MIN, { error: `The reason must be at least ${REASON_MIN} characters.` })
  .max(REASON_MAX, { error: `The reason must be at most ${REASON_MAX} characters.` })
  .refine((s) => !CONTROL.test(s), { error: 'The reason contains characters that cannot be shown.' });

/**
 * Checks the reason for an outcome: required and validated for reject/request_info, optional
 * (but still validated when given) for approve. Returns the trimmed reason or null.
 */
export function validateReason(
  outcome: DecisionOutcome,
  reason: string | null | undefined,
): { ok: true; reason: string | null } | { ok: false; message: string } {
  const blank = reason == null || reason.trim() === '';
  if (blank) {
    return reasonRequired(outcome)
      ? { ok: false, message: outcome === 'reject' ? REASON_MISSING.reject : REASON_MISSING.request_info }
      : { ok: true, reason: null };
  }
  const parsed = reasonSchema.safeParse(reason);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'The reason is not valid.' };
  return { ok: true, reason: parsed.data };
}

export type DecisionCheck =
  | { ok: true; reason: string | null }
  | { ok: false; code: 'not_found' | 'not_submitted' | 'withdrawn' | 'not_pending' | 'reason_invalid'; message: string };

/** Whether a reviewer may record `outcome` for one dialogue of an application right now. */
export function checkDecision(
  application: Pick<Application, 'status' | 'dialogues'>,
  dialogueId: string,
  outcome: DecisionOutcome,
  reason: string | null | undefined,
): DecisionCheck {
  if (application.status === 'withdrawn') {
    return { ok: false, code: 'withdrawn', message: 'The applicant has withdrawn this application, so it can no longer be decided.' };
  }
  if (application.status !== 'submitted') {
    return { ok: false, code: 'not_submitted', message: 'This application has not been submitted yet.' };
  }
  const entry = application.dialogues.find((d) => d.dialogueId === dialogueId);
  if (!entry) return { ok: false, code: 'not_found', message: 'This application is not for that dialogue.' };
  if (entry.status === 'withdrawn') {
    return { ok: false, code: 'withdrawn', message: 'The applicant has withdrawn from this dialogue, so it can no longer be decided.' };
  }
  if (!canDecide(entry.status)) {
    return { ok: false, code: 'not_pending', message: `This application has already been decided: ${describeStatus(entry.status).toLowerCase()}.` };
  }
  const r = validateReason(outcome, reason);
  return r.ok ? { ok: true, reason: r.reason } : { ok: false, code: 'reason_invalid', message: r.message };
}

export type OverallStatus = DialogueReviewStatus | 'partly_approved';

/**
 * One status for an application across its dialogues, for lists and status replies: anything
 * waiting on someone (information requested, then pending review) wins over final outcomes.
 */
export function overallStatus(dialogues: readonly Pick<ApplicationDialogue, 'status'>[]): OverallStatus {
  const live = dialogues.map((d) => d.status).filter((s) => s !== 'withdrawn');
  if (live.length === 0) return dialogues.length ? 'withdrawn' : 'pending';
  if (live.includes('info_requested')) return 'info_requested';
  if (live.includes('pending')) return 'pending';
  if (live.every((s) => s === 'approved')) return 'approved';
  if (live.every((s) => s === 'rejected')) return 'rejected';
  return 'partly_approved';
}

const STATUS_WORDS: Record<OverallStatus | ApplicationStatus, string> = {
  draft: 'Draft, not submitted yet',
  submitted: 'Submitted',
  pending: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Not approved',
  info_requested: 'More information requested',
  withdrawn: 'Withdrawn',
  partly_approved: 'Approved for some dialogues',
};

/** A status in words an applicant or reviewer understands. */
export function describeStatus(status: OverallStatus | ApplicationStatus): string {
  return STATUS_WORDS[status] ?? status;
}
