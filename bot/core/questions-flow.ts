/**
 * Questions the bot passes to the secretariat and their answers going back. Answering from the
 * admin panel and from a card in the secretariat channel goes through `answerGroup`, so the FAQ
 * entry, the askers' messages and the cards are the same wherever the answer was written; the
 * cards' buttons and forms are in question-cards.ts.
 */
import type { Locale } from '../../domain/i18n';
import type { Recipient } from '../../domain/messages';
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
import { loadCatalog, personOf, type EngineDeps } from './context';
import { knowledgeFor } from './answers';
import { relevantCall } from './replies';
import type { Actor, ConversationRef } from './types';
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

/** The result for a group someone else answered or dismissed first. */
export function lostTo(group: QuestionGroup): AnswerGroupResult {
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
