/**
 * The language a message is written in, as one of the product's locales, or null when it cannot
 * be told (too short, a reference number, a language the product does not speak). Detection
 * itself lives with the question handling (domain/language.ts); this only maps its answer and
 * recognises plain English, which that detector reports as "not foreign".
 */
import { detectLanguage } from '../language';
import { isLocale, type Locale } from './locales';

// Words that only an English sentence is made of; two of them make a message English enough to
// switch someone who was only guessed to be French or Spanish back to English.
const ENGLISH = new Set([
  'the',
  'is',
  'are',
  'what',
  'when',
  'where',
  'how',
  'who',
  'can',
  'could',
  'do',
  'does',
  'i',
  'we',
  'my',
  'our',
  'you',
  'your',
  'to',
  'for',
  'of',
  'and',
  'with',
  'there',
  'please',
  'thanks',
  'hello',
  'apply',
  'application',
  'deadline',
]);

export function detectLocale(text: string): Locale | null {
  const foreign = detectLanguage(text);
  if (foreign) return isLocale(foreign) ? foreign : null;
  const words = text
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter(Boolean);
  return words.filter((w) => ENGLISH.has(w)).length >= 2 ? 'en' : null;
}
