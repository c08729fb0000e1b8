/**
 * The French and Spanish versions of an FAQ entry, from the same form as the English one. A
 * language left entirely empty has no translation (the bot answers in English there and says
 * so); a half-filled one is an error, so nothing half-translated reaches an applicant.
 */
import type { FaqText, TranslatedLocale } from '../../domain/types';
import type { Errors, Values } from '../views/fields';

export const TRANSLATED: readonly TranslatedLocale[] = ['fr', 'es'];
export const LANGUAGE_NAMES: Record<TranslatedLocale, string> = { fr: 'French', es: 'Spanish' };

export type FaqTranslationsInput = Record<TranslatedLocale, FaqText | null>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function parseFaqTranslations(raw: Values): { ok: true; data: FaqTranslationsInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const data: FaqTranslationsInput = { fr: null, es: null };
  for (const l of TRANSLATED) {
    const question = str(raw[`${l}_question`]).trim();
    const answer = str(raw[`${l}_answer`]).trim();
    const variants = str(raw[`${l}_variants`])
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!question && !answer && !variants.length) continue;
    const name = LANGUAGE_NAMES[l];
    if (!question) errors[`${l}_question`] = `Enter the question in ${name}, or leave every ${name} field empty`;
    else if (question.length > 500) errors[`${l}_question`] = 'Keep the question to 500 characters';
    if (!answer) errors[`${l}_answer`] = `Enter the answer in ${name}, or leave every ${name} field empty`;
    else if (answer.length > 4000) errors[`${l}_answer`] = 'Keep the answer to 4000 characters';
    if (variants.length > 100) errors[`${l}_variants`] = 'Keep it to 100 variants';
    else if (variants.some((v) => v.length > 300)) errors[`${l}_variants`] = 'Each variant must be 300 characters or fewer';
    data[l] = { question, variants, answer };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}
