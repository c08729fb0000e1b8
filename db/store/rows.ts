/**
 * Rows to domain shapes, and the reads that several repositories share.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Application, ApplicationDialogue, Decision } from '../../domain/types';
import { answersJson, parseJson } from '../json';
import type { ApplicationRow, Database, DecisionsTable } from '../schema';

export function toApplication(row: ApplicationRow, dialogues: ApplicationDialogue[]): Application {
  return {
    id: row.id,
    callId: row.call_id,
    personId: row.person_id,
    platform: row.platform,
    reference: row.reference,
    status: row.status,
    answers: parseJson(row.answers, answersJson, 'application answers'),
    currentStep: row.current_step,
    dialogues,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

export function toDecision(row: Selectable<DecisionsTable>): Decision {
  return {
    id: row.id,
    applicationId: row.application_id,
    dialogueId: row.dialogue_id,
    round: row.round,
    outcome: row.outcome,
    reason: row.reason,
    deciderName: row.decider_name,
    deciderRef: row.decider_ref,
    decidedAt: row.decided_at,
  };
}

/** Dialogue rows are ordered by dialogue id, here and wherever an Application is predicted. */
export const byDialogueId = (a: ApplicationDialogue, b: ApplicationDialogue): number =>
  a.dialogueId < b.dialogueId ? -1 : a.dialogueId > b.dialogueId ? 1 : 0;

/** Attaches review rows to application rows with one extra query, whatever the count. */
export async function withDialogues(db: Kysely<Database>, rows: ApplicationRow[]): Promise<Application[]> {
  if (rows.length === 0) return [];
  const byApp = new Map<string, ApplicationDialogue[]>();
  // Chunked: D1 allows at most 100 bound parameters per statement.
  for (let i = 0; i < rows.length; i += 90) {
    const ids = rows.slice(i, i + 90).map((r) => r.id);
    const ads = await db
      .selectFrom('application_dialogues')
      .select(['application_id', 'dialogue_id', 'status', 'round'])
      .where('application_id', 'in', ids)
      .orderBy('dialogue_id')
      .execute();
    for (const ad of ads) {
      const list = byApp.get(ad.application_id) ?? [];
      list.push({ dialogueId: ad.dialogue_id, status: ad.status, round: ad.round });
      byApp.set(ad.application_id, list);
    }
  }
  return rows.map((r) => toApplication(r, byApp.get(r.id) ?? []));
}

export async function applicationRow(db: Kysely<Database>, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getApplication(db: Kysely<Database>, id: string): Promise<Application | null> {
  const row = await applicationRow(db, id);
  return row ? ((await withDialogues(db, [row]))[0] ?? null) : null;
}

export async function eventWritten(db: Kysely<Database>, eventId: string): Promise<boolean> {
  const row = await db.selectFrom('application_events').select('id').where('id', '=', eventId).executeTakeFirst();
  return row !== undefined;
}
