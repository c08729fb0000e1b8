/**
 * Writes to the catalogue the bot answers from: dialogues, calls, FAQ entries, retention. Each
 * is one atomic batch with its audit entry; the routes have parsed and checked the input first.
 */
import type { DialogueRow, FaqRow } from '../../db/schema';
import { diff } from '../audit';
import type { SessionUser } from '../env';
import { writeTranslations } from '../faq-translations';
import type { CallWithDialogues } from '../queries/catalog';
import type { CallInput, DialogueInput, FaqInput } from '../validators';
import type { DialogueTranslationsInput } from '../validators/dialogue-translations';
import type { FaqTranslationsInput } from '../validators/faq-translations';
import { record, type CommandDeps } from './record';

type By = Pick<SessionUser, 'id'>;

export const dialogueRow = (d: DialogueInput, translations: DialogueTranslationsInput) => ({
  name: d.name,
  short_name: d.short_name,
  date: d.date,
  format: d.format,
  location: d.location,
  description: d.description,
  status: d.status,
  call_note: d.call_note,
  sort_order: d.sort_order,
  aliases: JSON.stringify(d.aliases),
  translations: JSON.stringify(translations),
});

/** Creates the dialogue, or updates `before` with the input (its id never changes). */
export async function saveDialogue(
  deps: CommandDeps,
  by: By,
  d: DialogueInput,
  translations: DialogueTranslationsInput,
  before?: DialogueRow,
): Promise<void> {
  const row = dialogueRow(d, translations);
  if (before) {
    await record(
      deps,
      by,
      (now) => [
        deps.db
          .updateTable('dialogues')
          .set({ ...row, updated_at: now.toISOString() })
          .where('id', '=', before.id),
      ],
      { action: 'dialogue.update', entity: 'dialogue', entityId: before.id, detail: diff(before, row) },
    );
    return;
  }
  await record(
    deps,
    by,
    (now) => [deps.db.insertInto('dialogues').values({ id: d.id, ...row, created_at: now.toISOString(), updated_at: now.toISOString() })],
    { action: 'dialogue.create', entity: 'dialogue', entityId: d.id, detail: row },
  );
}

/** Creates or updates a call with its dialogues; times are the UTC instants already checked. */
export async function saveCall(
  deps: CommandDeps,
  by: By,
  input: CallInput,
  times: { opensAt: string; closesAt: string },
  before?: CallWithDialogues,
): Promise<void> {
  const row = {
    title: input.title,
    translations: JSON.stringify({
      ...(input.title_fr ? { fr: { title: input.title_fr } } : {}),
      ...(input.title_es ? { es: { title: input.title_es } } : {}),
    }),
    reference_prefix: input.reference_prefix,
    opens_at: times.opensAt,
    closes_at: times.closesAt,
    zone: input.zone,
  };
  const dialogueIds = [...new Set(input.dialogue_ids)];
  await record(
    deps,
    by,
    (now) => [
      before
        ? deps.db
            .updateTable('calls')
            .set({ ...row, updated_at: now.toISOString() })
            .where('id', '=', input.id)
        : deps.db
            .insertInto('calls')
            .values({ id: input.id, ...row, archived: 0, created_at: now.toISOString(), updated_at: now.toISOString() }),
      deps.db.deleteFrom('call_dialogues').where('call_id', '=', input.id),
      deps.db.insertInto('call_dialogues').values(dialogueIds.map((d) => ({ call_id: input.id, dialogue_id: d }))),
    ],
    { action: before ? 'call.update' : 'call.create', entity: 'call', entityId: input.id, detail: diff(before, { ...row, dialogueIds }) },
  );
}

export const faqRow = (f: FaqInput) => ({
  call_id: f.call_id,
  question: f.question,
  variants: JSON.stringify(f.variants),
  answer: f.answer,
  source: f.source,
  source_url: f.source_url,
  topic: f.topic,
  related: JSON.stringify(f.related),
});

/** Creates an FAQ entry (returning its new id) or updates `before`, with its translations. */
export async function saveFaq(
  deps: CommandDeps,
  by: By,
  f: FaqInput,
  translations: FaqTranslationsInput,
  before?: FaqRow,
): Promise<string> {
  const row = faqRow(f);
  const id = before?.id ?? `faq-${crypto.randomUUID().slice(0, 8)}`;
  await record(
    deps,
    by,
    (now) => [
      before
        ? deps.db
            .updateTable('faq_entries')
            .set({ ...row, updated_at: now.toISOString() })
            .where('id', '=', id)
        : deps.db.insertInto('faq_entries').values({ id, ...row, archived: 0, updated_at: now.toISOString() }),
      ...writeTranslations(deps.db, id, translations, now.toISOString()),
    ],
    before
      ? { action: 'faq.update', entity: 'faq_entry', entityId: id, detail: { ...diff(before, row), translations } }
      : { action: 'faq.create', entity: 'faq_entry', entityId: id, detail: { ...row, translations } },
  );
  return id;
}

/** How many months a call keeps personal data after its last dialogue. */
export async function setRetention(
  deps: CommandDeps,
  by: By,
  call: { id: string; retention_months: number },
  months: number,
): Promise<void> {
  await record(
    deps,
    by,
    (now) => [deps.db.updateTable('calls').set({ retention_months: months, updated_at: now.toISOString() }).where('id', '=', call.id)],
    {
      action: 'call.retention',
      entity: 'call',
      entityId: call.id,
      detail: { retention_months: { from: call.retention_months, to: months } },
    },
  );
}
