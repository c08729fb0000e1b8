/**
 * Checks an Adaptive Card the way Teams will see it: Microsoft's own `adaptivecards` SDK with the
 * Teams host config (every parse and validation event counts: 0 errors, 0 warnings), the
 * Adaptive Card 1.5 JSON schema, the size budget, and the rules Teams renders by (no single
 * newlines, the host's action limit per action set).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

const vendor = (name: string) => JSON.parse(readFileSync(new URL(`../vendor/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

export const TEAMS_HOST_CONFIG = vendor('microsoft-teams-light.hostconfig.json') as { actions: { maxActions: number } };

/**
 * Teams takes about 28 KB for a card (activity payload limit); 24 KB leaves room for translations
 * and the activity around it.
 */
export const CARD_BUDGET_BYTES = 24 * 1024;

// The SDK's ESM build imports without file extensions, which Node refuses; its UMD bundle needs a
// window. One jsdom for the whole suite.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
const g = globalThis as Record<string, unknown>;
for (const k of ['window', 'document', 'HTMLElement', 'Node', 'navigator'])
  if (!(k in g)) g[k] = (dom.window as unknown as Record<string, unknown>)[k];
type ACModule = typeof import('adaptivecards');
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as ACModule;
const hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addMetaSchema(draft06);
// The 1.5 schema names itself with draft-04's `id`; Ajv reads `$id`.
const { id: schemaId, ...cardSchema } = vendor('adaptive-card-1.5.schema.json');
const schemaCheck = ajv.compile({ ...cardSchema, $id: String(schemaId) });

/**
 * What Teams documents beyond the 1.5 schema file: `msteams` on the card (full width),
 * `choices.data` on Input.ChoiceSet (dynamic typeahead, answered by the bot's application/search
 * invoke) and its `style: "filtered"` (a 1.5 value in the SDK and the 1.5 docs, missing from the
 * schema file). Adjusted for the schema check only; the SDK sees the card as it is.
 */
function withoutTeamsExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTeamsExtensions);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'msteams' && 'body' in value) continue;
    const choiceSet = (value as { type?: unknown }).type === 'Input.ChoiceSet';
    if (k === 'choices.data' && choiceSet) continue;
    if (k === 'style' && choiceSet && v === 'filtered') {
      out[k] = 'compact';
      continue;
    }
    // Action data is free-form: the schema does not look inside it.
    out[k] = k === 'data' ? v : withoutTeamsExtensions(v);
  }
  return out;
}

function sdkProblems(card: unknown): string[] {
  const ac = new AC.AdaptiveCard();
  ac.hostConfig = hostConfig;
  const ctx = new AC.SerializationContext();
  ac.parse(card as object, ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) out.push(`sdk parse: ${ctx.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) out.push(`sdk: ${e.message}`);
  return out;
}

function walk(node: unknown, visit: (el: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node === null || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  for (const [k, v] of Object.entries(node)) if (k !== 'data') walk(v, visit);
}

function renderingProblems(card: unknown): string[] {
  const out: string[] = [];
  const max = TEAMS_HOST_CONFIG.actions.maxActions;
  walk(card, (el) => {
    // Teams joins lines broken by a single newline into one paragraph.
    const texts =
      el.type === 'TextBlock'
        ? [el.text]
        : el.type === 'FactSet'
          ? (el.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value])
          : [];
    for (const t of texts)
      if (typeof t === 'string' && /(^|[^\n])\n(?!\n)/.test(t))
        out.push(`single newline in ${String(el.type)}: ${JSON.stringify(t.slice(0, 80))}`);
    if (el.type === 'ActionSet' && Array.isArray(el.actions) && el.actions.length > max)
      out.push(`ActionSet with ${el.actions.length} actions (Teams shows ${max})`);
    if (el.type === 'TextBlock' && typeof el.text === 'string' && el.text.trim() === '') out.push('empty TextBlock');
    // The client shows errorMessage when its own checks fail: a sentence written for the field.
    if (typeof el.type === 'string' && el.type.startsWith('Input.')) {
      if (el.isRequired === true && typeof el.errorMessage !== 'string')
        out.push(`required ${String(el.id)} without its own error message`);
      if (typeof el.errorMessage === 'string' && typeof el.label === 'string' && el.errorMessage.includes(el.label))
        out.push(`error message of ${String(el.id)} assembled from its label`);
    }
  });
  return out;
}

/** Every problem Teams would have with this card; an empty list when there is none. */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems = [...sdkProblems(card)];
  if (!schemaCheck(withoutTeamsExtensions(card))) {
    for (const e of schemaCheck.errors ?? [])
      problems.push(`schema: ${e.instancePath} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(card)).length;
  if (bytes > CARD_BUDGET_BYTES) problems.push(`size: ${bytes} bytes > ${CARD_BUDGET_BYTES}`);
  problems.push(...renderingProblems(card));
  return problems;
}

export function cardBytes(card: unknown): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}
