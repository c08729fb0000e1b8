/**
 * What the call offers: dialogues, calls, FAQ, settings and reviewer channels.
 */
import { isLocale, type Locale } from '../../domain/i18n/locales';
import type { Kysely } from 'kysely';
import { isApprovalBody } from '../../domain/approval';
import { FAQ_TOPICS, type Call, type Dialogue, type FaqEntry, type Platform } from '../../domain/types';
import { anyJson, callTranslationsJson, dialogueTranslationsJson, parseJson, stringArray } from '../json';
import type { Database } from '../schema';
import { safeLinkUrl } from '../../domain/links';

export async function listDialogues(db: Kysely<Database>): Promise<Dialogue[]> {
  const rows = await db.selectFrom('dialogues').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    date: r.date,
    format: r.format,
    location: r.location,
    description: r.description,
    status: r.status,
    callNote: r.call_note,
    sortOrder: r.sort_order,
    aliases: parseJson(r.aliases, stringArray, 'dialogue aliases'),
    translations: parseJson(r.translations, dialogueTranslationsJson, 'dialogue translations'),
  }));
}

/** Every call, archived ones included (the engine decides which are open), oldest first. */
export async function listCalls(db: Kysely<Database>): Promise<Call[]> {
  const rows = await db.selectFrom('calls').selectAll().orderBy('opens_at').orderBy('id').execute();
  const links = await db
    .selectFrom('call_dialogues')
    .innerJoin('dialogues', 'dialogues.id', 'call_dialogues.dialogue_id')
    .select(['call_dialogues.call_id', 'call_dialogues.dialogue_id'])
    .orderBy('dialogues.sort_order')
    .orderBy('dialogues.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    ...callTranslations(r.translations),
    referencePrefix: r.reference_prefix,
    dialogueIds: links.filter((l) => l.call_id === r.id).map((l) => l.dialogue_id),
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    zone: r.zone,
    archived: r.archived !== 0,
    approvalBody: isApprovalBody(r.approval_body) ? r.approval_body : 'states_parties',
  }));
}

/** The call's titles in other languages, left out when it has none. */
function callTranslations(json: string): Pick<Call, 'translations'> {
  const t = parseJson(json, callTranslationsJson, 'call translations');
  return t.fr || t.es ? { translations: t } : {};
}

const topics = new Set<FaqEntry['topic']>(FAQ_TOPICS);

function relatedOf(json: string): { related?: string[] } {
  const related = parseJson(json, stringArray, 'FAQ related');
  return related.length ? { related } : {};
}

/** FAQ entries that are not archived, with their translations. */
export async function listFaq(db: Kysely<Database>): Promise<FaqEntry[]> {
  const [rows, translated] = await Promise.all([
    db.selectFrom('faq_entries').selectAll().where('archived', '=', 0).orderBy('id').execute(),
    db
      .selectFrom('faq_translations')
      .innerJoin('faq_entries', 'faq_entries.id', 'faq_translations.faq_id')
      .selectAll('faq_translations')
      .where('faq_entries.archived', '=', 0)
      .execute(),
  ]);
  const translations = new Map<string, NonNullable<FaqEntry['translations']>>();
  for (const t of translated) {
    if (!isLocale(t.locale) || t.locale === 'en') continue;
    const own = translations.get(t.faq_id) ?? {};
    own[t.locale] = { question: t.question, variants: parseJson(t.variants, stringArray, 'FAQ variants'), answer: t.answer };
    translations.set(t.faq_id, own);
  }
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    question: r.question,
    variants: parseJson(r.variants, stringArray, 'FAQ variants'),
    answer: r.answer,
    source: r.source,
    // A row written before the rule (or by hand) that breaks it is shown without its link.
    sourceUrl: safeLinkUrl(r.source_url),
    // An unknown topic from a newer admin panel degrades to a plain answer rather than failing.
    topic: topics.has(r.topic) ? r.topic : null,
    // Only when the secretariat chose some: most entries offer the nearest ones instead.
    ...relatedOf(r.related),
    updatedAt: r.updated_at,
    translations: translations.get(r.id) ?? {},
  }));
}

export async function getSetting<T = unknown>(db: Kysely<Database>, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return (parseJson(row.value, anyJson, `setting ${key}`) ?? null) as T | null;
}

/** The call's own reviewer channel on that platform, else the default (call_id ''), else null. */
export async function reviewChannel(db: Kysely<Database>, callId: string, platform: Platform): Promise<string | null> {
  const rows = await db
    .selectFrom('review_channels')
    .select(['call_id', 'address'])
    .where('platform', '=', platform)
    .where('call_id', 'in', [callId, ''])
    .execute();
  return (rows.find((r) => r.call_id === callId) ?? rows.find((r) => r.call_id === ''))?.address ?? null;
}

/** The language of the reviewer channel `reviewChannel` picks; null: the deployment's default. */
export async function reviewChannelLocale(db: Kysely<Database>, callId: string, platform: Platform): Promise<Locale | null> {
  const rows = await db
    .selectFrom('review_channels')
    .select(['call_id', 'locale'])
    .where('platform', '=', platform)
    .where('call_id', 'in', [callId, ''])
    .execute();
  const locale = (rows.find((r) => r.call_id === callId) ?? rows.find((r) => r.call_id === ''))?.locale;
  return isLocale(locale) ? locale : null;
}

/**
 * A fingerprint of everything the catalogue is read from, in one cheap query: it changes when
 * any dialogue, call, FAQ entry, call–dialogue link or setting is added, removed or edited, so a
 * reader may keep its parsed copy until it does.
 */
export async function catalogVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('dialogues')
        .select((e) => e.fn.max('updated_at').as('v'))
        .as('d_max'),
      eb
        .selectFrom('dialogues')
        .select((e) => e.fn.countAll().as('v'))
        .as('d_n'),
      eb
        .selectFrom('calls')
        .select((e) => e.fn.max('updated_at').as('v'))
        .as('c_max'),
      eb
        .selectFrom('calls')
        .select((e) => e.fn.countAll().as('v'))
        .as('c_n'),
      eb
        .selectFrom('call_dialogues')
        .select((e) => e.fn.countAll().as('v'))
        .as('cd_n'),
      eb
        .selectFrom('faq_entries')
        .select((e) => e.fn.max('updated_at').as('v'))
        .as('f_max'),
      eb
        .selectFrom('faq_entries')
        .select((e) => e.fn.countAll().as('v'))
        .as('f_n'),
      eb
        .selectFrom('faq_entries')
        .select((e) => e.fn.sum('archived').as('v'))
        .as('f_arch'),
      eb
        .selectFrom('faq_translations')
        .select((e) => e.fn.max('updated_at').as('v'))
        .as('t_max'),
      eb
        .selectFrom('faq_translations')
        .select((e) => e.fn.countAll().as('v'))
        .as('t_n'),
      eb
        .selectFrom('settings')
        .select((e) => e.fn.max('updated_at').as('v'))
        .as('s_max'),
      eb
        .selectFrom('settings')
        .select((e) => e.fn.countAll().as('v'))
        .as('s_n'),
      // Settings are few and sometimes written by hand: their values are part of the print.
      eb
        .selectFrom('settings')
        .select((e) => e.fn<string>('group_concat', [e.ref('value')]).as('v'))
        .as('s_vals'),
    ])
    .executeTakeFirstOrThrow();
  return JSON.stringify(row);
}
