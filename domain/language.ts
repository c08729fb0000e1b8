/**
 * Text handling for questions: words, stopwords, stems, language detection and splitting a
 * message into its questions. The language tools are maintained libraries, not lists of our own:
 *
 * - Snowball stemmers (@orama/stemmers): the reference stemmers for English, French and Spanish,
 *   one ESM subpath per language, so only the languages we speak reach the Worker bundle.
 * - Stopwords (@orama/stopwords): the Snowball project's lists, same packaging and same authors
 *   as the stemmers, so the two agree on what a word is.
 * - Language of a question: the words vote. Each word the English, French or Spanish knowledge
 *   uses, and each Snowball stopword, is a vote for the languages it belongs to. German, Italian
 *   and Portuguese are recognised by their Snowball stopwords (the same package, about 1 KiB
 *   each), so a question in a language we do not speak gets told so. A trigram detector
 *   (franc-min) did this before; on one-line questions it was unsure ("deadline?" read as
 *   French), only ever broke ties, and cost some 48 KiB gzip of the Worker's 400 KiB budget.
 *
 * Index and query go through the same functions, so they agree on every term.
 */
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFr } from '@orama/stemmers/french';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import { stopwords as stopEn } from '@orama/stopwords/english';
import { stopwords as stopFr } from '@orama/stopwords/french';
import { stopwords as stopEs } from '@orama/stopwords/spanish';
import { stopwords as stopDe } from '@orama/stopwords/german';
import { stopwords as stopIt } from '@orama/stopwords/italian';
import { stopwords as stopPt } from '@orama/stopwords/portuguese';
import type { Locale } from './i18n/locales';
import { CHAT_WORDS, MEANING_WORDS, QUESTION_WORDS, SPLIT_WORDS } from './vocabulary';

/** Lower case without accents or compatibility forms: how words are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text in lower case, accents kept. */
export function words(text: string): string[] {
  return rawWords(text).map((w) => w.toLowerCase());
}

/** The words of a text as written (case kept), in the same places as `words`. */
export function rawWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      // English contractions: "doesn't have" must read as the "does not have" of the phrase tables.
      .replace(/\b(can)['’]t\b/giu, '$1not')
      .replace(/\b(w)on['’]t\b/giu, '$1ill not')
      .replace(/n['’]t\b/giu, ' not')
      .replace(/(\p{L})['’](?:s|re|ve|ll|d|m)\b/giu, '$1')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
  );
}

/** Folded words: what phrase tables and aliases are matched on. */
export function foldedWords(text: string): string[] {
  return words(text).map(fold).filter(Boolean);
}

const STEMMERS: Record<Locale, (w: string) => string> = { en: stemEn, fr: stemFr, es: stemEs };

// The stopword lists drop question words, but they carry meaning here: "who can apply" and
// "how do I apply" are different questions, as are "before" and "after" the deadline; so do a
// few other words (MEANING_WORDS).
const STOPWORDS: Record<Locale, ReadonlySet<string>> = {
  en: stopwordSet(stopEn, 'en'),
  fr: stopwordSet(stopFr, 'fr'),
  es: stopwordSet(stopEs, 'es'),
};

function stopwordSet(list: readonly string[], locale: Locale): ReadonlySet<string> {
  const keep = new Set([...QUESTION_WORDS[locale], ...MEANING_WORDS[locale]].map(fold));
  return new Set([...list, ...CHAT_WORDS[locale]].map(fold).filter((w) => w && !keep.has(w)));
}

export function isStopword(word: string, locale: Locale): boolean {
  return STOPWORDS[locale].has(fold(word));
}

// Stemming is the costly step of building an index and reading a question, and the same few
// thousand words come back again and again.
const TERMS: Record<Locale, Map<string, string | null>> = { en: new Map(), fr: new Map(), es: new Map() };

/** One word as an index term in `locale`: null for stopwords and stray letters. */
export function termOf(word: string, locale: Locale): string | null {
  const cache = TERMS[locale];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const term = computeTerm(word, locale);
  if (cache.size >= 50_000) cache.clear();
  cache.set(word, term);
  return term;
}

function computeTerm(word: string, locale: Locale): string | null {
  const folded = fold(word);
  if (folded.length < 2 && !/^\d$/.test(folded)) return null;
  if (STOPWORDS[locale].has(folded)) return null;
  if (/^\d+$/.test(folded)) return folded;
  // Stemmed without accents: people type "reunion" and "inscripcion" as often as "réunion" and
  // "inscripción", and both must reach the same term.
  return STEMMERS[locale](folded);
}

/** The index terms of a text in `locale`, in order. */
export function termsOf(text: string, locale: Locale): string[] {
  return words(text)
    .map((w) => termOf(w, locale))
    .filter((t): t is string => t !== null);
}

// Languages we do not speak but recognise, so that the reply can say which languages we do.
// Only their own words count: a word also used by English, French or Spanish tells nothing.
const FOREIGN: Record<'de' | 'it' | 'pt', ReadonlySet<string>> = {
  de: new Set(stopDe.map(fold)),
  it: new Set(stopIt.map(fold)),
  pt: new Set(stopPt.map(fold)),
};

/**
 * The language of a text as an ISO 639-1 code ('en', 'fr', 'es', or 'de', 'it', 'pt' which we
 * recognise but do not speak), or null when the text does not say.
 *
 * `evidence` lists, per supported locale, the words that locale's knowledge uses: each word found
 * is a vote, split between the languages that use it; stopwords vote the same way. A tie ("international
 * cooperation dialogue date") is left to the person's own language.
 */
export function detectLanguage(text: string, evidence?: Partial<Record<Locale, ReadonlySet<string>>>): string | null {
  if (/[\u0600-\u06FF]/u.test(text)) return 'ar';
  if (/[\u0400-\u04FF]/u.test(text)) return 'ru';
  if (/[\u4E00-\u9FFF]/u.test(text)) return 'zh';
  // Words in capitals are names and abbreviations ("TA", "ONG", "ECOSOC"): they tell nothing of
  // the language around them.
  const tokens = words(
    text
      .normalize('NFKC')
      .split(/\s+/u)
      .filter((w) => !/^\p{Lu}{2,}\W*$/u.test(w))
      .join(' '),
  ).map(fold);
  if (!tokens.length) return null;
  const ours = ['en', 'fr', 'es'] as const;
  const votes: Record<(typeof ours)[number], number> = { en: 0, fr: 0, es: 0 };
  const foreign: Record<keyof typeof FOREIGN, number> = { de: 0, it: 0, pt: 0 };
  const theirs = ['de', 'it', 'pt'] as const;
  for (const t of tokens) {
    // A word our languages share ("date", "dialogue") splits its vote between them.
    const stop = ours.filter((l) => STOPWORDS[l].has(t));
    const users = stop.length ? stop : ours.filter((l) => evidence?.[l]?.has(t));
    for (const l of users) votes[l] += 1 / users.length;
    if (users.length) continue;
    const others = theirs.filter((l) => FOREIGN[l].has(t));
    for (const l of others) foreign[l] += 1 / others.length;
  }
  // Letters that English never uses.
  if (/[¿¡ñ]/u.test(text)) votes.es += 2;
  if (/[àèùâêîôûçœë]/u.test(text.toLowerCase())) votes.fr += 1;
  const best = Math.max(...Object.values(votes));
  // Several words of a language we do not speak, more than of ours ("Wer kann sich bewerben?").
  const [other, count = 0] = Object.entries(foreign).sort((a, b) => b[1] - a[1])[0] ?? [];
  if (other && count >= 2 && count > best) return other;
  if (best === 0) return null;
  const leaders = ours.filter((l) => votes[l] > best - 1e-9);
  return leaders.length === 1 ? (leaders[0] ?? null) : null;
}

/**
 * The questions in a message, in order. Numbered or bulleted items are questions of their own;
 * statements are context for the question after them ("We are a university. Can we apply?" is
 * one question); "and" starts a new question only when a question word follows it ("When is the
 * deadline and is there travel support?").
 */
export function splitQuestions(text: string): string[] {
  const items = text
    .split(LIST_MARK)
    .map((s) => s.trim())
    .filter(Boolean);
  // Text before the first item ("Two questions:") introduces the list; each item is a question.
  const listed = new Set(items.length > 1 ? items.slice(LIST_MARK.test(text.split('\n', 1)[0]?.slice(0, 6) ?? '') ? 0 : 1) : []);
  const pieces: string[] = [];
  for (const item of items) {
    const sentences = item
      .split(/(?<=[?!.;:\n])\s+|\n+/u)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const sentence of sentences) pieces.push(...splitOnJoiners(sentence));
  }
  const isQuestion = (s: string) => /[?？]\s*$/u.test(s) || startsWithQuestionWord(s);
  const questions: string[] = [];
  let context = '';
  for (const piece of pieces) {
    // "Two questions:" announces what follows; it is not context for it.
    if (/[:：]\s*$/u.test(piece) && !listed.has(piece)) continue;
    if (isQuestion(piece) || listed.has(piece)) {
      questions.push(`${context}${piece}`.trim());
      context = '';
    } else context += `${piece} `;
  }
  if (context.trim()) {
    if (questions.length) questions[questions.length - 1] += ` ${context.trim()}`;
    else questions.push(context.trim());
  }
  return questions;
}

// "1) … 2) …", "1. … 2. …" after a question mark, and bullets at the start of a line.
const LIST_MARK = /(?:^|\n)\s*(?:[-•*]|\(?\d{1,2}[).])\s+|\s\(?\d{1,2}\)\s+|(?<=[?!;:])\s*\d{1,2}\.\s+/u;

export function startsWithQuestionWord(s: string): boolean {
  const [first = '', second = ''] = foldedWords(s.replace(/^[¿¡\s]+/u, ''));
  return SPLIT_WORDS.openers.has(first) || SPLIT_WORDS.openers.has(`${first} ${second}`);
}

function splitOnJoiners(sentence: string): string[] {
  const raw = sentence.split(/\s+/u);
  const out: string[] = [];
  let start = 0;
  // A joiner is never the first or the last word.
  for (const [i, word] of raw.entries()) {
    if (i === 0 || i === raw.length - 1) continue;
    const here = fold(word.replace(/[^\p{L}]/gu, ''));
    if (SPLIT_WORDS.joiners.has(here) && startsWithQuestionWord(raw.slice(i + 1).join(' '))) {
      out.push(raw.slice(start, i).join(' '));
      start = i + 1;
    }
  }
  out.push(raw.slice(start).join(' '));
  return out.filter(Boolean);
}

/**
 * A question's clauses split into what it asks and the context around it: "our team is based in
 * Lagos, when do applications close?" asks "when do applications close?". A clause asks when it
 * opens with a question word or ends with a question mark; with no such clause all of it asks.
 */
export function askedAndContext(question: string): { asked: string; context: string } {
  const clauses = question
    .split(/(?<=[.,;:!?])\s+|\s+[–—-]\s+/u)
    .map((c) => c.trim())
    .filter(Boolean);
  const asks = (c: string) => /[?？]\s*$/u.test(c) || startsWithQuestionWord(c);
  if (clauses.length < 2 || !clauses.some(asks)) return { asked: question, context: '' };
  return { asked: clauses.filter(asks).join(' '), context: clauses.filter((c) => !asks(c)).join(' ') };
}
