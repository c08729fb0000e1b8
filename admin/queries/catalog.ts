/**
 * Reads of dialogues and calls for the panel's pages and selects.
 */
import type { Kysely } from 'kysely';
import { callTranslationsJson, parseJson } from '../../db/json';
import type { CallRow, Database, DialogueRow } from '../../db/schema';

export type CallWithDialogues = CallRow & { dialogueIds: string[] };
/** A call as its edit form shows it: with its title in French and Spanish, when it has them. */
export type CallForEdit = CallWithDialogues & { titles: { fr?: string | undefined; es?: string | undefined } };

export function listDialogues(db: Kysely<Database>): Promise<DialogueRow[]> {
  return db.selectFrom('dialogues').selectAll().orderBy('sort_order').orderBy('name').execute();
}

export function getDialogue(db: Kysely<Database>, id: string): Promise<DialogueRow | undefined> {
  return db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCalls(db: Kysely<Database>): Promise<CallWithDialogues[]> {
  const [calls, links] = await Promise.all([
    db.selectFrom('calls').selectAll().orderBy('opens_at', 'desc').execute(),
    db.selectFrom('call_dialogues').selectAll().execute(),
  ]);
  return calls.map((c) => ({ ...c, dialogueIds: links.filter((l) => l.call_id === c.id).map((l) => l.dialogue_id) }));
}

export async function getCall(db: Kysely<Database>, id: string): Promise<CallForEdit | undefined> {
  const call = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!call) return undefined;
  const links = await db.selectFrom('call_dialogues').select('dialogue_id').where('call_id', '=', id).execute();
  const t = parseJson(call.translations, callTranslationsJson, 'call translations');
  return { ...call, dialogueIds: links.map((l) => l.dialogue_id), titles: { fr: t.fr?.title, es: t.es?.title } };
}
