/**
 * The application list: filters that the indexes of the initial migration can answer, and keyset
 * pagination on (submitted_at, id) so page 2,000 costs the same as page 1 at 100,000 rows.
 */
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import * as z from 'zod';
import type { Database } from '../../db/schema';
import { base64url, fromBase64url } from '../../lib/crypto';
import { inboundJsonOrUndefined } from '../../lib/json';
import { GENDERS, STAKEHOLDER_TYPES } from '../../domain/eligibility';

const opt = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
const yesNo = z.enum(['yes', 'no']).optional().catch(undefined);
/** One of the domain's values, or nothing (an unknown value filters nothing rather than everything out). */
const oneOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((v) => values.find((x) => x === v?.trim()));

export const filtersSchema = z.object({
  dialogue: opt,
  status: z.enum(['draft', 'submitted', 'withdrawn']).optional().catch(undefined),
  review: z.enum(['pending', 'approved', 'rejected', 'info_requested', 'withdrawn']).optional().catch(undefined),
  stakeholder: oneOf(STAKEHOLDER_TYPES),
  region: opt,
  gender: oneOf(GENDERS),
  ecosoc: yesNo,
  travel: yesNo,
  q: opt,
  match: z.enum(['contains', 'prefix']).optional().catch(undefined),
});
export type AppFilters = Partial<z.output<typeof filtersSchema>>;

/** Filters from a query string; anything unrecognised is dropped rather than refused. */
export function parseFilters(query: Record<string, string | undefined>): AppFilters {
  const r = filtersSchema.safeParse(query);
  return r.success ? r.data : {};
}

export function filtersToQuery(f: AppFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const REFERENCE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-\d{1,6}$/;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
// SQLite's LIKE has no escape character unless told; ASCII letters match case-insensitively.
const like = (column: 'a.organisation_name' | 'a.reference', pattern: string) =>
  sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;

const start = (db: Kysely<Database>) => db.selectFrom('applications as a');
export type AppQuery = ReturnType<typeof start>;
type AppDB = AppQuery extends SelectQueryBuilder<infer DB, infer _TB, infer _O> ? DB : never;

export function filtered(db: Kysely<Database>, f: AppFilters): AppQuery {
  let q: AppQuery = start(db);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.stakeholder) q = q.where('a.stakeholder_type', '=', f.stakeholder);
  if (f.region) q = q.where('a.regional_group', '=', f.region);
  if (f.ecosoc === 'yes') q = q.where('a.stakeholder_type', '=', 'ngo_ecosoc');
  if (f.ecosoc === 'no') q = q.where('a.stakeholder_type', '!=', 'ngo_ecosoc');
  if (f.travel) q = q.where('a.travel_support', '=', f.travel === 'yes' ? 1 : 0);
  if (f.dialogue || f.review) {
    q = q.where(({ exists, selectFrom }: ExpressionBuilder<AppDB, 'a'>) => {
      let sub = selectFrom('application_dialogues as ad').select('ad.application_id').whereRef('ad.application_id', '=', 'a.id');
      if (f.dialogue) sub = sub.where('ad.dialogue_id', '=', f.dialogue);
      if (f.review) sub = sub.where('ad.status', '=', f.review);
      return exists(sub);
    });
  }
  const gender = f.gender;
  if (gender) {
    q = q.where(({ exists, selectFrom }: ExpressionBuilder<AppDB, 'a'>) =>
      exists(
        selectFrom('representatives as r')
          .select('r.application_id')
          .whereRef('r.application_id', '=', 'a.id')
          .where('r.gender', '=', gender),
      ),
    );
  }
  if (f.q) {
    const text = f.q.trim();
    if (REFERENCE.test(text)) {
      // A reference is unique: one lookup in its index (an OR with the name would scan instead).
      q = q.where('a.reference', '=', text.toUpperCase());
    } else {
      const pattern = f.match === 'prefix' ? `${likeEscape(text)}%` : `%${likeEscape(text)}%`;
      q = q.where((eb) => eb.or([like('a.organisation_name', pattern), like('a.reference', `${likeEscape(text)}%`)]));
    }
  }
  return q;
}

export interface Cursor {
  s: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return base64url(new TextEncoder().encode(JSON.stringify([c.s, c.id])));
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text || text.length > 400) return null;
  try {
    const cursor = inboundJsonOrUndefined(new TextDecoder().decode(fromBase64url(text)));
    const [s, id] = Array.isArray(cursor) ? cursor : [];
    if ((s === null || typeof s === 'string') && typeof id === 'string') return { s, id };
  } catch {
    /* a mangled cursor starts from the first page */
  }
  return null;
}

const LIST_COLUMNS = [
  'a.id',
  'a.reference',
  'a.status',
  'a.organisation_name',
  'a.stakeholder_type',
  'a.country',
  'a.regional_group',
  'a.travel_support',
  'a.participation',
  'a.submitted_at',
  'a.created_at',
  'a.platform',
] as const;

/**
 * One page, newest submission first; drafts (no submitted_at) come after every submitted one,
 * newest id first. Two index range scans instead of one OR, so SQLite keeps using the index.
 */
export async function fetchPage<T extends { id: string; submitted_at: string | null } = ListRow>(
  db: Kysely<Database>,
  f: AppFilters,
  after: Cursor | null,
  limit: number,
  select: (q: AppQuery) => SelectQueryBuilder<AppDB, 'a', T> = (q) => q.select(LIST_COLUMNS) as never,
): Promise<{ rows: T[]; next: Cursor | null }> {
  let rows: T[] = [];
  if (!after || after.s !== null) {
    let q = filtered(db, f).where('a.submitted_at', 'is not', null);
    const s = after?.s;
    if (after && typeof s === 'string') q = q.where((eb) => eb(eb.refTuple('a.submitted_at', 'a.id'), '<', eb.tuple(s, after.id)));
    rows = await select(q)
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit + 1)
      .execute();
  }
  if (rows.length <= limit) {
    let q = filtered(db, f).where('a.submitted_at', 'is', null);
    if (after && after.s === null) q = q.where('a.id', '<', after.id);
    rows = rows.concat(
      await select(q)
        .orderBy('a.id', 'desc')
        .limit(limit + 1 - rows.length)
        .execute(),
    );
  }
  const more = rows.length > limit;
  rows = rows.slice(0, limit);
  const last = rows[rows.length - 1];
  return { rows, next: more && last ? { s: last.submitted_at, id: last.id } : null };
}

export type ListRow = {
  id: string;
  reference: string | null;
  status: string;
  organisation_name: string | null;
  stakeholder_type: string | null;
  country: string | null;
  regional_group: string | null;
  travel_support: number | null;
  participation: string | null;
  submitted_at: string | null;
  created_at: string;
  platform: string;
};

export async function countMatching(db: Kysely<Database>, f: AppFilters): Promise<number> {
  const r = await filtered(db, f).select(db.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Review status per dialogue for a page of applications, in one query. */
export async function dialoguesOf(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return new Map<string, { dialogue_id: string; status: string; round: number }[]>();
  const rows = await db
    .selectFrom('application_dialogues')
    .select(['application_id', 'dialogue_id', 'status', 'round'])
    .where('application_id', 'in', ids)
    .execute();
  const map = new Map<string, { dialogue_id: string; status: string; round: number }[]>();
  for (const r of rows) map.set(r.application_id, [...(map.get(r.application_id) ?? []), r]);
  return map;
}
