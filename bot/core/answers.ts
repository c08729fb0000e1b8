/**
 * Questions about the call, answered only from stored data: the FAQ entry or dialogue the
 * retrieval found, in the asker's language, with computed facts (the deadline in the asker's
 * zone, dialogue dates, the asker's own status, and what one can still do now that the clock says
 * what it says) and the source quoted so a person can check it. Below the confidence threshold
 * the bot says so, gives the contact address and records the question.
 */
import { ACTIONS } from '../../domain/actions';
import type { Place } from '../../domain/knowledge-places';
import { buildKnowledge, type Knowledge, type KnowledgeAnswer, type KnowledgeHit } from '../../domain/knowledge';
import { callFor, callState } from '../../domain/calls';
import { isLocale, translator, type Locale } from '../../domain/i18n';
import { dialogueIn, faqIn } from '../../domain/localized';
import type { Reply } from '../../domain/messages';
import { deadlineIn, dialogueDate, dialogueLine, listOf } from './answer-words';
import { composeFaq, type Composed } from './answer-faq';
import { loadCatalog, type Catalog, type EngineDeps } from './context';
import type { FaqEntry } from '../../domain/types';
import { followUpActions, FOLLOW_UPS_MAX } from '../../domain/questions';
import { passToSecretariat } from './questions-flow';
import type { Actor, ConversationRef } from './types';

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
  const date = d.date;
  const covered = !!date && out.lines.some((l) => l.includes(dialogueDate(date, locale)));
  if (!covered) out.lines.push(dialogueLine(d, locale));
  const call = callFor(catalog.calls, d.id, now);
  const name = dialogueIn(d, locale).shortName;
  if (call && callState(call, now) === 'open') {
    if (!covered) out.lines.push(deadlineIn(call, now, ctx.actor.timeZone, locale, ctx.place).sentence);
    out.actions.push({ id: ACTIONS.apply, label: tr('answers.action.apply'), style: 'primary' });
  } else if (call && callState(call, now) === 'closed') {
    if (!covered) out.lines.push(deadlineIn(call, now, ctx.actor.timeZone, locale, ctx.place).sentence);
  } else {
    const note = dialogueIn(d, locale).callNote;
    if (note && !covered) out.lines.push(note);
    out.actions.push({ id: ACTIONS.subscribe, label: tr('answers.action.notifyOpens', { name }), value: d.id });
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
  /** A place the message names for a time ("the deadline in Nairobi"). */
  place: Place | null;
}

export interface Answered {
  replies: Reply[];
  /** Whether any part went to the secretariat's inbox. */
  recorded: boolean;
  locale: Locale;
}

/** Answers every question in a message (up to five), in the asker's language, or says honestly that it cannot. */
export async function answerQuestion(
  deps: EngineDeps,
  actor: Actor,
  text: string,
  preferred: Locale | null = null,
  conversation?: ConversationRef,
): Promise<Reply[]> {
  return (await answerMessage(deps, actor, text, preferred, conversation)).replies;
}

/**
 * `conversation` is where the message was written: a question passed to the secretariat gets its
 * answer back there (or in a private message), and the reply says which.
 */
export async function answerMessage(
  deps: EngineDeps,
  actor: Actor,
  text: string,
  preferred: Locale | null = null,
  conversation?: ConversationRef,
): Promise<Answered> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const kb = knowledgeFor(catalog);
  const detected = kb.languageOf(text);
  const locale = answerLocale(detected, preferred);
  const tr = translator(locale);
  const parts: KnowledgeAnswer[] = kb.ask(text, { locale });
  const out: Composed = { lines: [], sources: [], actions: [], extra: [], notes: [] };
  if (detected && !isLocale(detected) && locale === 'en') out.notes.push(tr('answers.otherLanguage'));
  const ctx: Ctx = { deps, actor, catalog, now, locale, place: kb.placeOf(text, now) };

  let unsure = false;
  let unknown = false;
  let recorded = false;
  const seen = new Set<string>();
  const answered: FaqEntry[] = [];
  let where: Awaited<ReturnType<typeof passToSecretariat>> = 'none';
  for (const part of parts) {
    const record = async () => {
      const best = part.hits[0];
      recorded = true;
      where = await passToSecretariat(deps, actor, conversation, {
        text: part.query,
        bestMatchId: best ? (best.kind === 'faq' ? best.entry.id : `dialogue:${best.dialogue.id}`) : null,
        locale,
        kind: 'question',
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
      if (hit.kind === 'faq') answered.push(hit.entry);
      if (hit.kind === 'dialogue') composeDialogue(hit, ctx, out);
      else await composeFaq(hit.entry, part, ctx, out, hit === hits[0] && part.exact);
    }
  }
  // The reply says where the secretariat's answer will arrive, and promises none where it cannot.
  const passed = { where, contact: catalog.contact };
  if (unknown && !unsure) out.lines.push(tr('questions.passed.unknown', passed));
  if (unsure) out.lines.push(tr(seen.size > 0 || unknown ? 'questions.passed.rest' : 'questions.passed.unsure', passed));
  const body = uniqueBy([...out.notes, ...out.lines], (l) => l).join('\n');
  const replies: Reply[] = [{ kind: 'text', text: body, sources: uniqueBy(out.sources, (s) => s.label) }];
  const actions = uniqueBy(out.actions, (a) => `${a.id}:${a.value ?? ''}`);
  if (actions.length) replies.push({ kind: 'card', card: { title: tr('answers.nextTitle'), actions } });
  const more = followUpsFor(kb, catalog, answered, text, locale);
  if (more.length) replies.push({ kind: 'card', card: { title: tr('questions.answer.more'), actions: followUpActions(more, locale) } });
  return { replies: [...replies, ...out.extra], recorded, locale };
}

/**
 * Related questions under an answer: those the secretariat chose for the entries that answered,
 * else the nearest other entries by the same retrieval. None when nothing was answered.
 */
function followUpsFor(kb: Knowledge, catalog: Catalog, answered: FaqEntry[], text: string, locale: Locale): FaqEntry[] {
  if (!answered.length) return [];
  const ids = answered.map((e) => e.id);
  const byId = new Map(catalog.faq.map((f) => [f.id, f]));
  const chosen = uniqueBy(
    answered
      .flatMap((e) => e.related ?? [])
      .filter((id) => !ids.includes(id))
      .map((id) => byId.get(id))
      .filter((f): f is FaqEntry => !!f),
    (f) => f.id,
  );
  if (chosen.length) return chosen.slice(0, FOLLOW_UPS_MAX);
  return kb.related(`${text} ${answered.map((e) => faqIn(e, locale).text.question).join(' ')}`, FOLLOW_UPS_MAX, ids, locale);
}
