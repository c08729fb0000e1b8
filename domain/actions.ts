/**
 * The ids the engine and every adapter agree on: button (action) ids, the ids of forms and prompts,
 * and the values buttons and prompts carry. A value that holds several ids is written and read
 * here only, so what a card sends and what the engine accepts cannot drift apart; decoders take
 * the value as hostile (a button's value comes back from the platform) and return null when it
 * is not exactly what an encoder writes.
 */

/** An applicant's buttons, answered by the engine (bot/core/engine.ts). */
export const ACTIONS = {
  apply: 'apply',
  /** Back to the draft where it was left. */
  resume: 'resume',
  status: 'status',
  edit: 'edit',
  withdraw: 'withdraw',
  withdrawConfirm: 'withdraw.confirm',
  /** Its value is the dialogue to be told about when its call opens. */
  subscribe: 'subscribe',
  /** Opens the prompt (INFO_FORM) to answer the reviewers' request for information. */
  answerInfo: 'info.answer',
  help: 'help',
} as const;

export const REVIEW_ACTIONS = {
  approve: 'review.approve',
  reject: 'review.reject',
  requestInfo: 'review.request_info',
} as const;

export const QUESTION_ACTIONS = {
  answer: 'question.answer',
  dismiss: 'question.dismiss',
  assign: 'question.assign',
  /** A follow-up question button: its value is the FAQ entry id to ask. */
  ask: 'question.ask',
} as const;

/** The action id of a form's Back button; its value is `formBackValue(draftId, stepId)` of the step shown. */
export const FORM_BACK_ACTION = 'form.back';

export const MY_DATA = 'my_data';
export const MY_DATA_EXPORT = 'my_data.export';
export const MY_DATA_DELETE = 'my_data.delete';
export const MY_DATA_CONFIRM = 'my_data.delete.confirm';
export const MY_DATA_CANCEL = 'my_data.delete.cancel';
export const MY_DATA_DOWNLOAD = 'my_data.download';

/** Prompts (one text box) and their context ids. */
export const REASON_FORM = 'review.reason';
export const INFO_FORM = 'info.answer';
export const ANSWER_FORM = 'question.answer';
export const DISMISS_FORM = 'question.dismiss';

// Ids never contain the separator: they are UUIDs and slugs.
const SEP = '|';

/** Exactly `n` non-empty parts, or null. */
function parts(value: string | undefined, n: number): string[] | null {
  const p = (value ?? '').split(SEP);
  return p.length === n && p.every(Boolean) ? p : null;
}

/** The value of a reviewer's approve / reject / request-information button. */
export function reviewActionValue(applicationId: string, dialogueId: string): string {
  return [applicationId, dialogueId].join(SEP);
}

export function parseReviewActionValue(value: string | undefined): { applicationId: string; dialogueId: string } | null {
  const p = parts(value, 2);
  return p ? { applicationId: p[0] ?? '', dialogueId: p[1] ?? '' } : null;
}

/** The value of a form's Back button: the draft and the step being left. */
export function formBackValue(draftId: string, stepId: string): string {
  return [draftId, stepId].join(SEP);
}

export function parseFormBackValue(value: string | undefined): { draftId: string; stepId: string } | null {
  const p = parts(value, 2);
  return p ? { draftId: p[0] ?? '', stepId: p[1] ?? '' } : null;
}

export type ReasonOutcome = 'reject' | 'request_info';

/** The context id of the reason prompt (REASON_FORM): which decision on which dialogue it is for. */
export function reasonContextId(outcome: ReasonOutcome, applicationId: string, dialogueId: string): string {
  return [outcome, applicationId, dialogueId].join(SEP);
}

export function parseReasonContextId(
  contextId: string | undefined,
): { outcome: ReasonOutcome; applicationId: string; dialogueId: string } | null {
  const p = parts(contextId, 3);
  const outcome = p?.[0];
  if (!p || (outcome !== 'reject' && outcome !== 'request_info')) return null;
  return { outcome, applicationId: p[1] ?? '', dialogueId: p[2] ?? '' };
}
