/**
 * Neutral cards and text replies as Adaptive Card elements. Pure functions: same input, same JSON.
 */
import { t, type Locale } from '../../../domain/i18n';
import type { Card, CardAction, Source } from '../../../domain/messages';
import {
  actionSets,
  adaptiveCard,
  executeAction,
  factElements,
  MAX_ACTIONS,
  submitAction,
  textBlock,
  textBlocks,
  type AdaptiveCard,
  type AdaptiveElement,
} from './adaptive';
import { teamsInert, teamsLink } from './inert';

/**
 * The card's content without its card-level actions, so that several replies can share one card.
 * Sections carry their own buttons in an ActionSet right under their text.
 */
export function cardBody(card: Card): AdaptiveElement[] {
  const body: AdaptiveElement[] = [textBlock(teamsInert(card.title), { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  if (card.subtitle) body.push(...textBlocks(teamsInert(card.subtitle), { isSubtle: true, spacing: 'None' }));
  if (card.text) body.push(...textBlocks(teamsInert(card.text)));
  if (card.fields && card.fields.length > 0) body.push(...factElements(inertFields(card.fields)));
  for (const section of card.sections ?? []) {
    const [first, ...rest] = textBlocks(teamsInert(section.text));
    if (first) body.push({ ...first, separator: true, spacing: 'Medium' }, ...rest);
    body.push(...actionSets(cardActions(section.actions)));
  }
  if (card.footer) body.push(...textBlocks(teamsInert(card.footer), { size: 'Small', isSubtle: true }));
  return body;
}

/**
 * A card's own buttons: at the bottom of the card while the host shows them all, else in rows in
 * the body (a 7th card-level action would hide under "More options" or vanish).
 */
export function placeActions(body: AdaptiveElement[], actions: AdaptiveElement[]): { body: AdaptiveElement[]; actions: AdaptiveElement[] } {
  return actions.length <= MAX_ACTIONS ? { body, actions } : { body: [...body, ...actionSets(actions)], actions: [] };
}

/**
 * A CardAction as a button. The verb is the action id and `value` rides in the data; the engine
 * gets both back unchanged. "apply" also gets a second button that opens the form as a dialog
 * (task/fetch), for people who prefer a window to a card in the chat.
 */
export function cardActions(actions: CardAction[] = [], locale: Locale = 'en'): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  for (const a of actions) {
    if (a.url) {
      out.push({ type: 'Action.OpenUrl', title: a.label, url: a.url });
      continue;
    }
    const style = a.style === 'primary' ? 'positive' : a.style === 'danger' ? 'destructive' : undefined;
    out.push(executeAction(a.label, a.id, a.value !== undefined ? { value: a.value } : {}, { style }));
    if (a.id === 'apply') {
      out.push(submitAction(t(locale, 'chrome.teams.openWindow'), { msteams: { type: 'task/fetch' }, action: 'openApplication' }));
    }
  }
  return out;
}

/** Renders a neutral Card as an Adaptive Card 1.5. */
export function cardToAdaptiveCard(card: Card): AdaptiveCard {
  const placed = placeActions(cardBody(card), cardActions(card.actions, card.locale));
  return adaptiveCard(placed.body, placed.actions);
}

/** A text reply (FAQ answer, confirmation) with its sources under it. */
export function textElements(text: string, sources: Source[] = [], locale: Locale = 'en'): AdaptiveElement[] {
  const out: AdaptiveElement[] = textBlocks(teamsInert(text));
  for (const s of sources) {
    const label = s.url ? teamsLink(s.url, s.label) : teamsInert(s.label);
    out.push(textBlock(t(locale, 'chrome.source', { label }), { size: 'Small', isSubtle: true, spacing: 'Small' }));
    if (s.quote) out.push(...textBlocks(`“${teamsInert(s.quote)}”`, { size: 'Small', isSubtle: true, spacing: 'None' }));
  }
  return out;
}

/** The same as markdown for a plain message activity, which reads better than a card for chat. */
export function textMarkdown(text: string, sources: Source[] = [], locale: Locale = 'en'): string {
  // Teams' markdown joins lines broken by a single newline; every line is its own paragraph.
  const lines = paragraphs(teamsInert(text));
  for (const s of sources) {
    const label = s.url ? teamsLink(s.url, s.label) : teamsInert(s.label);
    lines.push(`_${t(locale, 'chrome.source', { label })}_`);
    if (s.quote) lines.push(...paragraphs(teamsInert(s.quote)).map((q) => `> ${q}`));
  }
  return lines.join('\n\n');
}

function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** Labels and values are neutral text too. */
export function inertFields(fields: { label: string; value: string }[]): { label: string; value: string }[] {
  return fields.map((f) => ({ label: teamsInert(f.label), value: teamsInert(f.value) }));
}
