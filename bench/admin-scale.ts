/**
 * Admin at scale: the list (first page and deeper pages), each filter, the detail page, and the
 * CSV export of everything, timed either through the mounted admin routes over HTTP (signed in)
 * or, when the admin panel is not mounted in the Node server, through the admin query functions
 * that those routes call (in a child process, so its RSS is measured on its own).
 */
import { countMatching, decodeCursor, dialoguesOf, encodeCursor, fetchPage, type AppFilters } from '../admin/queries/applications';
import { applicationDetail } from '../admin/queries/detail';
import { listDialogues } from '../admin/queries/catalog';
import { csvStream } from '../admin/export/csv';
import { exportBatches, HEADER } from '../admin/export/rows';
import { openSqlite } from '../db/connect-node';
import { pct } from './open-loop';

export const FILTERS: [string, AppFilters][] = [
  ['no filter', {}],
  ['dialogue', { dialogue: 'firearms' }],
  ['review status', { review: 'approved' }],
  ['stakeholder', { stakeholder: 'academia' }],
  ['region', { region: 'African States' }],
  ['gender', { gender: 'non_binary' }],
  ['ecosoc+travel', { ecosoc: 'yes', travel: 'yes' }],
  ['search contains', { q: 'Justice' }],
  ['reference', { q: 'CD-2023-5000' }],
];

export interface AdminScaleResult {
  via: 'http' | 'queries';
  listP50: number;
  listP99: number;
  filterP50: number;
  filterP99: number;
  perFilter: Record<string, { p50: number; p99: number }>;
  detailP50: number;
  detailP99: number;
  exportMs: number;
  exportRows: number;
  exportBytes: number;
  exportPeakRssMB: number;
  /** The process's RSS just before the export started: what the export adds is the difference. */
  exportBeforeRssMB: number;
}

const ms = (t: number) => performance.now() - t;

/** Runs every timed case with `get(kind, filters, cursor)`; shared by both ways in. */
async function timeCases(
  list: (f: AppFilters, after: string | null) => Promise<string | null>,
  detail: (id: string) => Promise<void>,
  ids: string[],
  rounds: number,
) {
  const listT: number[] = [];
  const filterT: number[] = [];
  const perFilter: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    // Unfiltered: page 1, then 4 pages deeper by cursor, as someone paging through.
    let after: string | null = null;
    for (let p = 0; p < 5; p++) {
      const t = performance.now();
      after = await list({}, after);
      listT.push(ms(t));
      if (!after) break;
    }
    for (const [name, f] of FILTERS.slice(1)) {
      const t = performance.now();
      await list(f, null);
      const d = ms(t);
      filterT.push(d);
      perFilter[name] = [...(perFilter[name] ?? []), d];
    }
  }
  const detailT: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    await detail(id);
    detailT.push(ms(t));
  }
  const s = (a: number[]) => a.sort((x, y) => x - y);
  s(listT);
  s(filterT);
  s(detailT);
  return {
    listP50: pct(listT, 50),
    listP99: pct(listT, 99),
    filterP50: pct(filterT, 50),
    filterP99: pct(filterT, 99),
    perFilter: Object.fromEntries(Object.entries(perFilter).map(([k, v]) => [k, { p50: pct(s(v), 50), p99: pct(s(v), 99) }])),
    detailP50: pct(detailT, 50),
    detailP99: pct(detailT, 99),
  };
}

/** In this process, through the functions the admin routes call. */
export async function adminByQueries(dbUrl: string, rounds = 20): Promise<AdminScaleResult> {
  const { db, close } = openSqlite(dbUrl);
  const all = await db.selectFrom('applications').select('id').execute();
  const ids = Array.from({ length: 200 }, (_, i) => all[Math.floor((i * 7919) % all.length)]!.id);
  // What GET /admin/applications does: dialogues, a page, the count, review status per row.
  const list = async (f: AppFilters, after: string | null) => {
    const [, page] = await Promise.all([listDialogues(db), fetchPage(db, f, decodeCursor(after ?? undefined), 50), countMatching(db, f)]);
    await dialoguesOf(
      db,
      page.rows.map((r) => r.id),
    );
    return page.next ? encodeCursor(page.next) : null;
  };
  const timed = await timeCases(list, async (id) => void (await applicationDetail(db, id)), ids, rounds);
  const before = process.memoryUsage.rss();
  const peak = rssSampler();
  const t = performance.now();
  let bytes = 0;
  let lines = 0;
  const reader = csvStream(HEADER, exportBatches(db, {}), (e) => {
    throw e;
  }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 13) lines++; // rows end in CRLF; cells hold bare LFs
  }
  const exportMs = ms(t);
  const exportPeakRssMB = peak() / 1e6;
  await close();
  return {
    via: 'queries',
    ...timed,
    exportMs,
    exportRows: lines - 1,
    exportBytes: bytes,
    exportPeakRssMB,
    exportBeforeRssMB: before / 1e6,
  };
}

function rssSampler(): () => number {
  let peak = process.memoryUsage.rss();
  const t = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return () => {
    clearInterval(t);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/** Signs in to the admin panel and returns the session cookie, or null if it is not mounted. */
export async function adminSignIn(base: string, email: string, password: string): Promise<string | null> {
  const page = await fetch(`${base}/admin/login`);
  if (page.status !== 200) return null;
  const pre = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const html = await page.text();
  const csrf = /name="_csrf"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*name="_csrf"/.exec(html)?.[1] ?? '';
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre, origin: base },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/admin' }).toString(),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c!.startsWith('dd_admin='));
  return session ?? null;
}

/** Through the mounted routes, signed in; `rss()` reads the server process. */
export async function adminByHttp(
  base: string,
  cookie: string,
  dbUrl: string,
  rss: { sample(): () => number; now(): number },
  rounds = 20,
): Promise<AdminScaleResult> {
  const { db, close } = openSqlite(dbUrl);
  const all = await db.selectFrom('applications').select('id').execute();
  await close();
  const ids = Array.from({ length: 200 }, (_, i) => all[Math.floor((i * 7919) % all.length)]!.id);
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
    return text;
  };
  const list = async (f: AppFilters, after: string | null) => {
    const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]);
    if (after) q.set('after', after);
    const html = await get(`/admin/applications?${q}`);
    return /[?&]after=([A-Za-z0-9_-]+)/.exec(html)?.[1] ?? null;
  };
  const timed = await timeCases(list, async (id) => void (await get(`/admin/applications/${encodeURIComponent(id)}`)), ids, rounds);
  const before = rss.now();
  const peak = rss.sample();
  const t = performance.now();
  const res = await fetch(`${base}/admin/applications/export.csv`, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 13) lines++;
  }
  const exportMs = ms(t);
  return {
    via: 'http',
    ...timed,
    exportMs,
    exportRows: lines - 1,
    exportBytes: bytes,
    exportPeakRssMB: peak() / 1e6,
    exportBeforeRssMB: before / 1e6,
  };
}

// As a child process: `tsx bench/admin-scale.ts file:DB` prints one JSON line.
if (process.argv[1]?.endsWith('admin-scale.ts') && process.argv[2]) {
  process.stdout.write(`${JSON.stringify(await adminByQueries(process.argv[2]))}\n`);
}
