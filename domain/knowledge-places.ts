/**
 * Places a question names for a time ("what time is the deadline in Nairobi?", "a la hora de
 * Bogotá", "l'heure de Dakar"), as IANA time zones. The names come from the runtime's own data,
 * not a list of ours: the cities of the IANA zones (Intl.supportedValuesOf), and countries with a
 * single UTC offset (Intl.Locale's time zones, named in English, French and Spanish with
 * Intl.DisplayNames). A few cities go by a name in French or Spanish that no zone carries
 * ("Ciudad de México"); those are PLACE_NAMES in vocabulary.ts.
 */
import { DateTime } from 'luxon';
import { COUNTRIES } from './countries';
import { fold, foldedWords, rawWords } from './language';
import { PLACE_LINKS, PLACE_NAMES, PLACE_TIME_WORDS } from './vocabulary';

export interface Place {
  /** The place as the asker wrote it. */
  name: string;
  /** An IANA zone of that place. */
  zone: string;
}

const key = (name: string) => foldedWords(name).join(' ');

// Research stations and offsets, not places anyone asks about ("Troll", "Casey").
const SKIP_AREAS = /^(Etc|Antarctica|Arctic)\//;

let table: Map<string, string[]> | null = null;

function placeTable(): Map<string, string[]> {
  if (table) return table;
  const t = new Map<string, string[]>();
  const add = (name: string, zones: string[]) => {
    const k = key(name);
    if (k && zones.length && !t.has(k)) t.set(k, zones);
  };
  for (const [name, zone] of Object.entries(PLACE_NAMES)) add(name, [zone]);
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const zone of zones) {
    if (SKIP_AREAS.test(zone)) continue;
    const city = zone.split('/').pop()?.replace(/_/g, ' ') ?? '';
    if (city.length >= 4) add(city, [zone]);
  }
  const names = ['fr', 'es'].map((l) => {
    try {
      return new Intl.DisplayNames([l], { type: 'region', fallback: 'none' });
    } catch {
      return null;
    }
  });
  for (const c of COUNTRIES) {
    const own = countryZones(c.code);
    if (!own.length) continue;
    for (const name of [c.name, c.name.replace(/\s*\(.*\)\s*/, ''), ...names.map((n) => n?.of(c.code) ?? '')]) add(name, own);
  }
  table = t;
  return t;
}

function countryZones(code: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${code}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

const LINKS = new Set(PLACE_LINKS.map(fold));
const TIME_WORDS = new Set(PLACE_TIME_WORDS.map(fold));
const LONGEST = 4;

/**
 * The place `text` names for a time, if any: a name after "in", "en", "à", "de"… or before "time".
 * A one-word name that is also a word of the call ("Réunion", "Victoria") or a stopword counts
 * only when written with a capital. A country whose zones disagree at `at` (the United States)
 * names no one time, so it is no answer.
 */
export function placeIn(text: string, at: Date, isWord: (w: string) => boolean): Place | null {
  const raw = rawWords(text);
  const tokens = raw.map(fold);
  const places = placeTable();
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(LONGEST, tokens.length - i); n >= 1; n--) {
      const name = tokens.slice(i, i + n).join(' ');
      const zones = places.get(name);
      if (!zones) continue;
      const linked = LINKS.has(tokens[i - 1] ?? '') || TIME_WORDS.has(tokens[i + n] ?? '');
      if (!linked) continue;
      const first = raw[i] ?? '';
      if (n === 1 && isWord(name) && !/^\p{Lu}/u.test(first)) continue;
      const offsets = new Set(zones.map((z) => DateTime.fromJSDate(at, { zone: z }).offset));
      const zone = zones[0];
      if (offsets.size !== 1 || !zone || !DateTime.fromJSDate(at, { zone }).isValid) continue;
      return { name: raw.slice(i, i + n).join(' '), zone };
    }
  }
  return null;
}
