/**
 * The languages the product speaks. English, French and Spanish today; the other UN languages
 * (Arabic, Chinese, Russian) need only a catalogue and an entry here — nothing else in the code
 * may assume Latin script or left-to-right text, which is why direction is data.
 */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l === value);
}

/**
 * The supported locale for a platform locale tag ("fr-FR", "es_419", "en-GB"), or null when the
 * product does not speak that language.
 */
export function localeFromTag(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : null;
}

/**
 * The first language an Accept-Language header asks for that the product speaks, by q-value
 * ("de-AT,fr;q=0.8,en;q=0.5" is French), else English. For pages opened in a browser.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(/q=([0-9.]+)/.exec(params.join(';'))?.[1] ?? '1');
      return { tag: tag?.slice(0, 35) ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const locale = localeFromTag(r.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

/** Writing direction for the `dir` attribute of pages and for renderers that support it. */
export function direction(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/** One value for each locale, made by `make`; the type checks that no locale is left out. */
export function perLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return { en: make('en'), fr: make('fr'), es: make('es') };
}
