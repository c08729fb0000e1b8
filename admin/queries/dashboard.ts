/**
 * The dashboard's numbers: small grouped counts that the status indexes answer directly.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function applicationCounts(db: Kysely<Database>) {
  const [byStatus, byReview] = await Promise.all([
    db
      .selectFrom('applications')
      .select(['status', db.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('application_dialogues as ad')
      .innerJoin('applications as a', 'a.id', 'ad.application_id')
      .where('a.status', '=', 'submitted')
      .select(['ad.status', db.fn.countAll<number>().as('n')])
      .groupBy('ad.status')
      .execute(),
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    byReview: Object.fromEntries(byReview.map((r) => [r.status, Number(r.n)])),
  };
}

export function recentAudit(db: Kysely<Database>, limit: number) {
  return db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function openQuestions(db: Kysely<Database>, limit: number) {
  const [count, latest] = await Promise.all([
    db.selectFrom('unanswered_questions').select(db.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst(),
    db.selectFrom('unanswered_questions').selectAll().where('status', '=', 'open').orderBy('asked_at', 'desc').limit(limit).execute(),
  ]);
  return { count: Number(count?.n ?? 0), latest };
}

/** Names for actor refs like "admin:<id>"; other actors (system, chat users) keep their ref. */
export async function actorNames(db: Kysely<Database>, refs: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(refs.filter((r) => r.startsWith('admin:')).map((r) => r.slice(6)))];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const rows = await db.selectFrom('admin_users').select(['id', 'display_name', 'email']).where('id', 'in', ids).execute();
  for (const r of rows) names.set(`admin:${r.id}`, `${r.display_name} <${r.email}>`);
  return names;
}
