/**
 * Reading and writing the translations of an FAQ entry: one faq_translations row per language,
 * written in the same atomic write as the entry and its audit entry.
 */
import type { Kysely } from 'kysely';
import { readJsonOr, stringArray } from '../db/json';
import type { Database } from '../db/schema';
import type { Values } from './views/fields';
import { TRANSLATED, type FaqTranslationsInput } from './validators/faq-translations';

/** The form values of an entry's translations ("fr_question", "es_variants", …). */
export async function translationValues(db: Kysely<Database>, faqId: string): Promise<Values> {
  const rows = await db.selectFrom('faq_translations').selectAll().where('faq_id', '=', faqId).execute();
  const values: Values = {};
  for (const r of rows) {
    const variants = readJsonOr(r.variants, stringArray, []);
    values[`${r.locale}_question`] = r.question;
    values[`${r.locale}_variants`] = variants.join('\n');
    values[`${r.locale}_answer`] = r.answer;
  }
  return values;
}

/** Locales each entry has a translation in, by entry id. */
export async function translatedLocales(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('faq_translations').select(['faq_id', 'locale']).execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.faq_id, [...(out.get(r.faq_id) ?? []), r.locale]);
  return out;
}

/** The statements that make the stored translations of `faqId` equal to `input`. */
export function writeTranslations(db: Kysely<Database>, faqId: string, input: FaqTranslationsInput, nowIso: string) {
  return TRANSLATED.map((l) => {
    const t = input[l];
    if (!t) return db.deleteFrom('faq_translations').where('faq_id', '=', faqId).where('locale', '=', l);
    const row = { question: t.question, variants: JSON.stringify(t.variants), answer: t.answer, updated_at: nowIso };
    return db
      .insertInto('faq_translations')
      .values({ faq_id: faqId, locale: l, ...row })
      .onConflict((oc) => oc.columns(['faq_id', 'locale']).doUpdateSet(row));
  });
}
