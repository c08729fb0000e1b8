/**
 * The conversation engine: one neutral event in, neutral replies out. Routing only; each kind
 * of work lives in its own module.
 */
import {
  ACTIONS,
  ANSWER_FORM,
  DISMISS_FORM,
  FORM_BACK_ACTION,
  INFO_FORM,
  MY_DATA,
  QUESTION_ACTIONS,
  REASON_FORM,
} from '../../domain/actions';
import { FORM_ID } from '../../domain/form';
import { callFor, callState, openCalls } from '../../domain/calls';
import type { Reply } from '../../domain/messages';
import { answerQuestion, knowledgeFor } from './answers';
import { openForm, startEdit, stepBack, submitStep } from './apply-flow';
import { loadCatalog, personOf, type EngineDeps } from './context';
import type { Engine } from './engine-types';
import { eraseOnRequest, isMyDataRequest, myData } from './my-data';
import { homeReplies } from './home-flow';
import { status, withdrawAsk, withdrawConfirm } from './status-flow';
import { subscribe } from './subscribe-flow';
import { classify } from './intents';
import { commandInEnglish } from '../../domain/i18n/commands';
import { isLocale } from '../../domain/i18n/locales';
import { chooseLanguage, langOf, LANGUAGE_ACTION, languageCard, languageChoiceIn, withLanguage } from './language';
import { smallTalkReplies } from './smalltalk';
import { questionAction, questionSubmitted } from './question-cards';
import { answerGroup, changeGroup, passToSecretariat } from './questions-flow';
import { t, type Locale } from '../../domain/i18n';
import { helpReplies, say } from './replies';
import { decide, infoAnswered, infoPrompt, reasonSubmitted, reviewAction } from './review-flow';
import type { Actor, ConversationRef, EngineResult, InboundEvent } from './types';

export type { EngineDeps } from './context';

/** A follow-up question button under an answer: asks that FAQ entry's question. */
async function askFollowUp(
  deps: EngineDeps,
  actor: Actor,
  conversation: ConversationRef,
  faqId: string | undefined,
): Promise<EngineResult> {
  const entry = (await loadCatalog(deps.store)).faq.find((f) => f.id === faqId);
  if (!entry) return { replies: helpReplies(await loadCatalog(deps.store), deps.clock.now(), langOf(actor)) };
  return { replies: await answerQuestion(deps, actor, entry.question, null, conversation) };
}

async function onAction(
  deps: EngineDeps,
  actor: Actor,
  conversation: ConversationRef,
  actionId: string,
  value?: string,
): Promise<EngineResult> {
  switch (actionId) {
    case QUESTION_ACTIONS.ask:
      return askFollowUp(deps, actor, conversation, value);
    case QUESTION_ACTIONS.answer:
    case QUESTION_ACTIONS.dismiss:
    case QUESTION_ACTIONS.assign:
      return questionAction(deps, actor, actionId, value);
    case ACTIONS.apply:
    case ACTIONS.resume:
      return openForm(deps, actor);
    case ACTIONS.status:
      return status(deps, actor);
    case ACTIONS.edit:
      return startEdit(deps, actor, value);
    case ACTIONS.withdraw:
      return withdrawAsk(deps, actor, value);
    case ACTIONS.withdrawConfirm:
      return withdrawConfirm(deps, actor, value);
    case ACTIONS.subscribe:
      return subscribe(deps, actor, value);
    case ACTIONS.answerInfo:
      return infoPrompt(deps, actor, value);
    case FORM_BACK_ACTION:
      return stepBack(deps, actor, value);
    case ACTIONS.help:
      return { replies: [...helpReplies(await loadCatalog(deps.store), deps.clock.now(), langOf(actor)), languageCard(langOf(actor))] };
    case LANGUAGE_ACTION:
      if (isLocale(value)) return languageChosen(deps, actor, value);
      return { replies: [languageCard(langOf(actor))] };
    default:
      if (actionId.startsWith('review.')) return reviewAction(deps, actor, actionId, value);
      return { replies: helpReplies(await loadCatalog(deps.store), deps.clock.now(), langOf(actor)) };
  }
}

/** "langue : français" or a language button: stored as the person's choice, confirmed in it. */
async function languageChosen(deps: EngineDeps, actor: Actor, locale: Parameters<typeof chooseLanguage>[2]): Promise<EngineResult> {
  const chosen = await chooseLanguage(deps, actor, locale);
  return {
    replies: [
      { kind: 'text', text: t(locale, 'common.language.changed') },
      ...helpReplies(await loadCatalog(deps.store), deps.clock.now(), langOf(chosen)),
    ],
  };
}

async function onEvent(deps: EngineDeps, actor: Actor, event: Exclude<InboundEvent, { kind: 'message' }>): Promise<EngineResult> {
  switch (event.kind) {
    case 'action':
      if (event.actionId.startsWith(`${MY_DATA}`)) return myData(deps, actor, event.conversation, event.actionId, event.value);
      return onAction(deps, actor, event.conversation, event.actionId, event.value);
    case 'submission':
      if (event.formId === FORM_ID) return submitStep(deps, actor, event.contextId, event.stepId, event.values);
      if (event.formId === REASON_FORM) return reasonSubmitted(deps, actor, event.contextId, firstText(event.values.text));
      if (event.formId === INFO_FORM) return infoAnswered(deps, actor, event.contextId, firstText(event.values.text));
      if (event.formId === ANSWER_FORM || event.formId === DISMISS_FORM)
        return questionSubmitted(deps, actor, event.formId, event.contextId, event.values);
      return { ...say(t(langOf(actor), 'apply.form.invalid')), closeForm: true };
  }
}

/** "Can I talk to a person?": a request for contact in the inbox, answered where it was asked. */
async function contactRequest(
  deps: EngineDeps,
  actor: Actor,
  conversation: ConversationRef,
  text: string,
  locale: Locale,
): Promise<EngineResult> {
  const where = await passToSecretariat(deps, actor, conversation, { text, bestMatchId: null, locale, kind: 'contact' });
  return say(t(locale, 'questions.contact.passed', { where, contact: (await loadCatalog(deps.store)).contact }));
}

/**
 * Whether "I want to apply (for …)" can start the form now: a call is open and the message names
 * no dialogue whose call is not (the trafficking dialogue's opens later).
 */
async function canApplyTo(deps: EngineDeps, text: string): Promise<boolean> {
  const catalog = await loadCatalog(deps.store);
  const now = deps.clock.now();
  if (!openCalls(catalog.calls, now).length) return false;
  const named = knowledgeFor(catalog)
    .ask(text)
    .flatMap((a) => a.dialogues);
  return named.every((id) => {
    const call = callFor(catalog.calls, id, now);
    return !!call && callState(call, now) === 'open';
  });
}

async function onMessage(deps: EngineDeps, actor: Actor, text: string, conversation: ConversationRef): Promise<EngineResult> {
  const l = langOf(actor);
  const intent = classify(commandInEnglish(text));
  switch (intent.kind) {
    case 'help':
      // With the language setting: on Teams (no App Home) this card is where it lives.
      return { replies: [...helpReplies(await loadCatalog(deps.store), deps.clock.now(), l), languageCard(l)] };
    case 'smalltalk':
      // In the language it was said in; short or ambiguous greetings ("ok") in the person's.
      // Asking for a person is the one piece of small talk that reaches the secretariat.
      if (intent.topic === 'human') return contactRequest(deps, actor, conversation, text, intent.locale ?? l);
      return { replies: await smallTalkReplies(deps, intent.topic, intent.locale ?? l) };
    case 'apply':
      return openForm(deps, actor);
    case 'status':
      return status(deps, actor);
    case 'outcome':
      // Someone who has applied sees where their application stands; anyone else is told how
      // and when decisions come.
      if ((await deps.store.listForPerson((await personOf(deps, actor)).id)).length) return status(deps, actor);
      return { replies: await answerQuestion(deps, actor, intent.text, null, conversation) };
    case 'edit':
      return startEdit(deps, actor);
    case 'withdraw':
      return withdrawAsk(deps, actor);
    case 'subscribe':
      return subscribe(deps, actor, undefined, intent.topic);
    case 'wantsToApply':
      // With a call open the form starts; otherwise the answer says, in the asker's language,
      // that the call has closed and what comes next.
      if (await canApplyTo(deps, intent.text)) return openForm(deps, actor);
      return { replies: await answerQuestion(deps, actor, intent.text, null, conversation) };
    case 'question':
      return { replies: await answerQuestion(deps, actor, intent.text, null, conversation) };
  }
}

// Control characters (other than line breaks and tabs) carry nothing a person meant to say; the
// length cap keeps a pasted document from costing more than a long question. Whole code points,
// so an emoji is never cut in half.
function plainText(text: string): string {
  return Array.from(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, ''))
    .slice(0, 2000)
    .join('');
}

const firstText = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Marks replies with the language they are in, so that renderers write their own words ("Source:",
 * "Close", "Step 2 of 6") in it too. Prompts to reviewers already carry the reviewers' language.
 */
function inLanguage(result: EngineResult, locale: Locale): EngineResult {
  const replies = result.replies.map((r): Reply => {
    // English is what renderers assume; only other languages are marked.
    if (locale !== 'en' && r.kind === 'text' && r.sources?.length && !r.locale) return { ...r, locale };
    if (locale !== 'en' && r.kind === 'card' && !r.card.locale) return { ...r, card: { ...r.card, locale } };
    if (r.kind === 'form' && !r.form.locale) return { ...r, form: { ...r.form, locale } };
    if (r.kind === 'prompt' && !r.prompt.locale) return { ...r, prompt: { ...r.prompt, locale } };
    return r;
  });
  return { ...result, replies, locale };
}

export function createEngine(deps: EngineDeps): Engine {
  // Whatever a step wrote to the outbox goes out at once, also when the step failed after writing.
  const thenDeliver =
    <A, R>(work: (input: A) => Promise<R>) =>
    async (input: A): Promise<R> => {
      try {
        return await work(input);
      } finally {
        deps.deliverSoon?.();
      }
    };
  return {
    handle: thenDeliver(async (event: InboundEvent): Promise<EngineResult> => {
      if (event.kind === 'message') {
        const text = plainText(event.text);
        if (isMyDataRequest(event.text.slice(0, 100)))
          return myData(deps, await withLanguage(deps, event.actor, text, { create: false }), event.conversation, MY_DATA);
        const chosen = languageChoiceIn(text);
        if (chosen) return inLanguage(await languageChosen(deps, event.actor, chosen), chosen);
        const actor = await withLanguage(deps, event.actor, text);
        return inLanguage(await onMessage(deps, actor, text, event.conversation), langOf(actor));
      }
      const mine = event.kind === 'action' && event.actionId.startsWith(`${MY_DATA}`);
      const actor = await withLanguage(deps, event.actor, undefined, { create: !mine });
      const chosen = event.kind === 'action' && event.actionId === LANGUAGE_ACTION && isLocale(event.value) ? event.value : null;
      return inLanguage(await onEvent(deps, actor, event), chosen ?? langOf(actor));
    }),
    home: async (who) => {
      const { replies, locale } = await homeReplies(deps, who);
      return inLanguage({ replies }, locale).replies;
    },
    language: async (who) => langOf(await withLanguage(deps, who)),
    openForm: async (who) => {
      const actor = await withLanguage(deps, who);
      return inLanguage(await openForm(deps, actor), langOf(actor));
    },
    decide: thenDeliver((input) => decide(deps, input)),
    erasePerson: thenDeliver((input) => eraseOnRequest(deps, input)),
    answerQuestion: thenDeliver((input) => answerGroup(deps, input)),
    changeQuestion: thenDeliver((input) => changeGroup(deps, input)),
  };
}
