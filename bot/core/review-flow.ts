/**
 * Reviewer decisions and the applicant's answer to a request for information. Decisions from
 * chat cards and from the admin panel go through `decide`, so the rules, the card updates and
 * the applicant's notice are the same wherever the click happened.
 */
import { AppError } from '../../domain/errors';
import { checkDecision, describeStatus, REASON_MISSING, validateReason } from '../../domain/review';
import { decisionNotice, parseReviewActionValue, REVIEW_ACTIONS, reviewCardMessages, reviewCardUpdates } from '../../domain/notifications';
import type { DecideResult } from '../../domain/ports';
import type { DecisionOutcome } from '../../domain/types';
import type { DecideInput } from './engine-types';
import { actorRef, loadCatalog, mayDecide, personOf, personRecipients, reviewChannels, toEach, type EngineDeps } from './context';
import type { Actor, EngineResult } from './types';

const say = (text: string): EngineResult => ({ replies: [{ kind: 'text', text }] });

const OUTCOME_OF: Record<string, DecisionOutcome> = {
  [REVIEW_ACTIONS.approve]: 'approve',
  [REVIEW_ACTIONS.reject]: 'reject',
  [REVIEW_ACTIONS.requestInfo]: 'request_info',
};

export const REASON_FORM = 'review.reason';
export const INFO_FORM = 'info.answer';
const INFO_ANSWER_MISSING = 'Please write your answer (at least 5 characters).';

export async function decide(deps: EngineDeps, input: DecideInput): Promise<DecideResult> {
  const app = await deps.store.get(input.applicationId);
  if (!app) return { ok: false, reason: 'not_found' };
  const check = checkDecision(app, input.dialogueId, input.outcome, input.reason);
  if (!check.ok) {
    if (check.code === 'reason_invalid') throw new AppError('invalid', check.code, check.message);
    if (check.code === 'not_pending') {
      const existing = (await deps.store.decisionsFor(app.id))
        .filter((d) => d.dialogueId === input.dialogueId)
        .sort((a, b) => b.round - a.round || a.decidedAt.localeCompare(b.decidedAt))[0];
      if (existing) return { ok: false, reason: 'already_decided', existing };
    }
    return { ok: false, reason: check.code === 'not_found' ? 'not_found' : 'not_pending' };
  }
  const catalog = await loadCatalog(deps.store);
  const channels = await reviewChannels(deps, app.callId);
  const previous = await deps.store.decisionsFor(app.id);
  const to = await personRecipients(deps.store, app.personId);
  return deps.store.decide({
    ...input,
    reason: check.reason,
    now: deps.clock.now().toISOString(),
    messages: (updated, decision) => [
      ...reviewCardUpdates(updated, catalog.dialogues, [...previous, decision], decision.id, channels, deps.reviewZone),
      ...(to.length ? toEach(decisionNotice(updated, decision, catalog.dialogues, to[0]!, catalog.contact), to) : []),
    ],
  });
}

function describeResult(result: DecideResult, dialogueName: string, reference: string): string {
  if (result.ok) {
    const verb = { approve: 'approved', reject: 'rejected', request_info: 'asked for more information on' }[result.decision.outcome];
    return `Done: you ${verb} ${reference} for ${dialogueName}. The applicant is being told.`;
  }
  if (result.reason === 'already_decided') {
    const d = result.existing;
    return `${reference} for ${dialogueName} was already decided (${describeStatus(d.outcome === 'approve' ? 'approved' : d.outcome === 'reject' ? 'rejected' : 'info_requested').toLowerCase()}) by ${d.deciderName}. Your click changed nothing.`;
  }
  return `${reference} for ${dialogueName} is not waiting for a decision. Nothing changed.`;
}

/** A reviewer clicked Approve, Reject or Request information on a card. */
export async function reviewAction(deps: EngineDeps, actor: Actor, actionId: string, value: string | undefined): Promise<EngineResult> {
  const target = parseReviewActionValue(value);
  const outcome = OUTCOME_OF[actionId];
  if (!target || !outcome) return say('That button is not valid any more. Nothing changed.');
  const app = await deps.store.get(target.applicationId);
  // The same answer for "no such application" and "not yours to decide": a guessed id learns nothing.
  if (!app || !(await mayDecide(deps, actor, app))) {
    deps.log.warn('review_refused', { actor: actorRef(actor) });
    return say('Only reviewers of this call can decide on applications. Your click changed nothing.');
  }
  const catalog = await loadCatalog(deps.store);
  const name = catalog.dialogues.find((d) => d.id === target.dialogueId)?.shortName ?? target.dialogueId;
  if (outcome !== 'approve') {
    const check = checkDecision(app, target.dialogueId, outcome, 'placeholder reason');
    if (!check.ok) return say(`${check.message} Nothing changed.`);
    return {
      replies: [
        {
          kind: 'prompt',
          prompt: {
            formId: REASON_FORM,
            contextId: `${outcome}|${app.id}|${target.dialogueId}`,
            title: outcome === 'reject' ? 'Reason for rejecting' : 'Ask for information',
            label: outcome === 'reject'
              ? `Why is ${app.reference} not approved for ${name}? The applicant will read this.`
              : `What should the applicant of ${app.reference} tell you about ${name}?`,
            submitLabel: outcome === 'reject' ? 'Reject' : 'Send request',
            maxLength: 1000,
            invalidMessage: REASON_MISSING[outcome],
          },
        },
      ],
    };
  }
  const result = await decide(deps, decideInput(actor, app.id, target.dialogueId, 'approve', null));
  return say(describeResult(result, name, app.reference ?? ''));
}

function decideInput(actor: Actor, applicationId: string, dialogueId: string, outcome: DecisionOutcome, reason: string | null): DecideInput {
  return { applicationId, dialogueId, outcome, reason, deciderName: actor.displayName ?? actor.userId, deciderRef: actorRef(actor) };
}

/** The reason typed for a rejection or a request for information. */
export async function reasonSubmitted(deps: EngineDeps, actor: Actor, contextId: string, text: string | undefined): Promise<EngineResult> {
  const [outcome, applicationId, dialogueId] = contextId.split('|');
  if ((outcome !== 'reject' && outcome !== 'request_info') || !applicationId || !dialogueId) {
    return { ...say('That form is not valid any more. Nothing changed.'), closeForm: true };
  }
  const app = await deps.store.get(applicationId);
  if (!app || !(await mayDecide(deps, actor, app))) {
    deps.log.warn('review_refused', { actor: actorRef(actor) });
    return { ...say('Only reviewers of this call can decide on applications. Nothing changed.'), closeForm: true };
  }
  const reason = validateReason(outcome, text);
  if (!reason.ok) return { replies: [], fieldErrors: { text: reason.message } };
  const catalog = await loadCatalog(deps.store);
  const name = catalog.dialogues.find((d) => d.id === dialogueId)?.shortName ?? dialogueId;
  const result = await decide(deps, decideInput(actor, applicationId, dialogueId, outcome, reason.reason));
  return { ...say(describeResult(result, name, app.reference ?? '')), closeForm: true };
}

/** The applicant chose "Answer" on a request for information. */
export async function infoPrompt(deps: EngineDeps, actor: Actor, applicationId: string | undefined): Promise<EngineResult> {
  const person = await personOf(deps, actor);
  const app = applicationId ? await deps.store.get(applicationId) : null;
  if (!app || app.personId !== person.id) return say('I could not find that application.');
  if (!app.dialogues.some((d) => d.status === 'info_requested')) return say(`No information is requested on ${app.reference} right now.`);
  return {
    replies: [
      {
        kind: 'prompt',
        prompt: {
          formId: INFO_FORM, contextId: app.id, title: 'Answer the reviewers', label: `Your answer about ${app.reference}`, submitLabel: 'Send', maxLength: 3000,
          invalidMessage: INFO_ANSWER_MISSING,
        },
      },
    ],
  };
}

export async function infoAnswered(deps: EngineDeps, actor: Actor, applicationId: string, text: string | undefined): Promise<EngineResult> {
  const answer = (text ?? '').trim();
  if (answer.length < 5) return { replies: [], fieldErrors: { text: INFO_ANSWER_MISSING } };
  if (answer.length > 3000) return { replies: [], fieldErrors: { text: 'Please keep your answer under 3,000 characters.' } };
  const person = await personOf(deps, actor);
  const app = await deps.store.get(applicationId);
  if (!app || app.personId !== person.id) return { ...say('I could not find that application.'), closeForm: true };
  const catalog = await loadCatalog(deps.store);
  const channels = await reviewChannels(deps, app.callId);
  const updated = await deps.store.answerInfoRequest({
    id: app.id,
    text: answer,
    now: deps.clock.now().toISOString(),
    actorRef: actorRef(actor),
    messages: (a) => reviewCardMessages(a, catalog.dialogues, [], channels, deps.reviewZone),
  });
  if (!updated) return { ...say(`No information is requested on ${app.reference} right now.`), closeForm: true };
  return { ...say(`Thank you. Your answer is with the reviewers and ${app.reference} is back in review.`), closeForm: true };
}
