/**
 * Answers questions about the call from its FAQ entries and dialogues. Retrieval is MiniSearch
 * (BM25 with fuzzy and prefix matching) over the data the secretariat edits; language.ts supplies
 * the text handling. Nothing about a particular question is written in code.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { DateTime } from 'luxon';
import type { Dialogue, FaqEntry } from './types';
import { detectLanguage, processTerm, queryGroups, splitQuestions, stem, tokenize, vocabularyOfTables } from './language';

// Words people use for one of the dialogues, and the little words between it and its topic.
const MEETING_WORDS = new Set(['dialogue', 'dialogues', 'dialog', 'dialogs', 'meeting', 'meetings', 'conference', 'session', 'forum', 'workshop', 'event']);
const TOPIC_LINKS = new Set(['on', 'about', 'for', 'of', 'regarding', 'concerning']);

export type KnowledgeHit =
  | { kind: 'faq'; entry: FaqEntry; score: number }
  | { kind: 'dialogue'; dialogue: Dialogue; score: number };

export interface KnowledgeAnswer {
  hits: KnowledgeHit[];
  confident: boolean;
  /** ISO 639-1 code when the question is not in English, e.g. 'es'. */
  language: string | null;
  query: string;
  /** Dialogues the question names ("the firearms meeting", "human trafficking"), by id. */
  dialogues: string[];
  /**
   * A dialogue the question asks about that the knowledge does not have ("the cybercrime
   * dialogue"), as the asker wrote it; null when there is none.
   */
  unknownDialogue: string | null;
}

export interface Knowledge {
  /** One answer per question in the message, in order; at most 3. */
  ask(text: string): KnowledgeAnswer[];
  /**
   * FAQ entries close to `text` by the same retrieval, best first, without those in `exclude`:
   * the follow-up questions offered under an answer.
   */
  related(text: string, limit: number, exclude: string[]): FaqEntry[];
}

export interface KnowledgeTuning {
  /** Share of the question's meaningful parts the best hit must match to be an answer. */
  minCoverage: number;
  /** A second hit is shown when its score is at least this share of the first. */
  secondHitRatio: number;
}

// On the 'tune' half of test/fixtures/faq-questions.ts, on-topic questions matched at least 60% of
// their parts and off-topic ones at most 25%; "more than half" sits inside that gap and reads plainly.
// A second hit within 80% of the first is close enough that the asker should see both.
export const DEFAULT_TUNING: KnowledgeTuning = { minCoverage: 0.51, secondHitRatio: 0.8 };

const MAX_QUESTIONS = 3;

interface Doc { id: string; title: string; variants: string; body: string; source: string }

function dialogueDoc(d: Dialogue): Doc {
  const day = d.date ? DateTime.fromISO(d.date, { zone: 'utc' }).setLocale('en').toFormat('d LLLL yyyy') : '';
  return {
    id: `dialogue:${d.id}`,
    title: `${d.name} ${d.shortName}`,
    variants: `${d.shortName} dialogue date ${day}`,
    // "To be announced" is not a place; indexing it would only add noise.
    body: [d.description, d.location === 'To be announced' ? '' : d.location, d.callNote ?? ''].join(' '),
    source: '',
  };
}

function faqDoc(e: FaqEntry): Doc {
  return { id: `faq:${e.id}`, title: e.question, variants: e.variants.join(' \n '), body: e.answer, source: e.source };
}

// Typos are fixed against the words the knowledge and the synonym tables actually use, so a
// misspelt synonym ("compnay") still reaches its expansion ("private sector"). One slip (a swap
// counts as one) is allowed in words of 5-7 letters, two in longer ones; shorter words are left
// alone, since too many real words lie one letter apart.
function spellChecker(words: Set<string>): (token: string) => string {
  const stems = new Set([...words].map(stem));
  const sorted = [...words].sort();
  return (token) => {
    if (words.has(token) || stems.has(stem(token)) || token.length < 5 || /\d/.test(token) || processTerm(token) === null) {
      return token;
    }
    const allowed = token.length >= 8 ? 2 : 1;
    let best = token;
    let bestDistance = allowed + 1;
    for (const word of sorted) {
      if (Math.abs(word.length - token.length) > allowed) continue;
      const d = editDistance(token, word, allowed);
      if (d < bestDistance) [best, bestDistance] = [word, d];
    }
    return best;
  };
}

/** Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), capped. */
function editDistance(a: string, b: string, cap: number): number {
  const rows: number[][] = [[...Array(b.length + 1).keys()]];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    if (Math.min(...row) > cap) return cap + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Builds the question-answering index over the given FAQ entries and dialogues. */
export function buildKnowledge(faq: FaqEntry[], dialogues: Dialogue[], tuning: KnowledgeTuning = DEFAULT_TUNING): Knowledge {
  const byId = new Map<string, KnowledgeHit>();
  for (const entry of faq) byId.set(`faq:${entry.id}`, { kind: 'faq', entry, score: 0 });
  for (const dialogue of dialogues) byId.set(`dialogue:${dialogue.id}`, { kind: 'dialogue', dialogue, score: 0 });

  const docs = [...faq.map(faqDoc), ...dialogues.map(dialogueDoc)];
  const index = new MiniSearch<Doc>({
    fields: ['title', 'variants', 'body', 'source'],
    tokenize,
    processTerm: (term) => processTerm(term),
    searchOptions: {
      // The question and its variants say what an entry is about; the quoted source is long
      // and mentions much in passing.
      boost: { title: 2, variants: 1.5, body: 1, source: 0.5 },
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 7 ? 1 : false),
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
    },
  });
  index.addAll(docs);

  const words = new Set(vocabularyOfTables());
  for (const doc of docs) for (const t of tokenize(`${doc.title} ${doc.variants} ${doc.body} ${doc.source}`)) words.add(t);
  const spell = spellChecker(words);
  const knownStems = new Set([...words].map(stem));
  const known = (t: string) => words.has(t) || knownStems.has(stem(t)) || processTerm(t) === null || /\d/.test(t);
  const dialogueTerms = dialogues.map((d) => ({
    id: d.id,
    terms: tokenize(d.shortName).map(processTerm).filter((t): t is string => t !== null),
  }));

  function namedDialogues(groups: string[][]): string[] {
    const said = new Set(groups.flat());
    return dialogueTerms.filter((d) => d.terms.length > 0 && d.terms.every((t) => said.has(t))).map((d) => d.id);
  }

  // "the cybercrime dialogue", "a dialogue on corruption": a word next to a word for a meeting
  // that nothing in the knowledge or the synonym tables uses.
  function unknownDialogue(question: string): string | null {
    const raw = tokenize(question);
    const tokens = raw.map(spell);
    for (let i = 0; i < tokens.length; i++) {
      if (!MEETING_WORDS.has(tokens[i]!)) continue;
      const before: string[] = [];
      for (let j = i - 1; j >= 0 && !known(tokens[j]!); j--) before.unshift(raw[j]!);
      if (before.length) return before.join(' ');
      let k = i + 1;
      if (TOPIC_LINKS.has(tokens[k] ?? '')) k++;
      if (tokens[k] === 'the') k++;
      const after: string[] = [];
      for (; k < tokens.length && !known(tokens[k]!); k++) after.push(raw[k]!);
      if (after.length && TOPIC_LINKS.has(tokens[i + 1] ?? '')) return after.join(' ');
    }
    return null;
  }

  function answer(question: string, fallbackLanguage: string | null): KnowledgeAnswer {
    const language = detectLanguage(question) ?? fallbackLanguage;
    const groups = queryGroups(question, spell);
    const terms = [...new Set(groups.flat())];
    const results: SearchResult[] = terms.length ? index.search(terms.join(' ')) : [];
    const top = results[0];
    const named = namedDialogues(groups);
    const about = { dialogues: named, unknownDialogue: named.length ? null : unknownDialogue(question) };
    if (!top) return { hits: [], confident: false, language, query: question, ...about };
    // A term found only in the quoted source is mentioned in passing, not what the entry is about.
    const matched = new Set(Object.entries(top.match).filter(([, fields]) => fields.some((f) => f !== 'source')).map(([t]) => t));
    const coverage = groups.filter((g) => g.some((t) => matched.has(t))).length / groups.length;
    const chosen = results.slice(0, 2).filter((r, i) => i === 0 || r.score >= tuning.secondHitRatio * top.score);
    const hits = chosen.map((r) => ({ ...byId.get(String(r.id))!, score: r.score }));
    return { hits, confident: coverage >= tuning.minCoverage, language, query: question, ...about };
  }

  // People ask the same few questions in the same words; the index never changes, so neither
  // does the answer to a given text.
  const asked = new Map<string, KnowledgeAnswer[]>();

  return {
    related(text, limit, exclude) {
      const terms = [...new Set(queryGroups(text, spell).flat())];
      if (!terms.length || limit <= 0) return [];
      const out: FaqEntry[] = [];
      for (const r of index.search(terms.join(' '))) {
        const hit = byId.get(String(r.id));
        if (hit?.kind !== 'faq' || exclude.includes(hit.entry.id)) continue;
        out.push(hit.entry);
        if (out.length >= limit) break;
      }
      return out;
    },
    ask(text) {
      const known = asked.get(text);
      if (known) return known;
      const result = askFresh(text);
      if (asked.size >= 2_000) asked.clear();
      asked.set(text, result);
      return result;
    },
  };

  function askFresh(text: string): KnowledgeAnswer[] {
    const whole = detectLanguage(text);
    const questions = splitQuestions(text);
    if (!questions.length) return [{ hits: [], confident: false, language: whole, query: text, dialogues: [], unknownDialogue: null }];
    const answers = questions.map((q) => answer(q, whole));
    // A part that finds nothing at all ("hi there") is dropped when others find something, and
    // one fact is answered once even if asked twice in a message.
    const seen = new Set<string>();
    const kept = answers.filter((a) => {
      const key = a.hits[0] ? hitKey(a.hits[0]) : null;
      if (!key) return !answers.some((o) => o.hits.length);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return (kept.length ? kept : answers.slice(0, 1)).slice(0, MAX_QUESTIONS);
  }
}

function hitKey(hit: KnowledgeHit): string {
  return hit.kind === 'faq' ? `faq:${hit.entry.id}` : `dialogue:${hit.dialogue.id}`;
}
