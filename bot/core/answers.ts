/**
 * Questions about the call, answered only from stored data: the FAQ entry or dialogue the
 * retrieval found, with computed facts (deadline in the asker's zone, dialogue dates, the
 * asker's own status) and the source quoted so a person can check it. Below the confidence
 * threshold the bot says so, gives the contact address and records the question.
 */
import { buildKnowledge, type Knowledge, type KnowledgeAnswer, type KnowledgeHit } from '../../domain/knowledge';
import { callFor, callState, describeDeadline, formatDialogueDate } from '../../domain/calls';
import type { CardAction, Reply, Source } from '../../domain/messages';
import type { Dialogue, FaqEntry } from '../../domain/types';
import { loadCatalog, personOf, type Catalog, type EngineDeps } from './context';
import { relevantCall, statusCard, whatsNext } from './replies';
import type { Actor } from './types';

const LANGUAGES: Record<string, string> = { es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese', ar: 'Arabic', ru: 'Russian', zh: 'Chinese' };

// The index is built once per catalogue read (loadCatalog hands back the same object until the
// FAQ, dialogues or calls change), not on every question.
const indexes = new WeakMap<Catalog, Knowledge>();
function knowledgeFor(catalog: Catalog): Knowledge {
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

function dialogueLine(d: Dialogue): string {
  const when = d.date ? formatDialogueDate(d.date) : 'date to be announced';
  return `${d.name}: ${when}. ${d.description}`.trim();
}

const FORMAT_WORDS: Record<Dialogue['format'], string> = { hybrid: 'hybrid', in_person: 'in person', online: 'online' };

/** Format and place only for dialogues whose call has said them; announced ones get their call note. */
function dialogueBullet(d: Dialogue): string {
  const when = d.date ? formatDialogueDate(d.date) : 'date to be announced';
  const where = d.status === 'announced' ? (d.callNote ? ` (${d.callNote.replace(/\.$/, '')})` : '') : ` — ${FORMAT_WORDS[d.format]}: ${d.location}`;
  return `• ${d.shortName}: ${when}${where}`;
}

async function composeHit(deps: EngineDeps, actor: Actor, hit: KnowledgeHit, catalog: Catalog, now: Date, out: Composed): Promise<void> {
  if (hit.kind === 'dialogue') {
    const d = hit.dialogue;
    out.lines.push(dialogueLine(d));
    const call = callFor(catalog.calls, d.id, now);
    if (call && callState(call, now) === 'open') {
      out.lines.push(describeDeadline(call, now, actor.timeZone).sentence);
      out.actions.push({ id: 'apply', label: 'Apply', style: 'primary' });
    } else if (!call || callState(call, now) === 'upcoming') {
      if (d.callNote) out.lines.push(d.callNote);
      out.actions.push({ id: 'subscribe', label: `Notify me when the ${d.shortName} call opens`, value: d.id });
    }
    out.sources.push({ label: `Dialogue — ${d.name}`, quote: null, url: null });
    return;
  }
  const entry = hit.entry;
  out.lines.push(entry.answer);
  out.sources.push(faqSource(entry));
  const call = relevantCall(catalog, now);
  if (entry.topic === 'deadline' && call) {
    const deadline = describeDeadline(call, now, actor.timeZone);
    out.lines.push(deadline.sentence);
    if (deadline.closed) {
      const next = whatsNext(catalog, now);
      if (next.text) out.lines.push(next.text);
      out.actions.push(...next.actions);
    }
  }
  if (entry.topic === 'dialogues') {
    out.lines.push(...catalog.dialogues.filter((d) => d.status !== 'archived').map(dialogueBullet));
  }
  if (entry.topic === 'apply' && call) {
    if (callState(call, now) === 'open') {
      out.lines.push(describeDeadline(call, now, actor.timeZone).sentence);
      out.actions.push({ id: 'apply', label: 'Start my application', style: 'primary' });
    } else {
      out.lines.push(describeDeadline(call, now, actor.timeZone).sentence);
    }
  }
  if (entry.topic === 'status') {
    const person = await personOf(deps, actor);
    const apps = await deps.store.listForPerson(person.id);
    if (apps.length === 0) out.lines.push('You have no application yet.');
    else out.extra.push(...apps.map((a) => statusCard(a, catalog, now, actor)));
  }
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

/** Answers every question in a message (up to three), or says honestly that it cannot. */
export async function answerQuestion(deps: EngineDeps, actor: Actor, text: string): Promise<Reply[]> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const parts: KnowledgeAnswer[] = knowledgeFor(catalog).ask(text);
  const out: Composed = { lines: [], sources: [], actions: [], extra: [] };
  const language = parts.find((p) => p.language)?.language ?? null;
  if (language) out.lines.push(`I can only answer in English for now${LANGUAGES[language] ? ` (not yet in ${LANGUAGES[language]})` : ''}.`);

  let unsure = false;
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part.confident || part.hits.length === 0) {
      unsure = true;
      const person = await personOf(deps, actor);
      const best = part.hits[0];
      await deps.store.recordUnanswered({
        text: part.query,
        platform: actor.platform,
        personId: person.id,
        bestMatchId: best ? (best.kind === 'faq' ? best.entry.id : `dialogue:${best.dialogue.id}`) : null,
        now: now.toISOString(),
      });
      continue;
    }
    for (const hit of part.hits) {
      const id = hit.kind === 'faq' ? hit.entry.id : hit.dialogue.id;
      if (seen.has(id)) continue;
      seen.add(id);
      await composeHit(deps, actor, hit, catalog, now, out);
    }
  }
  if (unsure) {
    out.lines.push(
      seen.size > 0
        ? `I'm not sure about the rest of your question, so I have passed it to the secretariat. You can also write to ${catalog.contact}.`
        : `I'm not sure I can answer that from the call for participation, and I don't want to guess. I have passed your question to the secretariat; you can also write to ${catalog.contact}.`,
    );
  }
  const replies: Reply[] = [{ kind: 'text', text: uniqueBy(out.lines, (l) => l).join('\n'), sources: uniqueBy(out.sources, (s) => s.label) }];
  const actions = uniqueBy(out.actions, (a) => `${a.id}:${a.value ?? ''}`);
  if (actions.length) replies.push({ kind: 'card', card: { title: 'What next?', actions } });
  return [...replies, ...out.extra];
}
