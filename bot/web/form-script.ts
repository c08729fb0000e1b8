/**
 * What the browser side of the application form (assets/_form.ts, in the playground and the Teams
 * dialog page) needs from the server: its words in every language, embedded in the page as JSON.
 */
import { catalog } from '../../domain/i18n/catalog/index';
import { LOCALES } from '../../domain/i18n/locales';

/**
 * The renderer words the browser needs, in every language, from the catalogue: the page picks
 * them by the form's `locale`. Only plain placeholders ({number}), no plural rules, so the
 * script can fill them without a message formatter.
 */
export function browserWords(keys: readonly (keyof (typeof catalog)['chrome']['en'])[]): Record<string, Record<string, string>> {
  return Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(keys.map((k) => [k, catalog.chrome[l][k]]))]));
}

/** JSON inside a <script>: nothing in it may close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export const FORM_WORDS = browserWords(['stepOf', 'choose', 'source', 'openForm']);
