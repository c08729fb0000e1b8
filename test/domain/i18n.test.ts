import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalog } from '../../domain/i18n/catalog/index';
import { direction, localeFromTag, LOCALES, t } from '../../domain/i18n';

// The argument names a message uses, nested plural/select branches included.
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe('message catalogues', () => {
  for (const [area, messages] of Object.entries(catalog)) {
    const byLocale = messages as Record<string, Record<string, string>>;
    it(`${area}: every locale has the English keys, each message parses and uses the same placeholders`, () => {
      const keys = Object.keys(byLocale.en ?? {}).sort();
      for (const locale of LOCALES) {
        expect(Object.keys(byLocale[locale] ?? {}).sort(), `${area} in ${locale}`).toEqual(keys);
        for (const key of keys) {
          const text = byLocale[locale]?.[key] ?? '';
          expect(text.trim(), `${area}.${key} in ${locale} is empty`).not.toBe('');
          const used = [...argumentsOf(parse(text, { ignoreTag: true }))].sort();
          const reference = [...argumentsOf(parse(byLocale.en?.[key] ?? '', { ignoreTag: true }))].sort();
          expect(used, `${area}.${key} in ${locale}`).toEqual(reference);
        }
      }
    });
  }

  it('formats in the asked locale', () => {
    expect(t('fr', 'common.language.changed')).toContain('français');
    expect(t('es', 'common.language.changed')).toContain('español');
  });

  it('reads platform locale tags and knows right-to-left scripts', () => {
    expect(localeFromTag('fr-FR')).toBe('fr');
    expect(localeFromTag('es_419')).toBe('es');
    expect(localeFromTag('de-AT')).toBeNull();
    expect(localeFromTag(undefined)).toBeNull();
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
  });
});
