/**
 * Questions the bot passes to the secretariat and their answers going back. Answering from the
 * admin panel and from a card in the secretariat channel goes through `answerGroup`, so the FAQ
 * entry, the askers' messages and the cards are the same wherever the answer was written.
 */
import { t, type Locale } from '../../domain/i18n';
import type { Recipient } from '../../domain/messages';
import { ANSWER_FORM, DISMISS_FORM, QUESTION_ACTIONS } from '../../domain/actions';
import {
  answerNotice,
  checkAnswer,
  DISMISS_REASON_MAX,
  faqSourceOf,
  FOLLOW_UPS_MAX,
  questionCardMessages,
  questionCardUpdates,
  replyAddress,
  variantsOf,
  type QuestionGroup,
  type QuestionKind,
  type ReplyWhere,
} from '../../domain/questions';
import type { FaqEntry } from '../../domain/types';
import { actorRef, loadCatalog, personOf, type EngineDeps } from './context';
import { knowledgeFor } from './answers';
import { relevantCall, say } from './replies';
import type { Actor, ConversationRef, EngineResult, RawValues } from './types';
import type { ChangeQuestionInput } from './engine-types';

const SECRETARIAT_PLATFORMS = ['slack', 'teams'] as const;

/** The secretariat channels for the call people are asking about now, one per platform that has one. */
export async function secretariatChannels(deps: EngineDeps): Promise<Recipient[]> {
  const catalog = await loadCatalog(deps.store);
  const call = relevantCall(catalog, deps.clock.now());
  const out: Recipient[] = [];
  for (const platform of SECRETARIAT_PLATFORMS) {
    const address = await deps.store.secretariatChannel(call?.id ?? null, platform);
    if (address) out.push({ platform, kind: 'channel', address });
  }
  return out;
}

/**
 * Records a question for the secretariat and says where its answer will arrive. The secretariat
 * channel gets a card for a new question, or the card redrawn with one more asker.
 */
export async function passToSecretariat(
  deps: EngineDeps,
  actor: Actor,
  conversation: ConversationRef | undefined,
  input: { text: string; bestMatchId: string | null; locale: Locale; kind: QuestionKind },
): Promise<ReplyWhere> {
  const address = conversation ? replyAddress(actor, conversation) : null;
  const person = await personOf(deps, actor);
  const channels = await secretariatChannels(deps);
  await deps.store.recordQuestion({
    text: input.text,
    platform: actor.platform,
    personId: person.id,
    bestMatchId: input.bestMatchId,
    now: deps.clock.now().toISOString(),
    locale: input.locale,
    replyTo: address?.recipient ?? null,
    kind: input.kind,
    messages: (group, isNew) => (isNew ? questionCardMessages(group, channels) : questionCardUpdates(group, channels, group.root.version)),
  });
  return address?.where ?? 'none';
}

export type AnswerGroupResult =
  | { ok: true; notified: number; faqId: string | null }
  | { ok: false; code: 'not_found' | 'empty' }
  | { ok: false; code: 'too_long'; length: number; max: number }
  | { ok: false; code: 'already_answered' | 'already_dismissed'; by: string };

export interface AnswerGroupInput {
  /** Any question of the group. */
  questionId: string;
  answer: string | undefined;
  addToFaq: boolean;
  /** The FAQ entry's question and call, when the admin panel edited them; else the asked text, every call. */
  faq?: { question: string; callId: string | null; variants: string[]; related: string[] };
  by: string;
  ref: string;
  audit?: { actorRef: string; action: string };
}

function lostTo(group: QuestionGroup): AnswerGroupResult {
  const by = group.root.answeredBy ?? '';
  return group.root.status === 'dismissed' ? { ok: false, code: 'already_dismissed', by } : { ok: false, code: 'already_answered', by };
}

/** Follow-ups under an answer: the entry's own choice, else the nearest FAQ entries. */
function followUps(
  faq: FaqEntry[],
  question: string,
  related: string[],
  exclude: string[],
  kb: ReturnType<typeof knowledgeFor>,
): FaqEntry[] {
  const chosen = related.map((id) => faq.find((f) => f.id === id)).filter((f): f is FaqEntry => !!f);
  return chosen.length ? chosen.slice(0, FOLLOW_UPS_MAX) : kb.related(question, FOLLOW_UPS_MAX, exclude);
}

/**
 * Answers a question group: first answer wins. Every asker whose person still exists gets the
 * answer where they asked, in their language; the FAQ gains an entry (the asked wordings as its
 * variants) when `addToFaq`; the secretariat cards show who answered.
 */
export async function answerGroup(deps: EngineDeps, input: AnswerGroupInput): Promise<AnswerGroupResult> {
  const checked = checkAnswer(input.answer);
  if (!checked.ok)
    return checked.code === 'too_long'
      ? { ok: false, code: 'too_long', length: checked.length, max: checked.max }
      : { ok: false, code: 'empty' };
  const channels = await secretariatChannels(deps);
  const secretariat = await deps.store.getSetting<string>('secretariat_name');
  for (let attempt = 0; attempt < 3; attempt++) {
    const group = await deps.store.questionGroup(input.questionId);
    if (!group) return { ok: false, code: 'not_found' };
    if (group.root.status !== 'open') return lostTo(group);
    const now = deps.clock.now().toISOString();
    const catalog = await loadCatalog(deps.store);
    const open = group.members.filter((m) => m.status === 'open');
    const faqId = input.addToFaq ? `faq-${crypto.randomUUID().slice(0, 8)}` : null;
    const question = (input.faq?.question ?? group.root.text).trim();
    const related = input.faq?.related ?? [];
    const suggestions = followUps(catalog.faq, question, related, faqId ? [faqId] : [], knowledgeFor(catalog));
    const notices = open.flatMap((m) => {
      const message = m.personId ? answerNotice(m, checked.answer, now, secretariat, suggestions) : null;
      return message && m.personId ? [{ personId: m.personId, message }] : [];
    });
    const answered: QuestionGroup = {
      root: {
        ...group.root,
        status: 'answered',
        answer: checked.answer,
        answeredBy: input.by,
        answeredAt: now,
        version: group.root.version + 1,
      },
      members: group.members,
    };
    const won = await deps.store.answerQuestion({
      rootId: group.root.id,
      version: group.root.version,
      by: input.by,
      ref: input.ref,
      now,
      answer: checked.answer,
      memberIds: open.map((m) => m.id),
      notices,
      faq: faqId
        ? {
            id: faqId,
            callId: input.faq?.callId ?? null,
            question,
            answer: checked.answer,
            source: faqSourceOf(now, secretariat),
            related,
            variants: variantsOf(group, question, input.faq?.variants ?? []),
          }
        : null,
      cardUpdates: questionCardUpdates(answered, channels, answered.root.version),
      ...(input.audit ? { audit: input.audit } : {}),
    });
    if (won) return { ok: true, notified: notices.length, faqId };
    // Someone acted first: told who if it was an answer or a dismissal; an assignment meanwhile
    // only changed the version, so try again.
  }
  const group = await deps.store.questionGroup(input.questionId);
  return group && group.root.status !== 'open' ? lostTo(group) : { ok: false, code: 'not_found' };
}

export type ChangeResult = { ok: true } | { ok: false; code: 'not_found' | 'not_open' | 'reason_required' };

/** Dismisses or assigns a group; the card shows it. */
export async function changeGroup(deps: EngineDeps, input: ChangeQuestionInput): Promise<ChangeResult> {
  const reason = (input.reason ?? '').trim();
  if (input.change === 'dismiss' && (!reason || reason.length > DISMISS_REASON_MAX)) return { ok: false, code: 'reason_required' };
  const channels = await secretariatChannels(deps);
  for (let attempt = 0; attempt < 3; attempt++) {
    const group = await deps.store.questionGroup(input.questionId);
    if (!group) return { ok: false, code: 'not_found' };
    if (group.root.status !== 'open') return { ok: false, code: 'not_open' };
    const now = deps.clock.now().toISOString();
    const root =
      input.change === 'dismiss'
        ? { ...group.root, status: 'dismissed' as const, dismissReason: reason, answeredBy: input.by, version: group.root.version + 1 }
        : { ...group.root, assignedTo: input.by, version: group.root.version + 1 };
    const base = {
      rootId: group.root.id,
      version: group.root.version,
      by: input.by,
      ref: input.ref,
      now,
      cardUpdates: questionCardUpdates({ root, members: group.members }, channels, root.version),
      ...(input.audit ? { audit: input.audit } : {}),
    };
    const won = input.change === 'dismiss' ? await deps.store.dismissQuestion({ ...base, reason }) : await deps.store.assignQuestion(base);
    if (won) return { ok: true };
  }
  return { ok: false, code: 'not_open' };
}

// ---- From the secretariat channel's cards ----

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
