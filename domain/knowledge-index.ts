/**
 * One language's index over the catalogue: the FAQ entries as written in that language, the
 * dialogues under every name they go by, and the phrases people use for the call's concepts.
 */
import MiniSearch from 'minisearch';
import { DateTime } from 'luxon';
import type { Locale } from './i18n/locales';
import { fold, foldedWords, isStopword, rawWords, termOf, termsOf, words } from './language';
import { dialogueIn, dialogueNames, faqIn, ownNames } from './localized';
import { topicReader } from './knowledge-topics';
import { DIALOGUE_ACTIONS, MEETING_WORDS, OUTSIDE_CALL, SYNONYMS } from './vocabulary';
import type { Dialogue, FaqEntry } from './types';

interface Doc {
  id: string;
  title: string;
  variants: string;
  body: string;
  source: string;
}

interface Phrase {
  tokens: string[];
  terms: string[];
  /** The dialogue this phrase names, if it is one of a dialogue's names. */
  dialogueId: string | null;
  /** An abbreviation written in capitals ("TA"): in lower case it may be an everyday word. */
  acronym: boolean;
  /**
   * A one-word alias that is not the dialogue's name ("trafficking", "armas"): with a word the
   * call never uses beside it ("drug trafficking", "armas químicas") it names another subject.
   */
  generic: boolean;
  /** A subject the call leaves to the secretariat (OUTSIDE_CALL). */
  outside: boolean;
}

/** One thing the asker said: the terms it may be found under, and whether it is a name ("Nairobi"). */
export interface Group {
  terms: string[];
  name: boolean;
  /** A subject the call leaves to the secretariat: only an entry that speaks of it answers. */
  outside: boolean;
}

export interface LocaleIndex {
  search: MiniSearch<Doc>;
  /** Every folded word this language's knowledge and phrase tables use. */
  vocabulary: ReadonlySet<string>;
  /** Every term the index holds. */
  terms: ReadonlySet<string>;
  /** The meaning-bearing parts of a question, in order, each with the terms it may be found under. */
  queryGroups(question: string): Group[];
  /** Ids of the dialogues the question names. */
  namedDialogues(question: string): string[];
  /** "the cybercrime dialogue": a meeting word next to a word the knowledge does not use. */
  unknownDialogue(question: string): string | null;
  /** Best word overlap (Jaccard) between the question and the entry's question or variants. */
  overlap(question: string, entry: FaqEntry): number;
}

const DATE_FORMATS: Record<Locale, string> = { en: 'en-GB', fr: 'fr', es: 'es' };

function dialogueDoc(d: Dialogue, locale: Locale): Doc {
  const text = dialogueIn(d, locale);
  const day = d.date
    ? DateTime.fromISO(d.date, { zone: 'utc' })
        .setLocale(DATE_FORMATS[locale])
        .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' })
    : '';
  return {
    id: `dialogue:${d.id}`,
    title: `${text.name} ${text.shortName}`,
    variants: `${text.shortName} ${MEETING_WORDS[locale][0]} ${day}`,
    // "To be announced" is not a place; indexing it would only add noise.
    body: [text.description, d.status === 'announced' ? '' : text.location, text.callNote ?? '', DIALOGUE_ACTIONS[locale]].join(' '),
    source: '',
  };
}

function faqDoc(e: FaqEntry, locale: Locale): Doc {
  // An entry not yet translated is indexed in English: found by the words it shares with the
  // question (names, "ECOSOC", English terms people use), it is answered in English with a note.
  const own = faqIn(e, locale);
  // The quoted source is the call's own (English) text.
  return {
    id: `faq:${e.id}`,
    title: own.text.question,
    variants: own.text.variants.join(' \n '),
    body: own.text.answer,
    source: locale === 'en' ? e.source : '',
  };
}

export function buildLocaleIndex(locale: Locale, faq: FaqEntry[], dialogues: Dialogue[]): LocaleIndex {
  const docs = [...faq.map((e) => faqDoc(e, locale)), ...dialogues.map((d) => dialogueDoc(d, locale))];
  const search = new MiniSearch<Doc>({
    fields: ['title', 'variants', 'body', 'source'],
    tokenize: (s) => words(s),
    processTerm: (term) => termOf(term, locale),
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
  search.addAll(docs);

  const phrases: Phrase[] = [
    ...SYNONYMS[locale].flatMap(([terms, said]) =>
      said.split('|').map((p) => ({
        tokens: foldedWords(p),
        terms: termsOf(terms, locale),
        dialogueId: null,
        acronym: false,
        generic: false,
        outside: false,
      })),
    ),
    ...OUTSIDE_CALL[locale]
      .split('|')
      .map((p) => ({ tokens: foldedWords(p), terms: [], dialogueId: null, acronym: false, generic: false, outside: true })),
    ...dialogues
      .filter((d) => d.status !== 'archived')
      .flatMap((d) => {
        const terms = termsOf(dialogueIn(d, locale).shortName, locale);
        const own = new Set(ownNames(d).map((n) => foldedWords(n).join(' ')));
        return dialogueNames(d).map((name) => {
          const tokens = foldedWords(name);
          const acronym = /^\p{Lu}{2,5}$/u.test(name.trim());
          const generic = tokens.length === 1 && !acronym && !own.has(tokens.join(' '));
          return { tokens, terms, dialogueId: d.id, acronym, generic, outside: false };
        });
      }),
  ]
    .filter((p) => p.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);

  const vocabulary = new Set<string>();
  for (const doc of docs) for (const w of foldedWords(`${doc.title} ${doc.variants} ${doc.body}`)) vocabulary.add(w);
  for (const p of phrases) for (const w of p.tokens) vocabulary.add(w);
  const spell = spellChecker(vocabulary, locale);
  const terms = new Set(docs.flatMap((d) => termsOf(`${d.title} ${d.variants} ${d.body} ${d.source}`, locale)));
  const knownTerms = new Set([...vocabulary].map((w) => termOf(w, locale)).filter(Boolean));
  // A word the call itself uses (in any entry or quoted source) is not the name of a missing dialogue.
  const known = (w: string) =>
    vocabulary.has(w) || knownTerms.has(termOf(w, locale)) || terms.has(termOf(w, locale) ?? '') || isStopword(w, locale) || /\d/.test(w);

  // The phrase starting at token i, if any; capitals are checked against the words as written.
  function phraseAt(tokens: string[], raw: string[], i: number): Phrase | undefined {
    const word = raw[i];
    const token = tokens[i];
    // No phrase starts past the last word.
    if (word === undefined || token === undefined) return undefined;
    return phrases.find(
      (p) => p.tokens.every((t, k) => tokens[i + k] === t) && (!p.acronym || word === word.toUpperCase() || !isStopword(token, locale)),
    );
  }
  const topics = topicReader({ locale, known, phraseAt });

  function read(question: string): { raw: string[]; tokens: string[] } {
    const raw = rawWords(question);
    return { raw, tokens: raw.map((w) => spell(fold(w))) };
  }

  return {
    search,
    vocabulary,
    terms,
    queryGroups(question) {
      const { raw, tokens } = read(question);
      const groups: Group[] = [];
      for (let i = 0; i < tokens.length; ) {
        const phrase = phraseAt(tokens, raw, i);
        const span = phrase ? phrase.tokens.length : 1;
        const stems = tokens.slice(i, i + span).map((w) => termOf(w, locale));
        // A subject outside the call made only of little words ("en total", "au total") keeps
        // them, so that it is still seen; the entry that answers it must say every term.
        const said = phrase?.outside && stems.every((t) => t === null) ? tokens.slice(i, i + span) : stems;
        const terms = [...said, ...(phrase?.terms ?? [])].filter((t): t is string => t !== null);
        // A capitalised word inside a sentence that is no phrase of ours is a name.
        const name = !phrase && i > 0 && /^\p{Lu}\p{Ll}/u.test(raw[i] ?? '');
        if (terms.length) groups.push({ terms: [...new Set(terms)], name, outside: !!phrase?.outside });
        i += span;
      }
      return groups;
    },
    namedDialogues(question) {
      const { raw, tokens } = read(question);
      const ids: string[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const p = phraseAt(tokens, raw, i);
        if (p?.dialogueId && !ids.includes(p.dialogueId) && !topics.qualified(tokens, i, p)) ids.push(p.dialogueId);
        if (p) i += p.tokens.length - 1;
      }
      return ids;
    },
    unknownDialogue(question) {
      const { raw, tokens } = read(question);
      return topics.unknownTopic(raw, tokens);
    },
    overlap(question, entry) {
      const q = new Set(termsOf(question, locale));
      const own = faqIn(entry, locale).text;
      let best = 0;
      for (const phrasing of [own.question, ...own.variants]) {
        const p = new Set(termsOf(phrasing, locale));
        const shared = [...q].filter((t) => p.has(t)).length;
        const union = new Set([...q, ...p]).size;
        if (union) best = Math.max(best, shared / union);
      }
      return best;
    },
  };
}

// Typos are fixed against the words the knowledge and the phrase tables actually use, so a
// misspelt synonym ("compnay") still reaches its expansion ("private sector"). One slip (a swap
// counts as one) is allowed in words of 5-7 letters, two in longer ones; shorter words are left
// alone, since too many real words lie one letter apart.
function spellChecker(vocabulary: Set<string>, locale: Locale): (token: string) => string {
  const sorted = [...vocabulary].sort();
  const byLength = new Map<number, string[]>();
  for (const w of sorted) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  const stems = new Set(sorted.map((w) => termOf(w, locale)));
  const fixed = new Map<string, string>();
  return (token) => {
    if (vocabulary.has(token) || token.length < 5 || /\d/.test(token) || isStopword(token, locale) || stems.has(termOf(token, locale))) {
      return token;
    }
    const cached = fixed.get(token);
    if (cached) return cached;
    const allowed = token.length >= 8 ? 2 : 1;
    let best = token;
    let bestDistance = allowed + 1;
    // Candidates in alphabetical order, as before the length buckets: ties go to the first.
    const candidates: string[] = [];
    // Nor is a word corrected into a short one: "found" is not a slip for "fund".
    for (let len = Math.max(5, token.length - allowed); len <= token.length + allowed; len++) candidates.push(...(byLength.get(len) ?? []));
    candidates.sort();
    for (const word of candidates) {
      const d = editDistance(token, word, Math.min(allowed, bestDistance - 1));
      if (d < bestDistance) [best, bestDistance] = [word, d];
    }
    if (fixed.size > 5_000) fixed.clear();
    fixed.set(token, best);
    return best;
  };
}

/** Optimal-string-alignment distance (insert, delete, substitute, swap neighbours); cap + 1 once over `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  const n = b.length;
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      // Every index here is inside the rows (0..n); a typed array's cells start at 0.
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n] ?? 0;
}
