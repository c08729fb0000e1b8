/**
 * Which language to write to a person in: their explicit choice, else their platform's locale
 * (Slack users.info `locale`, Teams `activity.locale`), else the language their message is
 * written in, else what was stored before, else English. The answer says whether to store it.
 */
import type { LocaleSource, Person } from '../types';
import { DEFAULT_LOCALE, localeFromTag, type Locale } from './locales';

export interface LocaleSignals {
  /** The locale tag the platform gave for this person ("fr-FR"), if any. */
  platformTag?: string | null;
  /** The language this message is written in, when it could be told. */
  detected?: Locale | null;
}

export interface LocaleDecision {
  locale: Locale;
  /** Set when what was stored should change. */
  store?: { locale: Locale; source: LocaleSource };
}

const RANK: Record<LocaleSource, number> = { chosen: 3, platform: 2, message: 1 };

export function resolveLocale(person: Pick<Person, 'locale' | 'localeSource'>, signals: LocaleSignals): LocaleDecision {
  const stored = person.locale && person.localeSource ? { locale: person.locale, source: person.localeSource } : null;
  const platform = localeFromTag(signals.platformTag);
  const candidates: { locale: Locale; source: LocaleSource }[] = [
    ...(platform ? [{ locale: platform, source: 'platform' as const }] : []),
    ...(signals.detected ? [{ locale: signals.detected, source: 'message' as const }] : []),
  ];
  // The strongest signal wins; a signal of the same strength as the stored one replaces it (the
  // platform setting changed, or the person now writes in another language).
  let best = stored;
  for (const c of candidates) {
    if (!best || RANK[c.source] >= RANK[best.source]) {
      if (!best || RANK[c.source] > RANK[best.source] || c.locale !== best.locale) best = c;
      break;
    }
  }
  if (!best) return { locale: person.locale ?? DEFAULT_LOCALE };
  const changed = !stored || stored.locale !== best.locale || stored.source !== best.source;
  return changed ? { locale: best.locale, store: best } : { locale: best.locale };
}
