/**
 * Neutral replies -> Block Kit messages. Pure functions; every Slack limit that would make
 * chat.postMessage fail (`invalid_blocks`) is respected here rather than discovered in production.
 * Neutral strings are plain text and go through `slackInert`; the only markup is this file's own.
 */
import type { KnownBlock } from '@slack/types';
import type { Card, CardAction, Reply } from '../../domain/messages';
import { mrkdwn, plain, slackInert, slackLink, splitText, truncate } from './text';
import { t } from '../../domain/i18n';

/** Block Kit as Slack's own types describe it, so `npm run typecheck` refuses a malformed block. */
export type Block = KnownBlock;

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  actionsPerBlock: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  headerText: 150,
  contextElements: 10,
  fallbackText: 4000,
} as const;

/** Buttons the adapter adds itself: forms and prompts offered where no modal can be opened. */
export const OPEN_FORM_ACTION = 'slack.open_form';
export const OPEN_PROMPT_ACTION = 'slack.open_prompt';

/**
 * Slack wants action_ids unique within a block, but a card may offer the same action twice (one
 * per dialogue, different values). Repeats get a `#n` suffix that `actionIdFromSlack` removes.
 */
export function actionIdFromSlack(actionId: string): string {
  return actionId.replace(/#\d+$/, '');
}

/** A Card as Block Kit: header, text, fields in sections of ten, buttons in rows of 25. */
export function cardToBlockKit(card: Card): Block[] {
  const blocks: Block[] = [{ type: 'header', text: plain(card.title, LIMITS.headerText) }];
  if (card.subtitle) blocks.push({ type: 'context', elements: [mrkdwn(slackInert(card.subtitle))] });
  if (card.text)
    for (const part of splitText(slackInert(card.text), LIMITS.sectionText)) blocks.push({ type: 'section', text: mrkdwn(part) });
  const fields = card.fields ?? [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    blocks.push({
      type: 'section',
      fields: fields
        .slice(i, i + LIMITS.fieldsPerSection)
        .map((f) => mrkdwn(`*${slackInert(f.label)}*\n${slackInert(f.value)}`, LIMITS.fieldText)),
    });
  }
  // Repeated action ids get a suffix across the whole message, not only within one block.
  const seen = new Map<string, number>();
  for (const section of card.sections ?? []) {
    for (const part of splitText(slackInert(section.text), LIMITS.sectionText)) blocks.push({ type: 'section', text: mrkdwn(part) });
    blocks.push(...actionBlocks(section.actions ?? [], seen));
  }
  blocks.push(...actionBlocks(card.actions ?? [], seen));
  if (card.footer) blocks.push({ type: 'context', elements: [mrkdwn(slackInert(card.footer))] });
  return blocks;
}

function actionBlocks(actions: CardAction[], seen: Map<string, number>): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < actions.length; i += LIMITS.actionsPerBlock) {
    blocks.push({
      type: 'actions',
      elements: actions.slice(i, i + LIMITS.actionsPerBlock).map((a) => {
        const n = seen.get(a.id) ?? 0;
        seen.set(a.id, n + 1);
        const suffix = n === 0 ? '' : `#${n}`;
        return {
          type: 'button',
          action_id: truncate(a.id, LIMITS.actionId - suffix.length) + suffix,
          text: plain(a.label, LIMITS.buttonText),
          ...(a.value !== undefined ? { value: a.value.slice(0, LIMITS.buttonValue) } : {}),
          ...(a.style ? { style: a.style } : {}),
          ...(a.url ? { url: a.url } : {}),
        };
      }),
    });
  }
  return blocks;
}

function textBlocks(reply: Extract<Reply, { kind: 'text' }>): Block[] {
  const blocks: Block[] = splitText(slackInert(reply.text), LIMITS.sectionText).map((part) => ({ type: 'section', text: mrkdwn(part) }));
  const l = reply.locale ?? 'en';
  const sources = (reply.sources ?? [])
    .slice(0, LIMITS.contextElements)
    .map((s) => mrkdwn(t(l, 'chrome.source', { label: s.url ? slackLink(s.url, s.label) : slackInert(s.label) }), LIMITS.fieldText));
  if (sources.length) blocks.push({ type: 'context', elements: sources });
  return blocks;
}

/** Blocks for one reply in a message. Forms and prompts become a button that opens the modal. */
export function replyToBlocks(reply: Reply): Block[] {
  switch (reply.kind) {
    case 'text':
      return textBlocks(reply);
    case 'card':
      return cardToBlockKit(reply.card);
    case 'form':
      return cardToBlockKit({
        title: reply.form.title,
        text: reply.form.intro,
        actions: [
          { id: OPEN_FORM_ACTION, label: t(reply.form.locale ?? 'en', 'chrome.openForm'), value: reply.form.formId, style: 'primary' },
        ],
      });
    case 'prompt': {
      // The button carries the whole prompt (ids and fixed wording only) so that a click can open
      // the modal without asking the engine again; Slack caps a value at 2,000 characters.
      const { formId, contextId } = reply.prompt;
      const full = JSON.stringify(reply.prompt);
      const value = full.length <= LIMITS.buttonValue ? full : JSON.stringify({ formId, contextId });
      return cardToBlockKit({
        title: reply.prompt.title,
        text: reply.prompt.label,
        actions: [
          {
            id: OPEN_PROMPT_ACTION,
            label: reply.prompt.submitLabel || t(reply.prompt.locale ?? 'en', 'chrome.answer'),
            value,
            style: 'primary',
          },
        ],
      });
    }
  }
}

/** Plain text for notifications and screen readers, which Slack shows where blocks are not. */
export function replyToText(reply: Reply): string {
  return slackInert(replyToPlainText(reply));
}

function replyToPlainText(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.text;
    case 'card':
      return [reply.card.title, reply.card.subtitle].filter(Boolean).join(' — ');
    case 'form':
      return reply.form.title;
    case 'prompt':
      return reply.prompt.title;
  }
}

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Packs replies into as few messages as Slack allows (50 blocks each). A reply larger than one
 * message is cut at the limit rather than rejected.
 */
export function renderMessages(replies: Reply[]): SlackMessage[] {
  const out: SlackMessage[] = [];
  let current: SlackMessage | null = null;
  for (const reply of replies) {
    const blocks = replyToBlocks(reply).slice(0, LIMITS.messageBlocks);
    const text = replyToText(reply);
    if (current && current.blocks.length + blocks.length + 1 <= LIMITS.messageBlocks) {
      current.blocks.push({ type: 'divider' }, ...blocks);
      current.text = truncate(`${current.text}\n\n${text}`, LIMITS.fallbackText);
    } else {
      current = { text: truncate(text, LIMITS.fallbackText), blocks };
      out.push(current);
    }
  }
  return out;
}
