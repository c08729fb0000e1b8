/**
 * Review rules: what a reviewer's decision does to an application, when one may be made, and
 * how statuses read to people.
 */
import * as z from 'zod';
import { t, type Locale } from './i18n';
import { twoStage } from './approval';
import type { Application, ApplicationDialogue, ApplicationStatus, ApprovalBody, DecisionOutcome, DialogueReviewStatus } from './types';

export const REASON_MIN = 5;

/** What to say, in the reviewer's language, when a reason that an outcome needs is missing. */
export function reasonMissing(outcome: 'reject' | 'request_info', l: Locale = 'en'): string {
  return t(l, outcome === 'reject' ? 'review.reason.rejectMissing' : 'review.reason.infoMissing');
}
export const REASON_MAX = 1000;

/**
 * The review status a dialogue takes after a decision. Under a non-objection body a reviewer's
 * approval is a recommendation; with the secretariat deciding it is final.
 */
export function statusAfter(outcome: DecisionOutcome, body: ApprovalBody = 'secretariat'): DialogueReviewStatus {
  switch (outcome) {
    case 'approve':
      return twoStage(body) ? 'recommended' : 'approved';
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

/** A reviewer's reason, trimmed; messages in the reviewers' language. */
export function reasonSchemaFor(l: Locale = 'en') {
  return z
    .string({ error: t(l, 'review.reason.missing') })
    .trim()
    .min(1, { error: t(l, 'review.reason.missing') })
    .min(REASON_MIN, { error: t(l, 'review.reason.short', { min: REASON_MIN }) })
    .max(REASON_MAX, { error: t(l, 'review.reason.long', { max: REASON_MAX }) })
    .refine((s) => !CONTROL.test(s), { error: t(l, 'review.reason.control') });
}

/** A reviewer's reason, trimmed (English messages). */
export const reasonSchema = reasonSchemaFor('en');

/**
 * Checks the reason for an outcome: required and validated for reject/request_info, optional
 * (but still validated when given) for approve. Returns the trimmed reason or null.
 */
export function validateReason(
  outcome: DecisionOutcome,
  reason: string | null | undefined,
  l: Locale = 'en',
): { ok: true; reason: string | null } | { ok: false; message: string } {
  const blank = reason == null || reason.trim() === '';
  if (blank) {
    return reasonRequired(outcome)
      ? { ok: false, message: reasonMissing(outcome === 'reject' ? 'reject' : 'request_info', l) }
      : { ok: true, reason: null };
  }
  const parsed = (l === 'en' ? reasonSchema : reasonSchemaFor(l)).safeParse(reason);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? t(l, 'review.reason.missing') };
  return { ok: true, reason: parsed.data };
}

export type DecisionCheck =
  | { ok: true; reason: string | null }
  | { ok: false; code: 'not_found' | 'not_submitted' | 'withdrawn' | 'not_pending' | 'reason_invalid'; message: string };

/** Whether a reviewer may record `outcome` for one dialogue of an application right now; messages in `l`. */
export function checkDecision(
  application: Pick<Application, 'status' | 'dialogues'>,
  dialogueId: string,
  outcome: DecisionOutcome,
  reason: string | null | undefined,
  l: Locale = 'en',
): DecisionCheck {
  if (application.status === 'withdrawn') {
    return { ok: false, code: 'withdrawn', message: t(l, 'review.check.withdrawn') };
  }
  if (application.status !== 'submitted') {
    return { ok: false, code: 'not_submitted', message: t(l, 'review.check.notSubmitted') };
  }
  const entry = application.dialogues.find((d) => d.dialogueId === dialogueId);
  if (!entry) return { ok: false, code: 'not_found', message: t(l, 'review.check.notForDialogue') };
  if (entry.status === 'withdrawn') {
    return { ok: false, code: 'withdrawn', message: t(l, 'review.check.dialogueWithdrawn') };
  }
  if (!canDecide(entry.status)) {
    return {
      ok: false,
      code: 'not_pending',
      message: t(l, 'review.check.decided', { status: describeStatus(entry.status, l).toLocaleLowerCase(l) }),
    };
  }
  const r = validateReason(outcome, reason, l);
  return r.ok ? { ok: true, reason: r.reason } : { ok: false, code: 'reason_invalid', message: r.message };
}

export type OverallStatus = DialogueReviewStatus | 'partly_approved';

// Waiting on someone wins over final outcomes: the applicant still has something to hear.
const WAITING: readonly DialogueReviewStatus[] = ['info_requested', 'pending', 'recommended', 'objected'];

/**
 * One status for an application across its dialogues, for lists and status replies: anything
 * waiting on someone (information requested, then pending review) wins over final outcomes.
 */
export function overallStatus(dialogues: readonly Pick<ApplicationDialogue, 'status'>[]): OverallStatus {
  const live = dialogues.map((d) => d.status).filter((s) => s !== 'withdrawn');
  if (live.length === 0) return dialogues.length ? 'withdrawn' : 'pending';
  for (const s of WAITING) if (live.some((x) => x === s)) return s;
  if (live.every((s) => s === 'approved')) return 'approved';
  if (live.every((s) => s === 'rejected')) return 'rejected';
  return 'partly_approved';
}

/** A status in words an applicant or reviewer understands, in `l`. */
export function describeStatus(status: OverallStatus | ApplicationStatus, l: Locale = 'en'): string {
  return t(l, `status.${status}`);
}
