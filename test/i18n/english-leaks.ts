/**
 * Finds English catalogue text in something rendered for a French or Spanish reader: every
 * English message whose translation differs is cut at its placeholders, and any piece of three
 * words or more found in the output is a leak (a sentence that was not translated).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalog } from '../../domain/i18n/catalog/index';
import type { Locale } from '../../domain/i18n';

// FAQ answers and call facts are data translated elsewhere; everything else must be translated.
const AREAS = [
  'apply',
  'chrome',
  'common',
  'dates',
  'form',
  'language',
  'notices',
  'review',
  'status',
  'answers',
  'questions',
  'rounds',
  'security',
  'privacy',
  'web',
  'tab',
] as const;
type Area = keyof typeof catalog;

function literals(elements: MessageFormatElement[], out: string[] = [], current: string[] = ['']): string[] {
  for (const e of elements) {
    if (e.type === TYPE.literal) current[0] += e.value;
    else {
      out.push(current[0]!);
      current[0] = '';
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) literals(o.value, out, ['']);
    }
  }
  out.push(current[0]!);
  return out;
}

/** English fragments (three words or more) that must not appear in text for `locale`. */
export function englishFragments(locale: Exclude<Locale, 'en'>, areas: readonly Area[] = AREAS): string[] {
  const out = new Set<string>();
  for (const area of areas) {
    const messages = catalog[area] as Record<Locale, Record<string, string>>;
    for (const [key, english] of Object.entries(messages.en)) {
      if (messages[locale][key] === english) continue;
      for (const piece of literals(parse(english, { ignoreTag: true }))) {
        const trimmed = piece.replace(/^[\s:;,.()"—–-]+|[\s:;,.()"—–-]+$/g, '');
        if (trimmed.split(/\s+/).length >= 3) out.add(trimmed);
      }
    }
  }
  return [...out];
}

/** The English fragments found in `rendered` (anything JSON-able); `areas` widens the search. */
export function leaks(rendered: unknown, locale: Exclude<Locale, 'en'>, areas: readonly Area[] = AREAS): string[] {
  const text = stringsIn(rendered).join('\n');
  return englishFragments(locale, areas).filter((f) => text.includes(f));
}

/** Every string inside a value (JSON would escape quotes and hide a leak). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
