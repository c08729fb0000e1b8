/**
 * The questions inbox: questions grouped by the one they are answered through, with how many
 * people asked and, once answered, how far the answer got to them (from the outbox).
 */
import type { Kysely } from 'kysely';
import type { Database, QuestionRow } from '../../db/schema';
import { answerNoticeKey } from '../../domain/questions';

export interface InboxGroup {
  root: QuestionRow;
  members: QuestionRow[];
  count: number;
  /** The distinct wordings, the first asker's first. */
  wordings: string[];
  platforms: string[];
  delivery: { total: number; delivered: number; pending: number; failed: number };
}

const LIMIT = 200;

export const QUESTION_STATUSES = ['open', 'answered', 'dismissed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/**
 * Groups in one state, newest first (at most 200); with `id`, only the group of that question.
 * A question merged into another shows in its group while both are in the same state.
 */
export async function questionGroups(db: Kysely<Database>, status: QuestionStatus, id?: string): Promise<InboxGroup[]> {
  let rootIds: string[] | null = null;
  if (id) {
    const row = await db.selectFrom('unanswered_questions').select(['id', 'merged_into']).where('id', '=', id).executeTakeFirst();
    if (!row) return [];
    rootIds = [row.merged_into ?? row.id];
  }
  let q = db.selectFrom('unanswered_questions').selectAll().where('status', '=', status);
  const roots = rootIds;
  if (roots) q = q.where((e) => e.or([e('id', 'in', roots), e('merged_into', 'in', roots)]));
  const rows = await q
    .orderBy('asked_at', 'desc')
    .limit(LIMIT * 5)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const groups = new Map<string, QuestionRow[]>();
  for (const r of [...rows].reverse()) {
    const rootId = r.merged_into && byId.has(r.merged_into) ? r.merged_into : r.id;
    groups.set(rootId, [...(groups.get(rootId) ?? []), r]);
  }
  const list = [...groups.entries()]
    .flatMap(([rootId, members]) => {
      const root = byId.get(rootId);
      return root ? [{ root, members }] : [];
    })
    .filter((g) => !rootIds || rootIds.includes(g.root.id))
    .sort((a, b) => (a.root.asked_at < b.root.asked_at ? 1 : a.root.asked_at > b.root.asked_at ? -1 : 0))
    .slice(0, LIMIT);
  const keys = status === 'answered' ? list.flatMap((g) => g.members.map((m) => answerNoticeKey(m.id))) : [];
  const outbox = new Map<string, string>();
  // In slices: SQLite and D1 cap the number of bound parameters in one statement.
  for (let i = 0; i < keys.length; i += 90) {
    const rowsOut = await db
      .selectFrom('outbox')
      .select(['dedupe_key', 'status'])
      .where('dedupe_key', 'in', keys.slice(i, i + 90))
      .execute();
    for (const o of rowsOut) outbox.set(o.dedupe_key, o.status);
  }
  return list.map(({ root, members }) => {
    const states = members.map((m) => outbox.get(answerNoticeKey(m.id))).filter((s): s is string => !!s);
    return {
      root,
      members,
      count: members.length,
      wordings: [...new Set(members.map((m) => m.text.trim()))],
      platforms: [...new Set(members.map((m) => m.platform))],
      delivery: {
        total: states.length,
        delivered: states.filter((s) => s === 'delivered').length,
        pending: states.filter((s) => s === 'pending' || s === 'sending').length,
        failed: states.filter((s) => s === 'failed').length,
      },
    };
  });
}

/** The group's first question for any question id (merged or not), whatever its state. */
export async function questionRoot(db: Kysely<Database>, id: string): Promise<QuestionRow | undefined> {
  const row = await db.selectFrom('unanswered_questions').select(['merged_into']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return db
    .selectFrom('unanswered_questions')
    .selectAll()
    .where('id', '=', row.merged_into ?? id)
    .executeTakeFirst();
}
