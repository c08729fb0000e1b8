/**
 * Reviewer decisions and the applicant's answer to a request for information. Decisions from
 * chat cards and from the admin panel go through `decide`, so the rules, the card updates and
 * the applicant's notice are the same wherever the click happened.
 */
import { dialogueName } from '../../domain/localized';
import { AppError } from '../../domain/errors';
import { checkDecision, describeStatus, reasonMissing, statusAfter, validateReason } from '../../domain/review';
import { approvalBodyFor, reviewContext } from './review-context';
import {
  INFO_FORM,
  parseReasonContextId,
  parseReviewActionValue,
  REASON_FORM,
  reasonContextId,
  REVIEW_ACTIONS,
} from '../../domain/actions';
import { decisionNotice, reviewCardMessages, reviewCardUpdates } from '../../domain/notifications';
import type { DecideResult } from '../../domain/ports';
import type { ApprovalBody, DecisionOutcome } from '../../domain/types';
import type { DecideInput } from './engine-types';
import { actorRef, loadCatalog, mayDecide, personOf, personRecipients, reviewChannels, toEach, type EngineDeps } from './context';
import { say } from './replies';
import type { Actor, EngineResult } from './types';
import { t, type Locale } from '../../domain/i18n';
import type { Platform } from '../../domain/types';
import { langOf } from './language';

/** Reviewers read the language of their channel (admin panel), else REVIEW_LOCALE, else English. */
async function reviewerLang(deps: EngineDeps, callId: string, platform: Platform): Promise<Locale> {
  return (await deps.store.reviewChannelLocale(callId, platform)) ?? deps.reviewLocale ?? 'en';
}

const OUTCOME_OF: Record<string, DecisionOutcome> = {
  [REVIEW_ACTIONS.approve]: 'approve',
  [REVIEW_ACTIONS.reject]: 'reject',
  [REVIEW_ACTIONS.requestInfo]: 'request_info',
};

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
  const context = await reviewContext(deps, app);
  const status = statusAfter(input.outcome, context.body);
  // A recommendation is not an outcome: the applicant hears only what the approval body decides.
  const tellApplicant = to.length > 0 && status !== 'recommended';
  return deps.store.decide({
    ...input,
    status,
    reason: check.reason,
    now: deps.clock.now().toISOString(),
    messages: (updated, decision) => [
      ...reviewCardUpdates(updated, catalog.dialogues, [...previous, decision], decision.id, channels, deps.reviewZone, context),
      ...(tellApplicant && to[0] ? toEach(decisionNotice(updated, decision, catalog.dialogues, to[0], catalog.contact), to) : []),
    ],
  });
}

function describeResult(result: DecideResult, dialogue: string, reference: string, body: ApprovalBody, l: Locale): string {
  if (result.ok && result.application.dialogues.find((d) => d.dialogueId === result.decision.dialogueId)?.status === 'recommended') {
    return t(l, 'rounds.review.recommended', { reference, dialogue, body });
  }
  if (result.ok) return t(l, 'review.done', { outcome: result.decision.outcome, reference, dialogue });
  if (result.reason === 'already_decided') {
    const d = result.existing;
    const status = describeStatus(
      d.outcome === 'reject' ? 'rejected' : d.outcome === 'request_info' ? 'info_requested' : statusAfter('approve', body),
      l,
    ).toLocaleLowerCase(l);
    return t(l, 'review.alreadyDecided', { reference, dialogue, status, decider: d.deciderName });
  }
  return t(l, 'review.notWaiting', { reference, dialogue });
}

/** A reviewer clicked Approve, Reject or Request information on a card. */
export async function reviewAction(deps: EngineDeps, actor: Actor, actionId: string, value: string | undefined): Promise<EngineResult> {
  const fallback = deps.reviewLocale ?? 'en';
  const target = parseReviewActionValue(value);
  const outcome = OUTCOME_OF[actionId];
  if (!target || !outcome) return say(t(fallback, 'review.buttonInvalid'));
  const app = await deps.store.get(target.applicationId);
  // The same answer for "no such application" and "not yours to decide": a guessed id learns nothing.
  if (!app || !(await mayDecide(deps, actor, app))) {
    deps.log.warn('review_refused', { actor: actorRef(actor) });
    return say(t(fallback, 'review.notReviewer'));
  }
  const l = await reviewerLang(deps, app.callId, actor.platform);
  const catalog = await loadCatalog(deps.store);
  const name = dialogueName(catalog.dialogues, target.dialogueId, l);
  const reference = app.reference ?? '';
  if (outcome !== 'approve') {
    const check = checkDecision(app, target.dialogueId, outcome, 'placeholder reason', l);
    if (!check.ok) return say(t(l, 'review.nothingChanged', { message: check.message }));
    return {
      replies: [
        {
          kind: 'prompt',
          prompt: {
            formId: REASON_FORM,
            contextId: reasonContextId(outcome, app.id, target.dialogueId),
            locale: l,
            title: t(l, outcome === 'reject' ? 'review.prompt.rejectTitle' : 'review.prompt.infoTitle'),
            label: t(l, outcome === 'reject' ? 'review.prompt.rejectLabel' : 'review.prompt.infoLabel', { reference, dialogue: name }),
            submitLabel: t(l, outcome === 'reject' ? 'review.prompt.reject' : 'review.prompt.send'),
            maxLength: 1000,
            invalidMessage: reasonMissing(outcome, l),
          },
        },
      ],
    };
  }
  const result = await decide(deps, decideInput(actor, app.id, target.dialogueId, 'approve', null));
  return say(describeResult(result, name, reference, await approvalBodyFor(deps, app.callId), l));
}

function decideInput(
  actor: Actor,
  applicationId: string,
  dialogueId: string,
  outcome: DecisionOutcome,
  reason: string | null,
): DecideInput {
  return { applicationId, dialogueId, outcome, reason, deciderName: actor.displayName ?? actor.userId, deciderRef: actorRef(actor) };
}

/** The reason typed for a rejection or a request for information. */
export async function reasonSubmitted(deps: EngineDeps, actor: Actor, contextId: string, text: string | undefined): Promise<EngineResult> {
  const fallback = deps.reviewLocale ?? 'en';
  const context = parseReasonContextId(contextId);
  if (!context) return { ...say(t(fallback, 'review.formInvalid')), closeForm: true };
  const { outcome, applicationId, dialogueId } = context;
  const app = await deps.store.get(applicationId);
  if (!app || !(await mayDecide(deps, actor, app))) {
    deps.log.warn('review_refused', { actor: actorRef(actor) });
    return { ...say(t(fallback, 'review.notReviewerForm')), closeForm: true };
  }
  const l = await reviewerLang(deps, app.callId, actor.platform);
  const reason = validateReason(outcome, text, l);
  if (!reason.ok) return { replies: [], fieldErrors: { text: reason.message } };
  const catalog = await loadCatalog(deps.store);
  const name = dialogueName(catalog.dialogues, dialogueId, l);
  const result = await decide(deps, decideInput(actor, applicationId, dialogueId, outcome, reason.reason));
  return { ...say(describeResult(result, name, app.reference ?? '', await approvalBodyFor(deps, app.callId), l)), closeForm: true };
}

/** The applicant chose "Answer" on a request for information. */
export async function infoPrompt(deps: EngineDeps, actor: Actor, applicationId: string | undefined): Promise<EngineResult> {
  const l = langOf(actor);
  const person = await personOf(deps, actor);
  const app = applicationId ? await deps.store.get(applicationId) : null;
  if (!app || app.personId !== person.id) return say(t(l, 'apply.notFound'));
  const reference = app.reference ?? '';
  if (!app.dialogues.some((d) => d.status === 'info_requested')) return say(t(l, 'apply.info.none', { reference }));
  return {
    replies: [
      {
        kind: 'prompt',
        prompt: {
          formId: INFO_FORM,
          contextId: app.id,
          locale: l,
          title: t(l, 'apply.info.title'),
          label: t(l, 'apply.info.label', { reference }),
          submitLabel: t(l, 'apply.info.send'),
          maxLength: 3000,
          invalidMessage: t(l, 'apply.info.short'),
        },
      },
    ],
  };
}

export async function infoAnswered(deps: EngineDeps, actor: Actor, applicationId: string, text: string | undefined): Promise<EngineResult> {
  const l = langOf(actor);
  const answer = (text ?? '').trim();
  if (answer.length < 5) return { replies: [], fieldErrors: { text: t(l, 'apply.info.short') } };
  if (answer.length > 3000) return { replies: [], fieldErrors: { text: t(l, 'apply.info.long') } };
  const person = await personOf(deps, actor);
  const app = await deps.store.get(applicationId);
  if (!app || app.personId !== person.id) return { ...say(t(l, 'apply.notFound')), closeForm: true };
  const catalog = await loadCatalog(deps.store);
  const channels = await reviewChannels(deps, app.callId);
  const context = await reviewContext(deps, app);
  const updated = await deps.store.answerInfoRequest({
    id: app.id,
    text: answer,
    now: deps.clock.now().toISOString(),
    actorRef: actorRef(actor),
    messages: (a) => reviewCardMessages(a, catalog.dialogues, [], channels, deps.reviewZone, context),
  });
  if (!updated) return { ...say(t(l, 'apply.info.none', { reference: app.reference ?? '' })), closeForm: true };
  return { ...say(t(l, 'apply.info.thanks', { reference: app.reference ?? '' })), closeForm: true };
}
