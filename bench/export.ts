/**
 * The CSV export alone, at scale: `npm run bench:export -- --rows 100000`. Starts the real
 * server (the `npm start` bundle) on a generated database, signs in, streams
 * /admin/applications/export.csv and samples the server's RSS every 20 ms. Prints idle RSS, peak
 * RSS during the export, time and size. The full `npm run bench` measures the same among the rest.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../db/connect-node';
import { migrateToLatest } from '../db/migrate';
import { seedIfEmpty } from '../db/seed';
import { call2023 } from '../db/seed-data/call-2023';
import { generateApplications } from '../scripts/generate-applications';
import { spawnServer } from '../test/faults/server-process';
import { adminSignIn } from './admin-scale';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(args.rows);
const dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-export-'));
const dbUrl = `file:${join(dir, 'bench.sqlite')}`;
const EMAIL = 'bench-admin@example.org';
const PASSWORD = 'bench-admin-password-1234';
const mb = (b: number) => Math.round(b / 1e6);

const { db, atomic, close } = openSqlite(dbUrl);
await migrateToLatest(db);
await seedIfEmpty(db, call2023, new Date().toISOString(), atomic);
await generateApplications(db, ROWS, { seed: 7 });
await close();

const server = await spawnServer({
  env: {
    NODE_ENV: 'production',
    PLAYGROUND: 'false',
    DATABASE_URL: dbUrl,
    DIALOGUES_CLOCK: '2023-02-05T09:00:00Z',
    ADMIN_EMAIL: EMAIL,
    ADMIN_PASSWORD: PASSWORD,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123',
    LOG_LEVEL: 'warn',
  },
  logFile: join(dir, 'server.log'),
  readyTimeoutMs: 120_000,
});
await new Promise((r) => setTimeout(r, 2000));
const idle = server.rss();
const cookie = await adminSignIn(server.url, EMAIL, PASSWORD);
if (!cookie) throw new Error('could not sign in');
const afterSignIn = server.rss();
const peak = server.sampleRss(20);
const t = performance.now();
const res = await fetch(`${server.url}/admin/applications/export.csv`, { headers: { cookie } });
let bytes = 0;
let lines = 0;
for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
  bytes += chunk.byteLength;
  for (const b of chunk) if (b === 13) lines++;
}
const ms = performance.now() - t;
const top = peak();
await server.stop();
process.stdout.write(
  `CSV export of ${lines - 1} rows: ${(ms / 1000).toFixed(2)} s, ${mb(bytes)} MB; server RSS idle ${mb(idle)} MB, after sign-in ${mb(afterSignIn)} MB, peak during export ${mb(top)} MB (+${mb(top - afterSignIn)} MB)\n`,
);
