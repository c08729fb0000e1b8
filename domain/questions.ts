/**
 * Questions the bot passed to the secretariat, and the way their answers go back: where an answer
 * can be delivered, how the same question from several people is recognised, the answer as the
 * asker reads it (their language, their question quoted, the secretariat as the source) and the
 * card the secretariat works from. Pure functions; storage and delivery live elsewhere.
 */
import { DateTime } from 'luxon';
import { QUESTION_ACTIONS } from './actions';
import { t, type Locale } from './i18n';
import { foldedWords } from './language';
import { faqIn } from './localized';
import type { Card, CardAction, OutboundMessage, Recipient } from './messages';
import type { FaqEntry, Platform } from './types';

/** Longest answer the secretariat may send: a chat message, not a document. */
export const ANSWER_MAX = 4000;
export const DISMISS_REASON_MAX = 500;
/** Follow-up questions offered under an answer. */
export const FOLLOW_UPS_MAX = 3;

export type QuestionKind = 'question' | 'contact';
export type QuestionStatus = 'open' | 'answered' | 'dismissed';
/** Where the asker is told the answer will arrive. */
export type ReplyWhere = 'here' | 'thread' | 'direct' | 'none';

/** One person's question, as stored. */
export interface AskedQuestion {
  id: string;
  text: string;
  platform: Platform;
  personId: string | null;
  askedAt: string;
  locale: Locale;
  replyTo: Recipient | null;
  kind: QuestionKind;
  status: QuestionStatus;
  /** The question this one is answered through; null for the first of a group. */
  mergedInto: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  dismissReason: string | null;
  assignedTo: string | null;
  version: number;
}

/** A question with everyone who asked it: the first asker's row leads. */
export interface QuestionGroup {
  root: AskedQuestion;
  members: AskedQuestion[];
}

/** The same question, whoever typed it: case, accents, punctuation and spacing do not count. */
export function normalizeQuestion(text: string): string {
  return foldedWords(text).join(' ');
}

/**
 * Where the answer to a question asked in this conversation can go, and how to say so.
 * A direct conversation gets it back in place; a Slack channel thread in the thread; anything
 * else (a Teams channel, a slash command in a channel, whose reply was visible only to the asker)
 * as a private message from the bot.
 */
export function replyAddress(
  actor: { platform: Platform; userId: string; scope?: string },
  conversation: { id: string; isDirect: boolean; thread?: string },
): { recipient: Recipient; where: ReplyWhere } | null {
  if (!actor.userId) return null;
  const scope = actor.scope ? { scope: actor.scope } : {};
  if (conversation.isDirect)
    return { recipient: { platform: actor.platform, kind: 'user', address: actor.userId, ...scope }, where: 'here' };
  if (actor.platform === 'slack' && conversation.thread) {
    return {
      recipient: { platform: 'slack', kind: 'channel', address: conversation.id, thread: conversation.thread, ...scope },
      where: 'thread',
    };
  }
  return { recipient: { platform: actor.platform, kind: 'user', address: actor.userId, ...scope }, where: 'direct' };
}

/** "1 December 2026" in the reader's language, Vienna's calendar day. */
export function formatAnswerDate(iso: string, locale: Locale): string {
  // British English: "20 January 2023", the day before the month as in the call's own text.
  return DateTime.fromISO(iso, { zone: 'Europe/Vienna' })
    .setLocale(locale === 'en' ? 'en-GB' : locale)
    .toLocaleString(DateTime.DATE_FULL);
}

export type AnswerCheck =
  | { ok: true; answer: string }
  | { ok: false; code: 'empty' }
  | { ok: false; code: 'too_long'; length: number; max: number };

/** The secretariat's answer, trimmed; refused when empty or longer than ANSWER_MAX (never cut). */
export function checkAnswer(raw: string | undefined): AnswerCheck {
  const answer = (raw ?? '').replace(/\r\n/g, '\n').trim();
  if (!answer) return { ok: false, code: 'empty' };
  if (answer.length > ANSWER_MAX) return { ok: false, code: 'too_long', length: answer.length, max: ANSWER_MAX };
  return { ok: true, answer };
}

/** Buttons that ask a related FAQ question, at most FOLLOW_UPS_MAX, worded in the reader's language. */
export function followUpActions(entries: FaqEntry[], locale: Locale): CardAction[] {
  return entries.slice(0, FOLLOW_UPS_MAX).map((e) => ({ id: QUESTION_ACTIONS.ask, label: faqIn(e, locale).text.question, value: e.id }));
}

export const answerNoticeKey = (questionId: string): string => `question_answer:${questionId}`;

/**
 * The answer as the asker reads it: in their language, their question quoted as a field (user
 * text: renderers show field values as plain text), the secretariat named as the source.
 */
export function answerNotice(
  q: AskedQuestion,
  answer: string,
  answeredAt: string,
  secretariat: string | null,
  followUps: FaqEntry[],
): OutboundMessage | null {
  if (!q.replyTo) return null;
  const l = q.locale;
  const card: Card = {
    title: t(l, 'questions.answer.title'),
    fields: [{ label: t(l, 'questions.answer.asked'), value: q.text }],
    text: answer,
    footer: t(l, 'questions.answer.source', {
      name: secretariat ?? t(l, 'questions.secretariat.name'),
      date: formatAnswerDate(answeredAt, l),
    }),
    actions: followUpActions(followUps, l),
  };
  return { recipient: q.replyTo, purpose: 'question_answer', replies: [{ kind: 'card', card }], dedupeKey: answerNoticeKey(q.id) };
}

/** What a new FAQ entry made from an answer says about where it comes from. */
export function faqSourceOf(answeredAt: string, secretariat: string | null): string {
  return t('en', 'questions.faq.source', {
    name: secretariat ?? t('en', 'questions.secretariat.name'),
    date: formatAnswerDate(answeredAt, 'en'),
  });
}

/** The distinct wordings a group was asked in, other than `question`: the new entry's variants. */
export function variantsOf(group: QuestionGroup, question: string, existing: string[] = []): string[] {
  const seen = new Set([normalizeQuestion(question), ...existing.map(normalizeQuestion)]);
  const out = [...existing];
  for (const m of group.members) {
    const key = normalizeQuestion(m.text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(m.text.trim());
  }
  return out;
}

export const questionCardKey = (rootId: string, platform: string): string => `question_card:${rootId}:${platform}`;

/** The secretariat channel's card: the question, how many asked, its state, and what to do. */
export function questionCard(group: QuestionGroup, locale: Locale = 'en'): Card {
  const { root } = group;
  const l = locale;
  const status =
    root.status === 'answered'
      ? t(l, 'questions.card.answered', { name: root.answeredBy ?? '' })
      : root.status === 'dismissed'
        ? t(l, 'questions.card.dismissed', { name: root.answeredBy ?? '', reason: root.dismissReason ?? '' })
        : root.assignedTo
          ? t(l, 'questions.card.assigned', { name: root.assignedTo })
          : t(l, 'questions.card.open');
  const fields = [
    { label: t(l, 'questions.card.asked'), value: root.text },
    { label: t(l, 'questions.card.status'), value: status },
  ];
  if (root.status === 'answered' && root.answer) fields.push({ label: t(l, 'questions.card.answer'), value: root.answer });
  const actions: CardAction[] =
    root.status === 'open'
      ? [
          { id: QUESTION_ACTIONS.answer, label: t(l, 'questions.action.answer'), value: root.id, style: 'primary' },
          { id: QUESTION_ACTIONS.dismiss, label: t(l, 'questions.action.dismiss'), value: root.id },
          ...(root.assignedTo ? [] : [{ id: QUESTION_ACTIONS.assign, label: t(l, 'questions.action.assign'), value: root.id }]),
        ]
      : [];
  return {
    title: root.kind === 'contact' ? t(l, 'questions.card.contact_title') : t(l, 'questions.card.title'),
    subtitle: t(l, 'questions.card.askers', { count: group.members.length, date: formatAnswerDate(root.askedAt, l) }),
    fields,
    actions,
    footer: t(l, 'questions.card.footer'),
  };
}

/** A new card for each secretariat channel. */
export function questionCardMessages(group: QuestionGroup, channels: Recipient[]): OutboundMessage[] {
  const card = questionCard(group);
  return channels.map((recipient) => ({
    recipient,
    purpose: 'question_card',
    replies: [{ kind: 'card', card }],
    dedupeKey: questionCardKey(group.root.id, recipient.platform),
  }));
}

/** The card redrawn in place after a change; `version` makes each redraw its own delivery. */
export function questionCardUpdates(group: QuestionGroup, channels: Recipient[], version: number): OutboundMessage[] {
  return questionCardMessages(group, channels).map((m) => ({
    ...m,
    purpose: 'question_card_update',
    replaces: m.dedupeKey,
    dedupeKey: `question_card_update:${group.root.id}:v${version}:${m.recipient.platform}`,
  }));
}
