/**
 * A person choosing their language in words: "language: français", "langue : français",
 * "idioma: español", "English please", "en français s'il vous plaît", "¿puede hablar en español?".
 * Only short messages that are about the language count, so a question that merely mentions
 * French ("is there interpretation in French?") is answered, not obeyed.
 */
import { LOCALES, type Locale } from './locales';

// Every way the languages are named, in each of the languages (accents are removed first).
const NAMES: Record<Locale, readonly string[]> = {
  en: ['english', 'anglais', 'ingles', 'en'],
  fr: ['french', 'francais', 'frances', 'fr'],
  es: ['spanish', 'espanol', 'espagnol', 'castellano', 'es'],
};

const byName = new Map<string, Locale>(LOCALES.flatMap((l) => NAMES[l].map((n) => [n, l] as const)));
const names = [...byName.keys()].join('|');

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'");

// "language: X", "set language to X", "switch to X", "X please", "in X", "speak X", and the same
// in French and Spanish; the language word may come first or last, politeness around it ignored.
const LEAD = String.raw`(?:(?:set |change |switch )?(?:my )?(?:language|lang|langue|idioma|lengua)(?: to| en| a)?|(?:switch|change|reply|answer|write|talk|speak|parlez|parler|ecrivez|repondez|hablar|hable|escriba|responda|cambiar|cambia|passer|passez)(?: (?:to|en|a|in|al))?|(?:in|en|a|al))`;
const POLITE = String.raw`(?:please|pls|merci|s'il vous plait|svp|por favor|gracias|thanks|thank you)`;
const PATTERNS = [
  new RegExp(String.raw`^(?:${POLITE} )?(?:(?:can|could) you |pouvez-vous |puede |podria )?${LEAD} ?[:=]? ?(${names})(?: ${POLITE})?$`),
  new RegExp(String.raw`^(${names})(?: ${POLITE}| only| seulement| solamente)?$`),
  new RegExp(String.raw`^(?:language|langue|idioma) ?[:=] ?(${names})$`),
];

/** The language a message asks for, or null when it is not a request to change language. */
export function parseLanguageChoice(text: string): Locale | null {
  const t = fold(text)
    .replace(/[.!?¡¿,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length === 0 || t.length > 60) return null;
  for (const pattern of PATTERNS) {
    const m = pattern.exec(t);
    if (m?.[1]) {
      // A bare "en"/"es"/"fr" alone is too easy to type by accident; it needs a lead word.
      if (pattern === PATTERNS[1] && m[1].length === 2) return null;
      return byName.get(m[1]) ?? null;
    }
  }
  return null;
}
