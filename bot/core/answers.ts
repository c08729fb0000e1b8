/**
 * Questions about the call, answered only from stored data: the FAQ entry or dialogue the
 * retrieval found, in the asker's language, with computed facts (the deadline in the asker's
 * zone, dialogue dates, the asker's own status, and what one can still do now that the clock says
 * what it says) and the source quoted so a person can check it. Below the confidence threshold
 * the bot says so, gives the contact address and records the question.
 */
import { buildKnowledge, type Knowledge, type KnowledgeAnswer, type KnowledgeHit } from '../../domain/knowledge';
import { callFor, callState } from '../../domain/calls';
import { isLocale, translator, type Locale } from '../../domain/i18n';
import { dialogueIn } from '../../domain/localized';
import type { Reply } from '../../domain/messages';
import { deadlineIn, dialogueDate, dialogueLine, listOf } from './answer-words';
import { composeFaq, type Composed } from './answer-faq';
import { loadCatalog, personOf, type Catalog, type EngineDeps } from './context';
import type { Actor } from './types';

// The index is built once per catalogue read (loadCatalog hands back the same object until the
// FAQ, dialogues or calls change), not on every question.
const indexes = new WeakMap<Catalog, Knowledge>();
export function knowledgeFor(catalog: Catalog): Knowledge {
  let kb = indexes.get(catalog);
  if (!kb) {
    kb = buildKnowledge(catalog.faq, catalog.dialogues);
    indexes.set(catalog, kb);
  }
  return kb;
}

/**
 * The language to answer in: the question's own when it is one we speak, else the person's
 * (their setting or platform locale), else English.
 */
export function answerLocale(detected: string | null, preferred: Locale | null | undefined): Locale {
  if (isLocale(detected)) return detected;
  return preferred ?? 'en';
}

function composeDialogue(hit: Extract<KnowledgeHit, { kind: 'dialogue' }>, ctx: Ctx, out: Composed): void {
  const { catalog, now, locale } = ctx;
  const tr = translator(locale);
  const d = hit.dialogue;
  // A stored answer that already gave this dialogue's date (the later dialogues' entry) says it
  // better; the dialogue adds only what the asker can do next.
  const covered = !!d.date && out.lines.some((l) => l.includes(dialogueDate(d.date!, locale)));
  if (!covered) out.lines.push(dialogueLine(d, locale));
  const call = callFor(catalog.calls, d.id, now);
  const name = dialogueIn(d, locale).shortName;
  if (call && callState(call, now) === 'open') {
    if (!covered) out.lines.push(deadlineIn(call, now, ctx.actor.timeZone, locale).sentence);
    out.actions.push({ id: 'apply', label: tr('answers.action.apply'), style: 'primary' });
  } else if (call && callState(call, now) === 'closed') {
    if (!covered) out.lines.push(deadlineIn(call, now, ctx.actor.timeZone, locale).sentence);
  } else {
    const note = dialogueIn(d, locale).callNote;
    if (note && !covered) out.lines.push(note);
    out.actions.push({ id: 'subscribe', label: tr('answers.action.notifyOpens', { name }), value: d.id });
  }
  if (!covered) out.sources.push({ label: tr('answers.source.dialogue', { name: dialogueIn(d, locale).name }), quote: null, url: null });
}

/** "There is no Constructive Dialogue on cybercrime": the dialogues there are, and who to ask. */
function unknownDialogueLine(word: string, catalog: Catalog, locale: Locale): string {
  const tr = translator(locale);
  const known = catalog.dialogues
    .filter((d) => d.status !== 'archived')
    .map((d) => {
      const name = dialogueIn(d, locale).shortName;
      return d.date ? tr('answers.dialogue.withDate', { name, date: dialogueDate(d.date, locale) }) : name;
    });
  return tr('answers.unknownDialogue', { topic: word, list: listOf(known, locale) });
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

export interface Ctx {
  deps: EngineDeps;
  actor: Actor;
  catalog: Catalog;
  now: Date;
  locale: Locale;
}

export interface Answered {
  replies: Reply[];
  /** Whether any part went to the secretariat's inbox. */
  recorded: boolean;
  locale: Locale;
}

/** Answers every question in a message (up to five), in the asker's language, or says honestly that it cannot. */
export async function answerQuestion(deps: EngineDeps, actor: Actor, text: string, preferred: Locale | null = null): Promise<Reply[]> {
  return (await answerMessage(deps, actor, text, preferred)).replies;
}

export async function answerMessage(deps: EngineDeps, actor: Actor, text: string, preferred: Locale | null = null): Promise<Answered> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const kb = knowledgeFor(catalog);
  const detected = kb.languageOf(text);
  const locale = answerLocale(detected, preferred);
  const tr = translator(locale);
  const parts: KnowledgeAnswer[] = kb.ask(text, { locale });
  const out: Composed = { lines: [], sources: [], actions: [], extra: [], notes: [] };
  if (detected && !isLocale(detected) && locale === 'en') out.notes.push(tr('answers.otherLanguage'));
  const ctx: Ctx = { deps, actor, catalog, now, locale };

  let unsure = false;
  let unknown = false;
  let recorded = false;
  const seen = new Set<string>();
  for (const part of parts) {
    const record = async () => {
      const best = part.hits[0];
      recorded = true;
      await deps.store.recordUnanswered({
        text: part.query,
        platform: actor.platform,
        personId: (await personOf(deps, actor)).id,
        bestMatchId: best ? (best.kind === 'faq' ? best.entry.id : `dialogue:${best.dialogue.id}`) : null,
        now: now.toISOString(),
      });
    };
    if (part.unknownDialogue) {
      unknown = true;
      out.lines.push(unknownDialogueLine(part.unknownDialogue, catalog, locale));
      out.sources.push({ label: tr('answers.source.dialogues'), quote: null, url: null });
      await record();
      continue;
    }
    if (!part.confident || part.hits.length === 0) {
      unsure = true;
      await record();
      continue;
    }
    // Stored answers first: a dialogue's own line then only adds what they did not say.
    const hits = [...part.hits].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'faq' ? -1 : 1));
    for (const hit of hits) {
      const id = hit.kind === 'faq' ? hit.entry.id : hit.dialogue.id;
      if (seen.has(id)) continue;
      seen.add(id);
      if (hit.kind === 'dialogue') composeDialogue(hit, ctx, out);
      else await composeFaq(hit.entry, part, ctx, out, hit === hits[0] && part.exact);
    }
  }
  if (unknown && !unsure) out.lines.push(tr('answers.passed', { contact: catalog.contact }));
  if (unsure) out.lines.push(tr(seen.size > 0 || unknown ? 'answers.unsureRest' : 'answers.unsure', { contact: catalog.contact }));
  const body = uniqueBy([...out.notes, ...out.lines], (l) => l).join('\n');
  const replies: Reply[] = [{ kind: 'text', text: body, sources: uniqueBy(out.sources, (s) => s.label) }];
  const actions = uniqueBy(out.actions, (a) => `${a.id}:${a.value ?? ''}`);
  if (actions.length) replies.push({ kind: 'card', card: { title: tr('answers.nextTitle'), actions } });
  return { replies: [...replies, ...out.extra], recorded, locale };
}
