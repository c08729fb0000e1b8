/**
 * Questions about the call, answered only from stored data: the FAQ entry or dialogue the
 * retrieval found, with computed facts (deadline in the asker's zone, dialogue dates, the
 * asker's own status) and the source quoted so a person can check it. Below the confidence
 * threshold the bot says so, gives the contact address and records the question.
 */
import { buildKnowledge, type Knowledge, type KnowledgeAnswer, type KnowledgeHit } from '../../domain/knowledge';
import { callFor, callState, describeDeadline, formatDialogueDate, type DeadlineDescription } from '../../domain/calls';
import type { CardAction, Reply, Source } from '../../domain/messages';
import type { Dialogue, FaqEntry } from '../../domain/types';
import { loadCatalog, personOf, type Catalog, type EngineDeps } from './context';
import { t } from '../../domain/i18n';
import { followUpActions, FOLLOW_UPS_MAX, questionLocale } from '../../domain/questions';
import { passToSecretariat } from './questions-flow';
import { relevantCall, statusCard, whatsNext } from './replies';
import type { Actor, ConversationRef } from './types';

const LANGUAGES: Record<string, string> = { es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese', ar: 'Arabic', ru: 'Russian', zh: 'Chinese' };

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

interface Composed {
  lines: string[];
  sources: Source[];
  actions: CardAction[];
  extra: Reply[];
}

function faqSource(entry: FaqEntry): Source {
  return { label: entry.callId ? `Call for participation — "${entry.question}"` : `FAQ — "${entry.question}"`, quote: entry.source, url: entry.sourceUrl };
}

const FORMAT_WORDS: Record<Dialogue['format'], string> = { hybrid: 'hybrid', in_person: 'in person', online: 'online' };

/** Format and place only for dialogues whose call has said them; announced ones get their call note. */
function dialogueBullet(d: Dialogue): string {
  const when = d.date ? formatDialogueDate(d.date) : 'date to be announced';
  const where = d.status === 'announced' ? (d.callNote ? ` (${d.callNote.replace(/\.$/, '')})` : '') : ` — ${FORMAT_WORDS[d.format]}: ${d.location}`;
  return `• ${d.shortName}: ${when}${where}`;
}

function dialogueLine(d: Dialogue): string {
  const when = d.date ? formatDialogueDate(d.date) : 'date to be announced';
  const where = d.status === 'announced' ? '' : ` — ${FORMAT_WORDS[d.format]}: ${d.location}`;
  return `${d.name}: ${when}${where}. ${d.description}`.trim();
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter(Boolean);

/**
 * A stored answer with the computed deadline in place of the sentence that restates it (the
 * computed one carries the asker's time and the days left), so the date is said once. Stored
 * sentences saying something else ("It is not possible to apply later.") are kept.
 */
function withDeadline(answer: string, deadline: DeadlineDescription, said: string[]): string[] {
  const alreadySaid = said.some((l) => l.includes(deadline.sentence));
  let placed = alreadySaid;
  const sentences: string[] = [];
  for (const s of sentencesOf(answer)) {
    if (!s.includes(deadline.day)) sentences.push(s);
    else if (!placed) {
      sentences.push(deadline.sentence);
      placed = true;
    }
  }
  const lines = sentences.length ? [sentences.join(' ')] : [];
  return placed ? lines : [...lines, deadline.sentence];
}

const coveredBy = (lines: string[], d: Dialogue): boolean => !!d.date && lines.some((l) => l.includes(formatDialogueDate(d.date!)));

async function composeHit(deps: EngineDeps, actor: Actor, hit: KnowledgeHit, part: KnowledgeAnswer, catalog: Catalog, now: Date, out: Composed): Promise<void> {
  if (hit.kind === 'dialogue') {
    const d = hit.dialogue;
    // A stored answer that already gave this dialogue's date (the later dialogues' entry) says
    // it better; the dialogue adds only what the asker can do next.
    const covered = coveredBy(out.lines, d);
    if (!covered) out.lines.push(dialogueLine(d));
    const call = callFor(catalog.calls, d.id, now);
    if (call && callState(call, now) === 'open') {
      if (!covered) out.lines.push(describeDeadline(call, now, actor.timeZone).sentence);
      out.actions.push({ id: 'apply', label: 'Apply', style: 'primary' });
    } else if (!call || callState(call, now) === 'upcoming') {
      if (d.callNote && !covered) out.lines.push(d.callNote);
      out.actions.push({ id: 'subscribe', label: `Notify me when the ${d.shortName} call opens`, value: d.id });
    }
    if (!covered) out.sources.push({ label: `Dialogue — ${d.name}`, quote: null, url: null });
    return;
  }
  const entry = hit.entry;
  out.sources.push(faqSource(entry));
  const call = relevantCall(catalog, now);
  if ((entry.topic === 'deadline' || entry.topic === 'apply') && call) {
    const deadline = describeDeadline(call, now, actor.timeZone);
    out.lines.push(...withDeadline(entry.answer, deadline, out.lines));
    if (entry.topic === 'deadline' && deadline.closed) {
      const next = whatsNext(catalog, now);
      if (next.text) out.lines.push(next.text);
      out.actions.push(...next.actions);
    }
    if (entry.topic === 'apply' && callState(call, now) === 'open') out.actions.push({ id: 'apply', label: 'Start my application', style: 'primary' });
  } else {
    out.lines.push(entry.answer);
  }
  if (entry.topic === 'dialogues') {
    // The dialogues the question names, else all; an announced one the answer already dated adds
    // nothing but its call note, which the answer gives too.
    const listed = catalog.dialogues.filter((d) =>
      d.status !== 'archived' &&
      (part.dialogues.length === 0 || part.dialogues.includes(d.id)) &&
      !(d.status === 'announced' && entry.answer.includes(d.date ? formatDialogueDate(d.date) : '\u0000')));
    out.lines.push(...listed.map(dialogueBullet));
  }
  if (entry.topic === 'status') {
    const person = await personOf(deps, actor);
    const apps = await deps.store.listForPerson(person.id);
    if (apps.length === 0) out.lines.push('You have no application yet.');
    else out.extra.push(...apps.map((a) => statusCard(a, catalog, now, actor)));
  }
}

/** "There is no Constructive Dialogue on cybercrime": the dialogues there are, and who to ask. */
function unknownDialogueLines(word: string, catalog: Catalog): string {
  const known = catalog.dialogues
    .filter((d) => d.status !== 'archived')
    .map((d) => `${d.shortName}${d.date ? ` (${formatDialogueDate(d.date)})` : ''}`);
  const list = known.length > 1 ? `${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}` : known.join('');
  return `There is no Constructive Dialogue on ${word} in the call for participation. The Constructive Dialogues are on ${list}.`;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

/** Answers every question in a message (up to three), or says honestly that it cannot. */
export async function answerQuestion(deps: EngineDeps, actor: Actor, text: string, conversation?: ConversationRef): Promise<Reply[]> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const parts: KnowledgeAnswer[] = knowledgeFor(catalog).ask(text);
  const out: Composed = { lines: [], sources: [], actions: [], extra: [] };
  const language = parts.find((p) => p.language)?.language ?? null;
  if (language) out.lines.push(`I can only answer in English for now${LANGUAGES[language] ? ` (not yet in ${LANGUAGES[language]})` : ''}.`);

  let unsure = false;
  let unknown = false;
  const seen = new Set<string>();
  const answered: FaqEntry[] = [];
  let where: Awaited<ReturnType<typeof passToSecretariat>> = 'none';
  for (const part of parts) {
    const record = async () => {
      const best = part.hits[0];
      where = await passToSecretariat(deps, actor, conversation, {
        text: part.query,
        bestMatchId: best ? (best.kind === 'faq' ? best.entry.id : `dialogue:${best.dialogue.id}`) : null,
        locale: questionLocale(part.language ?? language),
        kind: 'question',
      });
    };
    if (part.unknownDialogue) {
      unknown = true;
      out.lines.push(unknownDialogueLines(part.unknownDialogue, catalog));
      out.sources.push({ label: 'Dialogues in the call for participation', quote: null, url: null });
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
      await composeHit(deps, actor, hit, part, catalog, now, out);
    }
  }
  // The reply says where the secretariat's answer will arrive, and promises none where it cannot.
  const passed = { where, contact: catalog.contact };
  if (unknown && !unsure) out.lines.push(t('en', 'questions.passed.unknown', passed));
  if (unsure) out.lines.push(t('en', seen.size > 0 || unknown ? 'questions.passed.rest' : 'questions.passed.unsure', passed));
  const replies: Reply[] = [{ kind: 'text', text: uniqueBy(out.lines, (l) => l).join('\n'), sources: uniqueBy(out.sources, (s) => s.label) }];
  const actions = uniqueBy(out.actions, (a) => `${a.id}:${a.value ?? ''}`);
  if (actions.length) replies.push({ kind: 'card', card: { title: 'What next?', actions } });
  const more = followUpsFor(catalog, answered, text);
  if (more.length) replies.push({ kind: 'card', card: { title: t('en', 'questions.answer.more'), actions: followUpActions(more) } });
  return [...replies, ...out.extra];
}

/**
 * Related questions under an answer: those the secretariat chose for the entries that answered,
 * else the nearest other entries by the same retrieval. None when nothing was answered.
 */
function followUpsFor(catalog: Catalog, answered: FaqEntry[], text: string): FaqEntry[] {
  if (!answered.length) return [];
  const ids = answered.map((e) => e.id);
  const chosen = answered.flatMap((e) => e.related ?? []).filter((id) => !ids.includes(id));
  const byId = new Map(catalog.faq.map((f) => [f.id, f]));
  const picked = uniqueBy(chosen.map((id) => byId.get(id)).filter((f): f is FaqEntry => !!f), (f) => f.id);
  if (picked.length) return picked.slice(0, FOLLOW_UPS_MAX);
  return knowledgeFor(catalog).related(`${text} ${answered.map((e) => e.question).join(' ')}`, FOLLOW_UPS_MAX, ids);
}
