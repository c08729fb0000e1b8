/**
 * `npm run bench`: the week before the deadline, on loopback. Prints a table and rewrites the
 * results block of BENCHMARKS.md. Options: --duration S (autocannon, default 20; 0 to skip), --open-loop S
 * (default 10; 0 to skip), --rates 100,200,1000,2000, --rush N (1000), --concurrency N (32),
 * --admin N (100000; 0 to skip), --no-bolt, --cpu-prof (profile our server; summary printed),
 * --no-inline (skip our server with SLACK_ANSWER_THREAD=false, answers on the main thread, which
 * otherwise gets the same load as ours and Bolt).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { spawnServer, ROOT, type ServerProcess } from '../test/faults/server-process';
import { openSqlite } from '../db/connect-node';
import { generateApplications } from '../scripts/generate-applications';
import { spawnFakeSlack, type FakeProcess } from './fake-process';
import { ackAutocannon, ackOpenLoop, type AckResult } from './ack';
import { rush } from './rush';
import { adminByHttp, adminSignIn, type AdminScaleResult } from './admin-scale';
import { summarise } from './profile-summary';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    'open-loop': { type: 'string', default: '10' },
    rates: { type: 'string', default: '100,200,1000,2000' },
    rush: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    admin: { type: 'string', default: '100000' },
    'no-bolt': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'no-inline': { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const OPEN_LOOP = Number(args['open-loop']);
const RATES = args.rates!.split(',').map(Number);
const RUSH = Number(args.rush);
const ADMIN = Number(args.admin);
const SECRET = 'bench-signing-secret-0123456789abcdef';
const REVIEW = 'C0REVIEWS';
const ADMIN_EMAIL = 'bench-admin@example.org';
const ADMIN_PASSWORD = 'bench-admin-password-1234';
const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-bench-'));
const dbUrl = `file:${join(dir, 'bench.sqlite')}`;
const mb = (b: number) => Math.round(b / 1e6);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const say = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function serverEnv(fake: FakeProcess, url = dbUrl): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PLAYGROUND: 'false',
    DATABASE_URL: url,
    DIALOGUES_CLOCK: '2023-02-05T09:00:00Z',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: fake.url,
    SLACK_REVIEW_CHANNEL: REVIEW,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123',
    LOG_LEVEL: 'warn',
  };
}
const startOurs = (fake: FakeProcess) =>
  spawnServer({
    env: serverEnv(fake),
    logFile: join(dir, 'server.log'),
    nodeArgs: args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`] : [],
  });

/** Our server answering on its main thread, on a database of its own. */
const startInline = (fake: FakeProcess) =>
  spawnServer({
    env: { ...serverEnv(fake, `file:${join(dir, 'inline.sqlite')}`), SLACK_ANSWER_THREAD: 'false' },
    logFile: join(dir, 'inline.log'),
  });

/** Waits until the fake has delivered `expected` DM answers; returns ms waited (or -1 on timeout). */
async function drained(fake: FakeProcess, expected: number, timeoutMs = 60_000): Promise<{ ms: number; delivered: number }> {
  const t = Date.now();
  let delivered = 0;
  for (;;) {
    delivered = (await fake.stats()).postsByChannel.other ?? 0;
    if (delivered >= expected) return { ms: Date.now() - t, delivered };
    if (Date.now() - t > timeoutMs) return { ms: -1, delivered };
    await sleep(100);
  }
}

/** CPU time (ms) of a process, or of one of its threads, from Linux /proc (utime + stime, 10 ms ticks). */
function cpuMs(pid: number, tid?: number): number {
  try {
    const stat = readFileSync(tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU per event while `work` runs (the load and, for our servers, until every answer is out): of
 * the main thread, which acknowledges, and of the whole process. Unlike latency, CPU time does
 * not depend on what else the machine is doing, so this comparison holds on a busy machine.
 */
async function withCpu<T extends { ok: number }>(server: ServerProcess, work: () => Promise<T>): Promise<T & { cpu: Cpu }> {
  const main0 = cpuMs(server.pid, server.pid);
  const all0 = cpuMs(server.pid);
  const r = await work();
  const n = Math.max(1, r.ok);
  return { ...r, cpu: { mainUs: ((cpuMs(server.pid, server.pid) - main0) * 1000) / n, allUs: ((cpuMs(server.pid) - all0) * 1000) / n } };
}

interface Cpu {
  /** Microseconds of CPU per event on the main thread (the event loop that acknowledges). */
  mainUs: number;
  /** Microseconds of CPU per event in the whole process (threads, GC, SQLite). */
  allUs: number;
}

interface AckRow {
  rate: number;
  tool: string;
  ours: AckResult & { cpu: Cpu };
  bolt?: AckResult & { cpu: Cpu };
  answered: number;
  drainMs: number;
  /** Our server with answers on the main thread (SLACK_ANSWER_THREAD=false), and the answers it delivered. */
  inline?: AckResult & { answered: number; cpu: Cpu };
}

async function ackBench(
  fake: FakeProcess,
  ours: ServerProcess,
  bolt: ServerProcess | null,
  inline: ServerProcess | null,
): Promise<AckRow[]> {
  const rows: AckRow[] = [];
  // Warm-up (JIT, caches, SQLite pages), not recorded.
  await fake.reset();
  await ackOpenLoop(ours.url, SECRET, 100, 3, 'warm');
  if (inline) await ackOpenLoop(inline.url, SECRET, 100, 3, 'warmi');
  if (bolt) await ackOpenLoop(bolt.url, SECRET, 100, 3, 'warmb');
  await drained(fake, inline ? 600 : 300, 20_000);
  const tools: ['autocannon' | 'open-loop', number][] = [
    ...(DURATION > 0 ? [['autocannon', DURATION] as ['autocannon', number]] : []),
    ...(OPEN_LOOP > 0 ? [['open-loop', OPEN_LOOP] as ['open-loop', number]] : []),
  ];
  for (const rate of RATES) {
    for (const [tool, d] of tools) {
      const run = tool === 'autocannon' ? ackAutocannon : ackOpenLoop;
      await fake.reset();
      let drain = { ms: 0, delivered: 0 };
      const o = await withCpu(ours, async () => {
        const r = await run(ours.url, SECRET, rate, d, `r${rate}${tool[0]}`);
        drain = await drained(fake, r.ok);
        return r;
      });
      let i: AckRow['inline'];
      if (inline) {
        await fake.reset();
        i = await withCpu(inline, async () => {
          const r = await run(inline.url, SECRET, rate, d, `i${rate}${tool[0]}`);
          return { ...r, answered: (await drained(fake, r.ok)).delivered };
        });
      }
      const b = bolt ? await withCpu(bolt, () => run(bolt.url, SECRET, rate, d, `b${rate}${tool[0]}`)) : undefined;
      rows.push({
        rate,
        tool,
        ours: o,
        ...(b ? { bolt: b } : {}),
        ...(i ? { inline: i } : {}),
        answered: drain.delivered,
        drainMs: drain.ms,
      });
      const cpu = (c: Cpu) => `CPU/event ${c.mainUs.toFixed(0)} µs main thread, ${c.allUs.toFixed(0)} µs process`;
      say(
        `  ${tool.padEnd(10)} ${String(rate).padStart(5)}/s  ours p50 ${f1(o.p50)} p99 ${f1(o.p99)} max ${f1(o.max)} ms (${o.ok}/${o.sent} 2xx, ${drain.delivered} answered, drained in ${drain.ms} ms; ${cpu(o.cpu)})` +
          (i
            ? `\n${' '.repeat(20)}inline p50 ${f1(i.p50)} p99 ${f1(i.p99)} max ${f1(i.max)} ms (${i.answered} answered; ${cpu(i.cpu)})`
            : '') +
          (b
            ? `\n${' '.repeat(20)}bolt p50 ${f1(b.p50)} p99 ${f1(b.p99)} max ${f1(b.max)} ms (${cpu(b.cpu)}); p99 ours/bolt ${f1(o.p99 / b.p99)}`
            : ''),
      );
    }
  }
  return rows;
}

interface RushRow {
  n: number;
  concurrency: number;
  ms: number;
  confirmed: number;
  failed: number;
  firstErrors: string[];
  cardsMs: number;
  stored: number;
  references: number;
  cards: number;
  cardRefs: number;
  duplicateCards: number;
  confirmations: number;
  stepP50: number;
  stepP99: number;
}

async function rushBench(fake: FakeProcess, ours: ServerProcess): Promise<RushRow> {
  await fake.reset();
  const r = await rush({
    serverUrl: ours.url,
    secret: SECRET,
    viewFor: (t) => fake.view(t),
    count: RUSH,
    concurrency: Number(args.concurrency),
    firstUser: 500_000,
  });
  const t = Date.now();
  let stats = await fake.stats();
  while ((stats.postsByChannel[REVIEW] ?? 0) < r.confirmed.length && Date.now() - t < 120_000) {
    await sleep(200);
    stats = await fake.stats();
  }
  const cardsMs = Date.now() - t;
  await sleep(1500); // anything sent twice would show up now
  stats = await fake.stats();
  const { db, close } = openSqlite(dbUrl);
  const users = r.confirmed;
  const stored = await db
    .selectFrom('applications as a')
    .innerJoin('identities as i', 'i.person_id', 'a.person_id')
    .select(['a.reference', 'i.user_id'])
    .where('a.status', '=', 'submitted')
    .where('i.platform', '=', 'slack')
    .where('i.user_id', 'in', users.length ? users : ['-'])
    .execute();
  await close();
  const refs = new Set(stored.map((s) => s.reference));
  const cardRefs = stats.watchedTexts.map((w) => /CD-2023-\d{4,}/.exec(w.text)?.[0]).filter(Boolean) as string[];
  const perRef = new Map<string, number>();
  for (const c of cardRefs) perRef.set(c, (perRef.get(c) ?? 0) + 1);
  const sorted = r.stepLatencies.sort((a, b) => a - b);
  return {
    n: RUSH,
    concurrency: Number(args.concurrency),
    ms: r.ms,
    confirmed: r.confirmed.length,
    failed: r.failed.length,
    firstErrors: r.failed.slice(0, 3).map((f) => f.error),
    cardsMs,
    stored: stored.length,
    references: refs.size,
    cards: stats.postsByChannel[REVIEW] ?? 0,
    cardRefs: [...perRef.keys()].filter((k) => refs.has(k)).length,
    duplicateCards: [...perRef.values()].filter((v) => v > 1).length,
    confirmations: stats.postsByChannel.other ?? 0,
    stepP50: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    stepP99: sorted[Math.floor(sorted.length * 0.99)] ?? NaN,
  };
}

async function adminChild(): Promise<AdminScaleResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/admin-scale.ts', dbUrl], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as AdminScaleResult) : reject(new Error(`admin child exited ${code}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
say(`Dialogue Desk benchmarks — ${new Date().toISOString()} — data in ${dir}`);
const fake = await spawnFakeSlack([REVIEW]);
let ours = await startOurs(fake);
await sleep(3000);
const idleRss = ours.rss();
say(`our server pid ${ours.pid}: idle RSS ${mb(idleRss)} MB`);
const bolt = args['no-bolt']
  ? null
  : await spawnServer({
      script: 'bench/bolt-server.ts',
      env: { SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url },
      logFile: join(dir, 'bolt.log'),
    });
let boltIdleRss = 0;
if (bolt) {
  await sleep(1000);
  boltIdleRss = bolt.rss();
  say(`bare Bolt pid ${bolt.pid}: idle RSS ${mb(boltIdleRss)} MB`);
}

const inline = args['no-inline'] ? null : await startInline(fake);
let inlineIdleRss = 0;
if (inline) {
  await sleep(3000);
  inlineIdleRss = inline.rss();
  say(`our server answering on its main thread, pid ${inline.pid}: idle RSS ${mb(inlineIdleRss)} MB`);
}

say('Ack latency (signed message.im, new event_id each, answered by chat.postMessage at the fake):');
const ack = await ackBench(fake, ours, bolt, inline);
await inline?.stop();
const afterAckRss = ours.rss();
await bolt?.stop();

say(`Deadline rush: ${RUSH} applications through the Slack modal flow, ${args.concurrency} at a time:`);
const rushPeak = ours.sampleRss();
const rr = RUSH > 0 ? await rushBench(fake, ours) : null;
const rushPeakRss = rushPeak();
const afterRushRss = ours.rss();
if (rr)
  say(
    `  ${rr.confirmed}/${rr.n} confirmed in ${(rr.ms / 1000).toFixed(1)} s (step p50 ${f1(rr.stepP50)} p99 ${f1(rr.stepP99)} ms); stored ${rr.stored}, ${rr.references} references; ${rr.cards} review cards (${rr.duplicateCards} duplicated) ${rr.cardsMs} ms after; ${rr.confirmations} confirmations. Errors: ${rr.firstErrors.join(' | ') || 'none'}`,
  );
say(`  RSS after the rush ${mb(afterRushRss)} MB (peak during ${mb(rushPeakRss)} MB)`);

await ours.stop();
let profile = '';
if (args['cpu-prof']) {
  const pdir = join(dir, 'prof');
  const files = existsSync(pdir) ? readdirSync(pdir).map((f) => join(pdir, f)) : [];
  const main = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (main) {
    profile = summarise(main, 30);
    say(profile);
  }
}

let admin: AdminScaleResult | null = null;
let adminIdleRss = 0;
if (ADMIN > 0) {
  say(`Admin at scale: generating ${ADMIN.toLocaleString('en')} applications...`);
  const { db, close } = openSqlite(dbUrl);
  const tg = performance.now();
  await generateApplications(db, ADMIN, { seed: 7 });
  await close();
  say(`  generated in ${((performance.now() - tg) / 1000).toFixed(1)} s`);
  ours = await spawnServer({ env: serverEnv(fake), logFile: join(dir, 'server.log') });
  await sleep(2000);
  adminIdleRss = ours.rss();
  const cookie = await adminSignIn(ours.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  if (cookie) {
    admin = await adminByHttp(ours.url, cookie, dbUrl, { sample: () => ours.sampleRss(20), now: () => ours.rss() });
  } else {
    say(
      '  the admin panel is not mounted in the Node server (GET /admin/login is not 200): timing the admin query functions in a child process instead',
    );
    admin = await adminChild();
  }
  await ours.stop();
  say(
    `  via ${admin.via}: list p50 ${f1(admin.listP50)} p99 ${f1(admin.listP99)} ms; filters p50 ${f1(admin.filterP50)} p99 ${f1(admin.filterP99)} ms; detail p50 ${f1(admin.detailP50)} p99 ${f1(admin.detailP99)} ms; CSV export of ${admin.exportRows} rows in ${(admin.exportMs / 1000).toFixed(2)} s, ${mb(admin.exportBytes)} MB, peak RSS ${Math.round(admin.exportPeakRssMB)} MB`,
  );
}
await fake.stop();

// ---------------------------------------------------------------------------------------------
const pass = (ok: boolean) => (ok ? 'yes' : '**no**');
const lines: string[] = [];
lines.push(
  `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} MB RAM, Node ${process.version}, ${process.platform}. Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
);
lines.push(
  `Command: \`npm run bench -- --duration ${DURATION} --open-loop ${OPEN_LOOP} --rates ${RATES.join(',')} --rush ${RUSH} --concurrency ${args.concurrency} --admin ${ADMIN}${args['no-bolt'] ? ' --no-bolt' : ''}${args['no-inline'] ? ' --no-inline' : ''}\``,
);
lines.push('');
lines.push('### Ack latency (ms)');
lines.push('');
lines.push(
  '| rate/s | generator | ours p50 | ours p99 | ours max | 2xx / sent | answered | bolt p50 | bolt p99 | bolt max | p99 ours/bolt | target met |',
);
lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of ack) {
  const ratio = r.bolt ? r.ours.p99 / r.bolt.p99 : NaN;
  const target = r.rate === 200 ? r.ours.p99 <= 10 : r.rate === 1000 ? r.ours.p99 <= 30 : r.rate === 2000 ? r.ours.max <= 100 : true;
  const all = r.answered >= r.ours.ok && r.ours.ok === r.ours.sent;
  lines.push(
    `| ${r.rate} | ${r.tool} | ${f1(r.ours.p50)} | ${f1(r.ours.p99)} | ${f1(r.ours.max)} | ${r.ours.ok} / ${r.ours.sent} | ${r.answered}${r.drainMs > 0 ? ` (+${(r.drainMs / 1000).toFixed(1)} s)` : r.drainMs < 0 ? ' (timed out)' : ''} | ${r.bolt ? f1(r.bolt.p50) : '-'} | ${r.bolt ? f1(r.bolt.p99) : '-'} | ${r.bolt ? f1(r.bolt.max) : '-'} | ${f1(ratio)} | ${pass(target && all && !(ratio > 1))} |`,
  );
  const i = r.inline;
  if (i) {
    lines.push(
      `| ${r.rate} | ${r.tool}, answers on the main thread | ${f1(i.p50)} | ${f1(i.p99)} | ${f1(i.max)} | ${i.ok} / ${i.sent} | ${i.answered} | | | | ${r.bolt ? f1(i.p99 / r.bolt.p99) : '-'} | |`,
    );
  }
}
lines.push('');
lines.push(
  '"answered": chat.postMessage answers delivered by the fake Slack API for that run; "+N s" is how long after the last ack the last answer went out.',
);
lines.push('');
lines.push('CPU per event (µs; from /proc, so it holds on a busy machine): the main thread, which acknowledges, and the whole process.');
lines.push('');
lines.push('| rate/s | generator | ours: main thread | ours: process | answers on the main thread: process | bolt: process |');
lines.push('| ---: | --- | ---: | ---: | ---: | ---: |');
const us = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(0));
for (const r of ack) {
  lines.push(
    `| ${r.rate} | ${r.tool} | ${us(r.ours.cpu.mainUs)} | ${us(r.ours.cpu.allUs)} | ${us(r.inline?.cpu.allUs)} | ${us(r.bolt?.cpu.allUs)} |`,
  );
}
if (rr) {
  lines.push('');
  lines.push('### Deadline rush');
  lines.push('');
  lines.push(
    '| applications | concurrency | time | per second | step p50 / p99 (ms) | stored | unique references | review cards | duplicated cards | confirmations | cards done after | target ≤ 30 s |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  lines.push(
    `| ${rr.confirmed} / ${rr.n} | ${rr.concurrency} | ${(rr.ms / 1000).toFixed(1)} s | ${(rr.confirmed / (rr.ms / 1000)).toFixed(0)} | ${f1(rr.stepP50)} / ${f1(rr.stepP99)} | ${rr.stored} | ${rr.references} | ${rr.cards} | ${rr.duplicateCards} | ${rr.confirmations} | ${(rr.cardsMs / 1000).toFixed(1)} s | ${pass(rr.ms <= 30_000 && rr.stored === rr.n && rr.cards === rr.n && rr.duplicateCards === 0)} |`,
  );
}
if (admin) {
  lines.push('');
  lines.push(
    `### Admin at ${ADMIN.toLocaleString('en')} generated applications (via ${admin.via === 'http' ? 'the admin routes over HTTP, signed in' : 'the admin query functions (the panel is not mounted in the Node server yet)'})`,
  );
  lines.push('');
  lines.push('| what | p50 (ms) | p99 (ms) | target |');
  lines.push('| --- | ---: | ---: | --- |');
  lines.push(`| list (page 1 to 5 by cursor) | ${f1(admin.listP50)} | ${f1(admin.listP99)} | p99 ≤ 20: ${pass(admin.listP99 <= 20)} |`);
  lines.push(`| filters (all below) | ${f1(admin.filterP50)} | ${f1(admin.filterP99)} | |`);
  for (const [k, v] of Object.entries(admin.perFilter)) lines.push(`| · ${k} | ${f1(v.p50)} | ${f1(v.p99)} | |`);
  lines.push(`| detail | ${f1(admin.detailP50)} | ${f1(admin.detailP99)} | |`);
  lines.push('');
  lines.push(
    `CSV export of all ${admin.exportRows.toLocaleString('en')} rows: ${(admin.exportMs / 1000).toFixed(2)} s, ${mb(admin.exportBytes)} MB; RSS ${Math.round(admin.exportBeforeRssMB)} MB before, peak ${Math.round(admin.exportPeakRssMB)} MB (${admin.via === 'http' ? 'server process' : 'the process running the export'}), so the export adds ${Math.round(admin.exportPeakRssMB - admin.exportBeforeRssMB)} MB — target ≤ 3 s: ${pass(admin.exportMs <= 3000)}; export adds < 100 MB: ${pass(admin.exportPeakRssMB - admin.exportBeforeRssMB < 100)}; whole process < 100 MB: ${pass(admin.exportPeakRssMB < 100)}`,
  );
}
lines.push('');
lines.push('### Memory (RSS of the server process)');
lines.push('');
lines.push(
  `| idle after start | after ack runs | after the rush | peak during rush | idle with ${ADMIN.toLocaleString('en')} applications | bare Bolt idle |`,
);
lines.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
lines.push(
  `| ${mb(idleRss)} MB (target ≤ 150: ${pass(mb(idleRss) <= 150)}) | ${mb(afterAckRss)} MB | ${mb(afterRushRss)} MB | ${mb(rushPeakRss)} MB | ${adminIdleRss ? `${mb(adminIdleRss)} MB` : '-'} | ${bolt ? `${mb(boltIdleRss)} MB` : '-'} |`,
);
if (inline) lines.push('', `Idle RSS of our server answering on its main thread: ${mb(inlineIdleRss)} MB.`);
if (profile) {
  lines.push('');
  lines.push('### CPU profile of our server (whole run)');
  lines.push('');
  lines.push('```');
  lines.push(profile);
  lines.push('```');
}
const block = lines.join('\n');
say(`\n${block}\n`);

const file = join(ROOT, 'BENCHMARKS.md');
const start = '<!-- results:start -->';
const end = '<!-- results:end -->';
const doc = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
const i = doc.indexOf(start);
const j = doc.indexOf(end);
writeFileSync(
  file,
  i >= 0 && j > i ? `${doc.slice(0, i + start.length)}\n${block}\n${doc.slice(j)}` : `${doc}\n${start}\n${block}\n${end}\n`,
);
say(`BENCHMARKS.md updated. Logs in ${dir}`);
