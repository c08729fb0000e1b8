/**
 * Adaptive Card building blocks shared by the renderers. Teams renders at most schema 1.5, and
 * Universal Actions (Action.Execute) need a 1.4+ host, so every Execute carries an Action.Submit
 * fallback that produces the same data through a message activity on older clients.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

export type AdaptiveElement = Record<string, unknown>;

export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: string;
  body: AdaptiveElement[];
  actions?: AdaptiveElement[];
  msteams?: { width: 'Full' };
}

export interface Attachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

/** Keys the renderers put in action data; the parser removes them before reading inputs. */
export const RESERVED_DATA_KEYS = ['verb', 'value', 'formId', 'draftId', 'stepId', 'contextId', 'multi', 'msteams', 'action', 'prompt'];

/** Verbs of the actions the adapter itself routes (everything else is a CardAction id). */
export const FORM_VERB = 'form.submit';
export const PROMPT_VERB = 'prompt.submit';

export function adaptiveCard(body: AdaptiveElement[], actions: AdaptiveElement[] = []): AdaptiveCard {
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    // Forms and review cards read badly in the default narrow bubble.
    msteams: { width: 'Full' },
  };
}

export function attachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export function textBlock(text: string, extra: AdaptiveElement = {}): AdaptiveElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * Text that may span lines, as one TextBlock per line: Teams joins lines broken by a single
 * newline into one paragraph. `extra` styles every line; a blank line becomes a wider gap.
 */
export function textBlocks(text: string, extra: AdaptiveElement = {}): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  let gap = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      gap = out.length > 0;
      continue;
    }
    const spacing = out.length === 0 ? {} : { spacing: gap ? 'Medium' : 'None' };
    out.push(textBlock(line, { ...extra, ...spacing }));
    gap = false;
  }
  return out;
}

/** Teams' host config shows at most this many actions per card or ActionSet (the rest hide). */
export const MAX_ACTIONS = 6;

/** Buttons placed in the body, in rows that each stay within the host's limit. */
export function actionSets(actions: AdaptiveElement[]): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS) out.push({ type: 'ActionSet', actions: actions.slice(i, i + MAX_ACTIONS) });
  return out;
}

/**
 * Label and value pairs: a FactSet for one-line values; a value of several lines gets its label
 * as a bold line and one TextBlock per line, since a fact's value cannot hold line breaks.
 */
export function factElements(fields: { label: string; value: string }[]): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  let facts: { title: string; value: string }[] = [];
  const flush = () => {
    if (facts.length > 0) out.push({ type: 'FactSet', facts });
    facts = [];
  };
  for (const f of fields) {
    if (!/\n/.test(f.value)) {
      facts.push({ title: f.label, value: f.value });
      continue;
    }
    flush();
    const lines = textBlocks(f.value);
    out.push(textBlock(f.label, { weight: 'Bolder' }), ...lines.map((b, i) => (i === 0 ? { ...b, spacing: 'None' } : b)));
  }
  flush();
  return out;
}

/**
 * An Action.Execute whose verb is what the engine routes on, with an Action.Submit fallback that
 * carries the verb inside its data (Action.Submit has no verb of its own).
 */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  opts: { style?: 'positive' | 'destructive'; associatedInputs?: 'auto' | 'none'; id?: string } = {},
): AdaptiveElement {
  const style = opts.style ? { style: opts.style } : {};
  const inputs = opts.associatedInputs ? { associatedInputs: opts.associatedInputs } : {};
  return {
    type: 'Action.Execute',
    ...(opts.id ? { id: opts.id } : {}),
    title,
    verb,
    data,
    ...style,
    ...inputs,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...style, ...inputs },
  };
}

/** Action.Submit only: dialogs (task modules) do not support Action.Execute. */
export function submitAction(title: string, data: Record<string, unknown>, style?: 'positive' | 'destructive'): AdaptiveElement {
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
}
