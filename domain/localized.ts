/**
 * Catalogue texts in a person's language: the translation when the secretariat has one, else
 * the English reference text (and the caller is told, so it can say so).
 */
import type { Locale } from './i18n/locales';
import type { Call, Dialogue, DialogueText, FaqEntry, FaqText } from './types';

export interface InLocale<T> {
  text: T;
  /** The locale the text is really in. */
  locale: Locale;
}

export function faqIn(entry: FaqEntry, locale: Locale): InLocale<FaqText> {
  const own = locale === 'en' ? undefined : entry.translations?.[locale];
  if (own && own.question.trim() && own.answer.trim()) return { text: own, locale };
  return { text: { question: entry.question, variants: entry.variants, answer: entry.answer }, locale: 'en' };
}

export function dialogueIn(d: Dialogue, locale: Locale): DialogueText {
  const own = locale === 'en' ? undefined : d.translations?.[locale];
  if (own && own.name.trim()) return own;
  return { name: d.name, shortName: d.shortName, location: d.location, description: d.description, callNote: d.callNote };
}

/** A call's title in the person's language, else the English one. */
export function callTitle(call: Pick<Call, 'title' | 'translations'>, locale: Locale): string {
  const own = locale === 'en' ? undefined : call.translations?.[locale]?.title;
  return own?.trim() ? own : call.title;
}

/** A dialogue's name by id in the person's language (short by default); the id when it is unknown. */
export function dialogueName(dialogues: readonly Dialogue[], id: string, l: Locale, form: 'short' | 'full' = 'short'): string {
  const d = dialogues.find((x) => x.id === id);
  if (!d) return id;
  const text = dialogueIn(d, l);
  return form === 'short' ? text.shortName : text.name;
}

/** The dialogue's own names (full and short) in each language, without its aliases. */
export function ownNames(d: Dialogue): string[] {
  const translated = Object.values(d.translations ?? {}).flatMap((t) => (t ? [t.name, t.shortName] : []));
  return [d.name, d.shortName, ...translated].filter((n) => n.trim());
}

/** Every name the dialogue goes by: its names in each language and its aliases. */
export function dialogueNames(d: Dialogue): string[] {
  return [...ownNames(d), ...(d.aliases ?? [])].filter((n) => n.trim());
}
