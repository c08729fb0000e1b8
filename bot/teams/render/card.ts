/**
 * Neutral cards and text replies as Adaptive Card elements. Pure functions: same input, same JSON.
 */
import type { Card, CardAction, Source } from '../../../domain/messages';
import { adaptiveCard, executeAction, submitAction, textBlock, type AdaptiveCard, type AdaptiveElement } from './adaptive';
import { teamsInert, teamsLink } from './inert';

/** The card's content without its actions, so that several replies can share one card. */
export function cardBody(card: Card): AdaptiveElement[] {
  const body: AdaptiveElement[] = [textBlock(teamsInert(card.title), { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  if (card.subtitle) body.push(textBlock(teamsInert(card.subtitle), { isSubtle: true, spacing: 'None' }));
  if (card.text) body.push(textBlock(teamsInert(card.text)));
  if (card.fields && card.fields.length > 0) {
    body.push({ type: 'FactSet', facts: card.fields.map((f) => ({ title: teamsInert(f.label), value: teamsInert(f.value) })) });
  }
  if (card.footer) body.push(textBlock(teamsInert(card.footer), { size: 'Small', isSubtle: true }));
  return body;
}

/**
 * A CardAction as a button. The verb is the action id and `value` rides in the data; the engine
 * gets both back unchanged. "apply" also gets a second button that opens the form as a dialog
 * (task/fetch), for people who prefer a window to a card in the chat.
 */
export function cardActions(actions: CardAction[] = []): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  for (const a of actions) {
    const style = a.style === 'primary' ? 'positive' : a.style === 'danger' ? 'destructive' : undefined;
    out.push(executeAction(a.label, a.id, a.value !== undefined ? { value: a.value } : {}, { style }));
    if (a.id === 'apply') {
      out.push(submitAction('Open in a window', { msteams: { type: 'task/fetch' }, action: 'openApplication' }));
    }
  }
  return out;
}

/** Renders a neutral Card as an Adaptive Card 1.5. */
export function cardToAdaptiveCard(card: Card): AdaptiveCard {
  return adaptiveCard(cardBody(card), cardActions(card.actions));
}

/** A text reply (FAQ answer, confirmation) with its sources under it. */
export function textElements(text: string, sources: Source[] = []): AdaptiveElement[] {
  const out: AdaptiveElement[] = [textBlock(teamsInert(text))];
  for (const s of sources) {
    const label = s.url ? teamsLink(s.url, s.label) : teamsInert(s.label);
    out.push(textBlock(`Source: ${label}`, { size: 'Small', isSubtle: true, spacing: 'Small' }));
    if (s.quote) out.push(textBlock(`“${teamsInert(s.quote)}”`, { size: 'Small', isSubtle: true, spacing: 'None' }));
  }
  return out;
}

/** The same as markdown for a plain message activity, which reads better than a card for chat. */
export function textMarkdown(text: string, sources: Source[] = []): string {
  const lines = [teamsInert(text)];
  for (const s of sources) {
    const label = s.url ? teamsLink(s.url, s.label) : teamsInert(s.label);
    lines.push(`_Source: ${label}_${s.quote ? `\n> ${teamsInert(s.quote)}` : ''}`);
  }
  return lines.join('\n\n');
}
