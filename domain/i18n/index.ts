/**
 * Message catalogues and their formatter: every word a person reads comes from here, in their
 * locale, with ICU plural and select rules (intl-messageformat, which runs on Node and Workers).
 * Nothing is assembled by concatenating translated fragments: a sentence is one message.
 */
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { catalog } from './catalog/index';
import { DEFAULT_LOCALE, type Locale } from './locales';

export { LOCALES, DEFAULT_LOCALE, isLocale, localeFromTag, localeFromAcceptLanguage, direction, type Locale } from './locales';

type Catalog = typeof catalog;
export type AreaKey<A extends keyof Catalog> = keyof Catalog[A]['en'] & string;
/** "area.key" for every message in the catalogue. */
export type MessageKey = { [A in keyof Catalog & string]: `${A}.${AreaKey<A>}` }[keyof Catalog & string];
export type MessageValues = Record<string, PrimitiveType>;

const compiled = new Map<string, IntlMessageFormat>();
// Each area's messages by locale, looked up by the area's name (the part of a key before the dot).
const areas = new Map<string, Record<Locale, Record<string, string>>>(Object.entries(catalog));

function source(locale: Locale, key: MessageKey): string {
  const dot = key.indexOf('.');
  const area = areas.get(key.slice(0, dot));
  const id = key.slice(dot + 1);
  return area?.[locale][id] ?? area?.[DEFAULT_LOCALE][id] ?? key;
}

/** The message `key` in `locale`, with `values` put in its placeholders. */
export function t(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // ignoreTag: messages are plain text; "<" in a translation is a character, not markup.
    format = new IntlMessageFormat(source(locale, key), locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** A translator bound to one locale, for code that writes several messages to the same person. */
export function translator(locale: Locale): (key: MessageKey, values?: MessageValues) => string {
  return (key, values) => t(locale, key, values);
}
export { parseLanguageChoice } from './choice';
export { resolveLocale } from './preference';
