/**
 * Answers questions about the call from its FAQ entries and dialogues. Retrieval is MiniSearch
 * (BM25 with fuzzy and prefix matching, small enough for the Worker bundle) over the data the
 * secretariat edits, one index per language with that language's stemmer and stopwords;
 * language.ts supplies the text handling. Nothing about a particular question is written in code.
 */
import type { SearchResult } from 'minisearch';
import { LOCALES, perLocale, type Locale } from './i18n/locales';
import { isLocale } from './i18n/locales';
import { askedAndContext, detectLanguage, foldedWords, isStopword, splitQuestions } from './language';
import { placeIn, type Place } from './knowledge-places';
import { buildLocaleIndex, type Group, type LocaleIndex } from './knowledge-index';
import type { Dialogue, FaqEntry } from './types';

export type KnowledgeHit = { kind: 'faq'; entry: FaqEntry; score: number } | { kind: 'dialogue'; dialogue: Dialogue; score: number };

export interface KnowledgeAnswer {
  hits: KnowledgeHit[];
  confident: boolean;
  /** ISO 639-1 code of the language the question is written in; null when the text does not say. */
  language: string | null;
  query: string;
  /** Dialogues the question names ("the firearms meeting", "TA", "la traite"), by id. */
  dialogues: string[];
  /**
   * A dialogue the question asks about that the knowledge does not have ("the cybercrime
   * dialogue"), as the asker wrote it; null when there is none.
   */
  unknownDialogue: string | null;
  /**
   * The best FAQ hit was asked this very question (its question or one of its variants, nearly
   * word for word), so its answer may open with a plain "Yes" or "No".
   */
  exact: boolean;
}

export interface AskOptions {
  /** The language to read the question in when the text does not tell (the person's setting). */
  locale?: Locale | null;
}

export interface Knowledge {
  /** One answer per question in the message, in order; at most MAX_QUESTIONS. */
  ask(text: string, options?: AskOptions): KnowledgeAnswer[];
  /** The language a text is written in, as `KnowledgeAnswer.language`. */
  languageOf(text: string): string | null;
  /** A place the text names for a time ("the deadline in Nairobi"), with its time zone at `at`. */
  placeOf(text: string, at: Date): Place | null;
  /**
   * FAQ entries close to `text` by the same retrieval, best first, without those in `exclude`:
   * the follow-up questions offered under an answer.
   */
  related(text: string, limit: number, exclude: string[], locale?: Locale): FaqEntry[];
}

export interface KnowledgeTuning {
  /** Share of the question's meaningful parts the best hit must match to be an answer. */
  minCoverage: number;
  /** A second hit is shown when its score is at least this share of the first. */
  secondHitRatio: number;
  /** Word overlap (Jaccard) with an entry's question or variant that counts as the same question. */
  exactOverlap: number;
  /** How much a short word (4 letters or fewer) or a name that no entry uses counts in the share above. */
  unknownWeight: number;
  /** A hit within this share of the best score that answers more of the question goes first. */
  rerankRatio: number;
  /**
   * How much the words of the context around a question ("we are a law firm working on
   * compliance, …") count in the share above, against those of what it asks.
   */
  contextWeight: number;
}

// On the 'tune' half of the questions, on-topic questions matched at least 60% of their parts and
// off-topic ones at most 25%; "more than half" sits inside that gap and reads plainly. A second
// hit within 80% of the first is close enough that the asker should see both.
export const DEFAULT_TUNING: KnowledgeTuning = {
  minCoverage: 0.51,
  secondHitRatio: 0.8,
  exactOverlap: 0.6,
  unknownWeight: 0.5,
  rerankRatio: 0.5,
  contextWeight: 0.5,
};

export const MAX_QUESTIONS = 5;

/** Builds the question-answering index over the given FAQ entries and dialogues. */
export function buildKnowledge(faq: FaqEntry[], dialogues: Dialogue[], tuning: KnowledgeTuning = DEFAULT_TUNING): Knowledge {
  const byId = new Map<string, KnowledgeHit>();
  for (const entry of faq) byId.set(`faq:${entry.id}`, { kind: 'faq', entry, score: 0 });
  for (const dialogue of dialogues) byId.set(`dialogue:${dialogue.id}`, { kind: 'dialogue', dialogue, score: 0 });
  const indexes = perLocale((l) => buildLocaleIndex(l, faq, dialogues));
  const evidence = perLocale((l): ReadonlySet<string> => indexes[l].vocabulary);
  const languageOf = (text: string) => detectLanguage(text, evidence);
  const localeOf = (text: string): Locale => {
    const said = languageOf(text);
    return isLocale(said) ? said : 'en';
  };

  function search(index: LocaleIndex, question: string, carried: string[]) {
    const { asked, context } = askedAndContext(question);
    const groups = [...index.queryGroups(context).map((g) => ({ ...g, context: true })), ...index.queryGroups(asked)];
    const named = index.namedDialogues(question);
    const dialoguesSaid = named.length ? named : carried;
    const terms = [...new Set(groups.flatMap((g) => g.terms))];
    // One dialogue's own page cannot answer a question about several ("can I apply for Firearms
    // and TA?"); an entry about them all can.
    const results: SearchResult[] = (terms.length ? index.search.search(terms.join(' ')) : []).filter(
      (r) => named.length < 2 || !String(r.id).startsWith('dialogue:'),
    );
    const top = results[0];
    if (!top) return { groups, results, coverage: 0, offCall: false, named, dialoguesSaid };
    // A word the knowledge has never seen cannot be matched by any entry. A short one ("now",
    // "pls") is mostly chat filler the stopword lists lack, and a name ("Nairobi") is context:
    // both weigh less. A longer unknown word ("bitcoin", "parking") is what the question is about,
    // and no entry has it.
    const weight = (g: Group) =>
      g.terms.some((t) => index.terms.has(t)) || (!g.name && g.terms.some((t) => t.length > 4)) ? 1 : tuning.unknownWeight;
    const coverageOf = (r: SearchResult) => {
      // A term found only in the quoted source is mentioned in passing, not what the entry is about.
      const matched = new Set(
        Object.entries(r.match)
          .filter(([, fields]) => fields.some((f) => f !== 'source'))
          .map(([t]) => t),
      );
      // `share` ranks entries by how much of the whole message they answer; `sure` decides
      // whether the best one answers the question, where context the entry does not speak to
      // ("we are a law firm working on compliance, can we take part?") counts less.
      let got = 0;
      let all = 0;
      let asked = 0;
      let offCall = false;
      for (const g of groups) {
        const w = weight(g);
        all += w;
        if (g.outside ? g.terms.every((t) => matched.has(t)) : g.terms.some((t) => matched.has(t))) {
          got += w;
          asked += w;
        } else {
          asked += w * ('context' in g ? tuning.contextWeight : 1);
          // "Is there a dress code?": an entry silent on the subject asked about does not answer it.
          if (g.outside) offCall = true;
        }
      }
      return { share: all ? got / all : 0, sure: offCall || !asked ? 0 : got / asked, offCall };
    };
    // BM25 favours a rare word ("ECOSOC") over the rest of the question; an entry close behind
    // that answers more of what was asked is the better answer.
    let best = { r: top, coverage: coverageOf(top) };
    for (const r of results.slice(1, 3)) {
      if (r.score < tuning.rerankRatio * top.score) break;
      const coverage = coverageOf(r);
      if (coverage.share > best.coverage.share + 1e-9) best = { r, coverage };
    }
    const ordered = best.r === top ? results : [best.r, ...results.filter((r) => r !== best.r)];
    return { groups, results: ordered, coverage: best.coverage.sure, offCall: best.coverage.offCall, named, dialoguesSaid };
  }

  function answer(question: string, fallback: Locale, carried: string[]): KnowledgeAnswer {
    const language = languageOf(question);
    const first = isLocale(language) ? language : fallback;
    // Someone writing French may use the English word for a thing; the English index gets a
    // second look when the question's own language finds nothing sure.
    let index = indexes[first];
    let found = search(index, question, carried);
    // A subject the call leaves to the secretariat, read in the question's own language, is not
    // looked for again in English, whose tables do not know the French or Spanish words for it.
    if (found.coverage < tuning.minCoverage && first !== 'en' && !found.offCall) {
      const english = search(indexes.en, question, carried);
      if (english.coverage > found.coverage) [index, found] = [indexes.en, english];
    }
    const { results, coverage, named, dialoguesSaid } = found;
    const about = { dialogues: dialoguesSaid, unknownDialogue: named.length ? null : index.unknownDialogue(question) };
    const top = results[0];
    if (!top) return { hits: [], confident: false, language, query: question, exact: false, ...about };
    const chosen = results.slice(0, 2).filter((r, i) => i === 0 || r.score >= tuning.secondHitRatio * top.score);
    const hits = chosen.map((r) => {
      const hit = byId.get(String(r.id));
      // The index was built from the same entries: an id it returns is always known.
      if (!hit) throw new Error(`The search index returned an unknown entry: ${String(r.id)}`);
      return { ...hit, score: r.score };
    });
    const best = hits[0];
    const exact = best?.kind === 'faq' && index.overlap(question, best.entry) >= tuning.exactOverlap;
    return { hits, confident: coverage >= tuning.minCoverage, language, query: question, exact, ...about };
  }

  // People ask the same few questions in the same words; the index never changes, so neither
  // does the answer to a given text.
  const asked = new Map<string, KnowledgeAnswer[]>();
  const suggested = new Map<string, FaqEntry[]>();

  function askFresh(text: string, preferred: Locale | null): KnowledgeAnswer[] {
    const whole = languageOf(text);
    const fallback: Locale = isLocale(whole) ? whole : (preferred ?? 'en');
    const questions = splitQuestions(text).filter((q) => foldedWords(q).length > 0);
    if (!questions.length) {
      return [{ hits: [], confident: false, language: whole, query: text, dialogues: [], unknownDialogue: null, exact: false }];
    }
    // A later question that names no dialogue is about the one named before it ("When is the TA
    // dialogue and is it online?").
    let carried: string[] = [];
    const answers = questions.map((q) => {
      const a = answer(q, fallback, carried);
      carried = a.dialogues;
      return a.language ? a : { ...a, language: whole };
    });
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

  // A word of the call's own ("réunion") or a stopword is not read as a place when lower case.
  const isWord = (w: string) => LOCALES.some((l) => evidence[l].has(w) || isStopword(w, l));

  return {
    languageOf,
    placeOf: (text, at) => placeIn(text, at, isWord),
    related(text, limit, exclude, locale) {
      const l = locale ?? localeOf(text);
      // Remembered like answers: the same question brings the same suggestions.
      const key = `${l}\u0000${limit}\u0000${exclude.join(',')}\u0000${text}`;
      const known = suggested.get(key);
      if (known) return known;
      const index = indexes[l];
      const terms = [...new Set(index.queryGroups(text).flatMap((g) => g.terms))];
      const out: FaqEntry[] = [];
      // Suggestions need no typo tolerance, and fuzzy matching was most of their cost.
      for (const r of terms.length && limit > 0 ? index.search.search(terms.join(' '), { fuzzy: false }) : []) {
        const hit = byId.get(String(r.id));
        if (hit?.kind !== 'faq' || exclude.includes(hit.entry.id)) continue;
        out.push(hit.entry);
        if (out.length >= limit) break;
      }
      if (suggested.size >= 2_000) suggested.clear();
      suggested.set(key, out);
      return out;
    },
    ask(text, options) {
      const preferred = options?.locale ?? null;
      const key = `${preferred ?? ''}\u0000${text}`;
      const known = asked.get(key);
      if (known) return known;
      const result = askFresh(text, preferred);
      if (asked.size >= 2_000) asked.clear();
      asked.set(key, result);
      return result;
    },
  };
}

function hitKey(hit: KnowledgeHit): string {
  return hit.kind === 'faq' ? `faq:${hit.entry.id}` : `dialogue:${hit.dialogue.id}`;
}
