/**
 * The French and Spanish texts of a dialogue (names, location, description, note about its call),
 * from the same form as the English ones. As for FAQ entries: a language left entirely empty has
 * no translation (French and Spanish readers see the English texts), a half-filled one is an error.
 */
import type { DialogueText, TranslatedLocale } from '../../domain/types';
import type { Errors, Values } from '../views/fields';
import { LANGUAGE_NAMES, TRANSLATED } from './faq-translations';

export type DialogueTranslationsInput = Partial<Record<TranslatedLocale, DialogueText>>;

/** The form's fields per language, with the longest text each may hold; the note is optional. */
export const DIALOGUE_TEXT_FIELDS = [
  { field: 'name', key: 'name', label: 'Full name', max: 200, required: true },
  { field: 'short_name', key: 'shortName', label: 'Short name', max: 80, required: true },
  { field: 'location', key: 'location', label: 'Location', max: 200, required: true },
  { field: 'description', key: 'description', label: 'Description', max: 4000, required: true },
  { field: 'call_note', key: 'callNote', label: 'Note about its call', max: 1000, required: false },
] as const;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function parseDialogueTranslations(raw: Values): { ok: true; data: DialogueTranslationsInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const data: DialogueTranslationsInput = {};
  for (const l of TRANSLATED) {
    const read = (field: (typeof DIALOGUE_TEXT_FIELDS)[number]['field']) => str(raw[`${l}_${field}`]);
    const typed = {
      name: read('name'),
      shortName: read('short_name'),
      location: read('location'),
      description: read('description'),
      callNote: read('call_note'),
    };
    if (Object.values(typed).every((v) => !v)) continue;
    const name = LANGUAGE_NAMES[l];
    for (const f of DIALOGUE_TEXT_FIELDS) {
      const value = typed[f.key];
      if (f.required && !value)
        errors[`${l}_${f.field}`] = `Enter the ${f.label.toLowerCase()} in ${name}, or leave every ${name} field empty`;
      else if (value.length > f.max) errors[`${l}_${f.field}`] = `Keep it to ${f.max} characters`;
    }
    data[l] = { ...typed, callNote: typed.callNote || null };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

/** The stored translations as form values ("fr_name", "es_call_note", …). */
export function dialogueTranslationValues(stored: DialogueTranslationsInput): Values {
  const values: Values = {};
  for (const l of TRANSLATED) {
    const text = stored[l];
    if (!text) continue;
    for (const f of DIALOGUE_TEXT_FIELDS) values[`${l}_${f.field}`] = text[f.key] ?? '';
  }
  return values;
}
