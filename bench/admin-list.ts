/**
 * Times the admin application list (first page, a deep page, count) and the CSV export for a
 * set of filters, and prints SQLite's query plan for each, to catch full scans.
 *   npx tsx scripts/generate-applications.ts 100000   (into DATABASE_URL)
 *   DATABASE_URL=file:... npx tsx bench/admin-list.ts
 */
import { sql } from 'kysely';
import { openSqlite } from '../db/connect-node';
import { exportBatches } from '../admin/export/rows';
import { countMatching, fetchPage, filtered, type AppFilters } from '../admin/queries/applications';

const CASES: [string, AppFilters][] = [
  ['no filter', {}],
  ['status submitted', { status: 'submitted' }],
  ['dialogue firearms', { dialogue: 'firearms' }],
  ['review approved', { review: 'approved' }],
  ['stakeholder academia', { stakeholder: 'academia' }],
  ['region African', { region: 'African States' }],
  ['gender non_binary', { gender: 'non_binary' }],
  ['ecosoc yes + travel yes', { ecosoc: 'yes', travel: 'yes' }],
  ['search contains "Justice"', { q: 'Justice' }],
  ['search prefix "Peace"', { q: 'Peace', match: 'prefix' }],
  ['reference', { q: 'CD-2023-5000' }],
];

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const handle = openSqlite(process.env.DATABASE_URL ?? 'file:data/dialogue-desk.sqlite');
const db = handle.db;
for (const [name, f] of CASES) {
  const [first, t1] = await time(() => fetchPage(db, f, null, 50));
  let cursor = first.next;
  let deep = 0;
  const tDeep = performance.now();
  for (let i = 0; i < 20 && cursor; i++) {
    const p = await fetchPage(db, f, cursor, 50);
    cursor = p.next;
    deep++;
  }
  const t20 = (performance.now() - tDeep) / Math.max(1, deep);
  const [n, tc] = await time(() => countMatching(db, f));
  const q = filtered(db, f)
    .where('a.submitted_at', 'is not', null)
    .select(['a.id'])
    .orderBy('a.submitted_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(51)
    .compile();
  const plan = await sql
    .raw<{ detail: string }>(`explain query plan ${q.sql}`)
    .execute(db)
    .catch(() => ({ rows: [] }));
  void plan;
  const planRows = (await db.executeQuery({ ...q, sql: `explain query plan ${q.sql}`, query: q.query })).rows as { detail: string }[];
  console.log(`${name.padEnd(28)} first ${t1.toFixed(1)} ms, later pages ${t20.toFixed(1)} ms/page, count ${n} in ${tc.toFixed(1)} ms`);
  console.log(`   plan: ${planRows.map((r) => r.detail).join(' | ')}`);
}
const [rows, te] = await time(async () => {
  let n = 0;
  for await (const b of exportBatches(db, {})) n += b.length;
  return n;
});
console.log(`export rows (all) ${rows} in ${(te / 1000).toFixed(1)} s`);
await handle.close();
