import type { Locale } from './locales';

/**
 * One area's messages in every locale. English is the reference: French and Spanish must have
 * exactly its keys, so a missing translation is a type error, not a blank on someone's screen.
 * Messages are ICU MessageFormat ("{count, plural, one {# application} other {# applications}}").
 */
export function defineCatalog<const K extends string>(
  messages: {
    en: Record<K, string>;
  } & Record<Exclude<Locale, 'en'>, Record<K, string>>,
): Record<Locale, Record<K, string>> {
  return messages;
}
