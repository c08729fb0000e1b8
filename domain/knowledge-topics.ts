/**
 * The subject a question gives a meeting ("the cybercrime dialogue", "a dialogue on drug
 * trafficking", "un dialogue sur le trafic de drogue"), to notice when it is one the call does
 * not have. Read from the words the knowledge uses: nothing here names a subject.
 */
import type { Locale } from './i18n/locales';
import { fold, isStopword } from './language';
import { MEETING_WORDS, TOPIC_LINKS } from './vocabulary';

interface PhraseLike {
  tokens: string[];
  generic: boolean;
}

export interface TopicReaderDeps {
  locale: Locale;
  /** A word the knowledge uses (or a stopword, or a number). */
  known(word: string): boolean;
  phraseAt(tokens: string[], raw: string[], i: number): PhraseLike | undefined;
}

// "trafic de drogue", "trafficking of drugs": a word the call uses, narrowed by what follows.
const GENITIVES: Record<Locale, ReadonlySet<string>> = {
  en: new Set(['of']),
  fr: new Set(['de', 'du', 'des', 'd']),
  es: new Set(['de', 'del']),
};

export function topicReader({ locale, known, phraseAt }: TopicReaderDeps) {
  const meeting = new Set(MEETING_WORDS[locale].map(fold));
  const links = new Set(TOPIC_LINKS[locale].map(fold));
  const unknown = (w: string | undefined) => w !== undefined && !known(w) && !meeting.has(w) && !links.has(w);
  // Past the last word there is no stopword (nor link word) to skip.
  const stop = (w: string | undefined) => w !== undefined && isStopword(w, locale);
  const link = (w: string | undefined) => w !== undefined && links.has(w);
  const genericAt = (tokens: string[], raw: string[], i: number) => {
    const p = i >= 0 ? phraseAt(tokens, raw, i) : undefined;
    return !!p?.generic;
  };

  /**
   * Whether the one-word alias `p` at `i` is narrowed to another subject by a word the call never
   * uses: before it ("drug trafficking"), or after it where adjectives follow ("armas químicas").
   */
  function qualified(tokens: string[], i: number, p: PhraseLike): boolean {
    if (!p.generic) return false;
    if (unknown(tokens[i - 1]) || (locale !== 'en' && unknown(tokens[i + 1]))) return true;
    // "trafficking of drugs", "trata de drogas"
    if (!GENITIVES[locale].has(tokens[i + 1] ?? '')) return false;
    let m = i + 2;
    while (m < tokens.length && stop(tokens[m])) m++;
    return unknown(tokens[m]);
  }

  /** The subject, as the asker wrote it, when it holds a word the call never uses; else null. */
  function unknownTopic(raw: string[], tokens: string[]): string | null {
    for (const [i, token] of tokens.entries()) {
      if (!meeting.has(token)) continue;
      // English puts the subject first: "the cybercrime dialogue", "the drug trafficking dialogue".
      if (locale === 'en') {
        const start = genericAt(tokens, raw, i - 1) ? i - 2 : i - 1;
        let j = start;
        while (j >= 0 && unknown(tokens[j])) j--;
        if (j < start) return raw.slice(j + 1, i).join(' ');
      }
      let k = i + 1;
      if (!links.has(tokens[k] ?? '')) continue;
      while (k < tokens.length && (link(tokens[k]) || stop(tokens[k]))) k++;
      const from = k;
      if (unknown(tokens[k])) {
        // "cybercrime", "drug trafficking", "armas químicas"
        while (unknown(tokens[k])) k++;
        if (genericAt(tokens, raw, k)) k++;
      } else if (genericAt(tokens, raw, k) && locale !== 'en' && unknown(tokens[k + 1])) {
        k++;
        while (unknown(tokens[k])) k++;
      } else if (tokens[k] && !stop(tokens[k]) && GENITIVES[locale].has(tokens[k + 1] ?? '')) {
        // "trafic de drogue", "tráfico de drogas": the words after "de" (and an article) decide.
        let m = k + 2;
        while (m < tokens.length && stop(tokens[m]) && !unknown(tokens[m])) m++;
        if (!unknown(tokens[m])) continue;
        k = m;
        while (unknown(tokens[k])) k++;
      }
      if (k > from) return raw.slice(from, k).join(' ');
    }
    return null;
  }

  return { qualified, unknownTopic };
}
