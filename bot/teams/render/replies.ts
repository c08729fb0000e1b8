/**
 * Neutral replies as Bot Framework message activities (chat) or as one card (invoke responses and
 * in-place updates, where Teams shows exactly one card).
 */
import type { Reply } from '../../../domain/messages';
import { adaptiveCard, attachment, type AdaptiveCard, type AdaptiveElement, type Attachment } from './adaptive';
import { cardActions, cardBody, placeActions, textElements, textMarkdown } from './card';
import { formToAdaptiveCard, promptToAdaptiveCard, type FormRenderOptions } from './form';

export interface OutgoingActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown';
  attachments?: Attachment[];
}

/** One activity per reply: text as markdown, everything else as an Adaptive Card attachment. */
export function repliesToActivities(replies: Reply[]): OutgoingActivity[] {
  return replies.map((r) => {
    if (r.kind === 'text') return { type: 'message', text: textMarkdown(r.text, r.sources), textFormat: 'markdown' };
    return { type: 'message', attachments: [attachment(replyToCard(r))] };
  });
}

/** One reply as a card on its own. */
export function replyToCard(reply: Reply, opts: FormRenderOptions = {}): AdaptiveCard {
  switch (reply.kind) {
    case 'text':
      return adaptiveCard(textElements(reply.text, reply.sources));
    case 'card': {
      const placed = placeActions(cardBody(reply.card), cardActions(reply.card.actions));
      return adaptiveCard(placed.body, placed.actions);
    }
    case 'form':
      return formToAdaptiveCard(reply.form, opts);
    case 'prompt':
      return promptToAdaptiveCard(reply.prompt, opts);
  }
}

/**
 * Several replies folded into one card. A form step or prompt wins the actions (there is one
 * thing to do next); texts and cards before it are kept above it so nothing said is lost.
 */
export function repliesToCard(replies: Reply[], opts: FormRenderOptions = {}): AdaptiveCard {
  const interactive = replies.find((r) => r.kind === 'form' || r.kind === 'prompt');
  const others = replies.filter((r) => r !== interactive);
  const body: AdaptiveElement[] = [];
  const actions: AdaptiveElement[] = [];
  for (const r of others) {
    const part = r.kind === 'text' ? textElements(r.text, r.sources) : r.kind === 'card' ? cardBody(r.card) : [];
    if (r.kind === 'card' && !interactive) actions.push(...cardActions(r.card.actions));
    // A line between replies: the first element of each later one carries the separator.
    const [first, ...rest] = part;
    if (first) body.push(body.length > 0 ? { ...first, separator: true, spacing: 'Medium' } : first, ...rest);
  }
  if (interactive) {
    const card = replyToCard(interactive, opts);
    return { ...card, body: [...body, ...card.body] };
  }
  const placed = placeActions(body.length > 0 ? body : textElements('Done.'), actions);
  return adaptiveCard(placed.body, placed.actions);
}
