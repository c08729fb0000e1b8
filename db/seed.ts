/**
 * First-start data: the call the product was built for, so `npm start` answers questions at once.
 */
import type { Kysely } from 'kysely';
import { changed, sqliteAtomic, type Atomic } from './atomic';
import { toJson } from './json';
import type { Database } from './schema';
import type { SeedData } from './seed-data/types';

/**
 * Seeds dialogues, calls (with their dialogues), FAQ entries and settings in one atomic write,
 * only when the dialogues table is empty; returns whether it seeded. Every insert is
 * insert-or-ignore, so two processes starting together on one database seed it once and neither
 * fails. Pass `d1Atomic(...)` on Workers; the default is the SQLite transaction.
 */
export async function seedIfEmpty(
  db: Kysely<Database>,
  data: SeedData,
  nowIso: string,
  atomic: Atomic = sqliteAtomic(db),
): Promise<boolean> {
  const any = await db.selectFrom('dialogues').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  // One statement per row: D1 caps bound parameters per statement at 100.
  const queries = [
    ...data.dialogues.map((d) =>
      db
        .insertInto('dialogues')
        .values({
          id: d.id,
          name: d.name,
          short_name: d.shortName,
          date: d.date,
          format: d.format,
          location: d.location,
          description: d.description,
          status: d.status,
          call_note: d.callNote,
          sort_order: d.sortOrder,
          aliases: toJson(d.aliases ?? []),
          translations: toJson(d.translations ?? {}),
          created_at: nowIso,
          updated_at: nowIso,
        })
        .onConflict((oc) => oc.doNothing()),
    ),
    ...data.calls.map((c) =>
      db
        .insertInto('calls')
        .values({
          id: c.id,
          title: c.title,
          reference_prefix: c.referencePrefix,
          opens_at: c.opensAt,
          closes_at: c.closesAt,
          zone: c.zone,
          archived: c.archived ? 1 : 0,
          approval_body: c.approvalBody ?? 'secretariat',
          translations: JSON.stringify(c.translations ?? {}),
          created_at: nowIso,
          updated_at: nowIso,
        })
        .onConflict((oc) => oc.doNothing()),
    ),
    ...data.calls.flatMap((c) =>
      c.dialogueIds.map((dialogueId) =>
        db
          .insertInto('call_dialogues')
          .values({ call_id: c.id, dialogue_id: dialogueId })
          .onConflict((oc) => oc.doNothing()),
      ),
    ),
    ...data.faq.map((f) =>
      db
        .insertInto('faq_entries')
        .values({
          id: f.id,
          call_id: f.callId,
          question: f.question,
          variants: toJson(f.variants),
          answer: f.answer,
          source: f.source,
          source_url: f.sourceUrl,
          topic: f.topic,
          archived: 0,
          updated_at: f.updatedAt || nowIso,
        })
        .onConflict((oc) => oc.doNothing()),
    ),
    ...data.faq.flatMap((f) =>
      Object.entries(f.translations ?? {}).flatMap(([locale, t]) =>
        t
          ? [
              db
                .insertInto('faq_translations')
                .values({
                  faq_id: f.id,
                  locale,
                  question: t.question,
                  variants: toJson(t.variants),
                  answer: t.answer,
                  updated_at: f.updatedAt || nowIso,
                })
                .onConflict((oc) => oc.doNothing()),
            ]
          : [],
      ),
    ),
    ...Object.entries(data.settings).map(([key, value]) =>
      db
        .insertInto('settings')
        .values({ key, value: toJson(value), updated_at: nowIso })
        .onConflict((oc) => oc.doNothing()),
    ),
  ];
  const results = await atomic.run(queries);
  return results.some((r) => changed(r) > 0);
}
