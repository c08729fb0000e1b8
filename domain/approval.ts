/**
 * The second stage of a decision: what reviewers recommend goes to the call's approval body. With
 * the States parties (or the Extended Bureau) that is a non-objection round: a frozen list sent
 * for a set time, during which each State party may object to an application; what stands
 * unobjected when the round closes is approved.
 */
import { DateTime } from 'luxon';
import * as z from 'zod';
import type { ApprovalBody, Call, DialogueReviewStatus } from './types';

export const APPROVAL_BODIES: readonly ApprovalBody[] = ['states_parties', 'extended_bureau', 'secretariat'];
export const ROUND_ZONE = 'Europe/Vienna';
export const ROUND_WORKING_DAYS = 10;

export function isApprovalBody(v: unknown): v is ApprovalBody {
  return APPROVAL_BODIES.some((body) => body === v);
}

/** The call's approval body; a call that says nothing leaves the reviewers' decision final. */
export function approvalBodyOf(call: Pick<Call, 'approvalBody'> | undefined): ApprovalBody {
  return call?.approvalBody ?? 'secretariat';
}

/** Whether a reviewer's approval is only a recommendation under this body. */
export function twoStage(body: ApprovalBody): boolean {
  return body !== 'secretariat';
}

/**
 * The default closing time of a round sent at `now`: the end of the tenth working day (Monday to
 * Friday) after today, in Vienna — midnight Vienna time, whatever the season.
 */
export function defaultRoundClose(now: Date, workingDays = ROUND_WORKING_DAYS, zone = ROUND_ZONE): string {
  let day = DateTime.fromJSDate(now, { zone }).startOf('day');
  let left = workingDays;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left -= 1;
  }
  const close = day.plus({ days: 1 }).startOf('day').toUTC().toISO();
  if (!close) throw new Error(`No closing time in zone ${zone}: ${day.invalidExplanation ?? 'invalid date'}`);
  return close;
}

/** Objections count only while a round is open: strictly before its closing instant. */
export function roundAcceptsObjections(round: { status: string; closesAt: string }, now: Date): boolean {
  return round.status === 'open' && now.getTime() < Date.parse(round.closesAt);
}

/** Applicants are told only the final outcome: an objection is the secretariat's to handle. */
export function applicantView(status: DialogueReviewStatus): DialogueReviewStatus {
  return status === 'objected' ? 'recommended' : status;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const text = (min: number, max: number, what: string) => {
  const What = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  return z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, { error: `Write ${what}.` })
    .min(min, { error: `${What} must be at least ${min} characters.` })
    .max(max, { error: `${What} must be at most ${max} characters.` })
    .refine((s) => !CONTROL.test(s), { error: `${What} contains characters that cannot be shown.` });
};

/** A State party's reason for objecting; the secretariat reads it, the applicant never does. */
export const objectionReasonSchema = text(5, 2000, 'the reason for the objection');
/** Why the secretariat cancels a round that was sent. */
export const cancelReasonSchema = text(5, 1000, 'the reason for cancelling');
/** The secretariat's note when an objected application goes into a new round. */
export const resendNoteSchema = text(5, 1000, 'a note for the States parties');
