/**
 * The secretariat channel's question cards: Answer, Dismiss and Assign to me, and the forms they
 * open. Only members of a secretariat channel may use them; the work is done by the same group
 * operations the admin panel calls (questions-flow.ts).
 */
import { ANSWER_FORM, DISMISS_FORM, QUESTION_ACTIONS } from '../../domain/actions';
import { t, type Locale } from '../../domain/i18n';
import { DISMISS_REASON_MAX } from '../../domain/questions';
import { actorRef, type EngineDeps } from './context';
import { answerGroup, changeGroup, lostTo, secretariatChannels, type AnswerGroupResult } from './questions-flow';
import { say } from './replies';
import type { Actor, EngineResult, RawValues } from './types';

const SECRETARIAT_LOCALE: Locale = 'en';
const tr = (key: Parameters<typeof t>[1], values?: Parameters<typeof t>[2]) => t(SECRETARIAT_LOCALE, key, values);

async function allowed(deps: EngineDeps, actor: Actor): Promise<boolean> {
  const channels = (await secretariatChannels(deps)).filter((c) => c.platform === actor.platform);
  return deps.isSecretariat(actor, channels);
}

export function describeAnswer(result: AnswerGroupResult, l: Locale = SECRETARIAT_LOCALE): string {
  if (result.ok)
    return [t(l, 'questions.result.answered', { count: result.notified }), result.faqId ? t(l, 'questions.result.faq_added') : '']
      .filter(Boolean)
      .join(' ');
  switch (result.code) {
    case 'too_long':
      return t(l, 'questions.result.too_long', { max: result.max, length: result.length });
    case 'empty':
      return t(l, 'questions.result.empty');
    case 'already_answered':
      return t(l, 'questions.result.already_answered', { name: result.by });
    case 'already_dismissed':
      return t(l, 'questions.result.already_dismissed', { name: result.by });
    default:
      return t(l, 'questions.result.not_found');
  }
}

/** Answer, Dismiss or Assign to me, clicked on a card in the secretariat channel. */
export async function questionAction(deps: EngineDeps, actor: Actor, actionId: string, value: string | undefined): Promise<EngineResult> {
  if (!value) return say(tr('questions.result.not_found'));
  if (!(await allowed(deps, actor))) {
    deps.log.warn('question_action_refused', { actor: actorRef(actor) });
    return say(tr('questions.result.forbidden'));
  }
  const group = await deps.store.questionGroup(value);
  if (!group) return say(tr('questions.result.not_found'));
  if (group.root.status !== 'open') return say(describeAnswer(lostTo(group)));
  if (actionId === QUESTION_ACTIONS.assign) {
    const r = await changeGroup(deps, { questionId: value, change: 'assign', by: actor.displayName ?? actor.userId, ref: actorRef(actor) });
    return say(r.ok ? tr('questions.result.assigned') : tr('questions.result.not_open'));
  }
  if (actionId === QUESTION_ACTIONS.dismiss) {
    return {
      replies: [
        {
          kind: 'prompt',
          prompt: {
            formId: DISMISS_FORM,
            contextId: group.root.id,
            title: tr('questions.form.dismiss_title'),
            label: tr('questions.form.dismiss_label'),
            submitLabel: tr('questions.form.dismiss_submit'),
            maxLength: DISMISS_REASON_MAX,
          },
        },
      ],
    };
  }
  return {
    replies: [
      {
        kind: 'form',
        form: {
          formId: ANSWER_FORM,
          draftId: group.root.id,
          stepId: 'answer',
          stepNumber: 1,
          stepCount: 1,
          title: tr('questions.form.answer_title'),
          intro: tr('questions.form.answer_intro', { question: group.root.text }),
          submitLabel: tr('questions.form.submit'),
          fields: [
            { id: 'answer', label: tr('questions.form.answer_label'), kind: 'textarea', required: true, maxLength: 4000 },
            {
              id: 'faq',
              label: tr('questions.form.faq_label'),
              kind: 'checkbox',
              required: false,
              options: [{ value: 'true', label: tr('questions.form.faq_label') }],
              value: ['true'],
            },
          ],
        },
      },
    ],
  };
}

/** The Answer form or the Dismiss reason sent back from a card. */
export async function questionSubmitted(
  deps: EngineDeps,
  actor: Actor,
  formId: string,
  questionId: string,
  values: RawValues,
): Promise<EngineResult> {
  if (!(await allowed(deps, actor))) return say(tr('questions.result.forbidden'), true);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  if (formId === DISMISS_FORM) {
    const r = await changeGroup(deps, {
      questionId,
      change: 'dismiss',
      reason: first(values.text),
      by: actor.displayName ?? actor.userId,
      ref: actorRef(actor),
    });
    if (!r.ok && r.code === 'reason_required')
      return { replies: [], fieldErrors: { text: tr('questions.result.reason_required', { max: DISMISS_REASON_MAX }) } };
    return say(r.ok ? tr('questions.result.dismissed') : tr('questions.result.not_open'), true);
  }
  const faqTicked = values.faq;
  const addToFaq = Array.isArray(faqTicked)
    ? faqTicked.some((v) => v.trim() !== '' && v !== 'false')
    : ['true', 'on', 'yes', '1'].includes((faqTicked ?? '').trim().toLowerCase());
  const result = await answerGroup(deps, {
    questionId,
    answer: first(values.answer),
    addToFaq,
    by: actor.displayName ?? actor.userId,
    ref: actorRef(actor),
  });
  if (!result.ok && (result.code === 'too_long' || result.code === 'empty'))
    return { replies: [], fieldErrors: { answer: describeAnswer(result) } };
  return say(describeAnswer(result), true);
}
