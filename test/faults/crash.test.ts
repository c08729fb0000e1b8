/**
 * The server killed with SIGKILL in the middle of the deadline rush, and started again on the
 * same database: every application whose last step was confirmed (200, modal closed) is stored,
 * no review card goes out twice (beyond the one documented window: a card the platform took
 * while the process died before recording it), and the outbox delivers the rest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingSlackApi, type CountingSlackApi } from '../fakes/counting-slack-api';
import { spawnServer, type ServerProcess } from './server-process';
import { applyOnce } from '../../bench/rush';
import { userId } from './slack-traffic';

const SECRET = 'crash-test-secret-0123456789abcdef';
const START = Date.parse('2023-02-05T09:00:00Z');
let api: CountingSlackApi;
let dir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  api = await startCountingSlackApi({ watch: ['C0REVIEWS'] });
  dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-crash-'));
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (clock: string) => ({
  NODE_ENV: 'production',
  PLAYGROUND: 'false',
  DATABASE_URL: `file:${join(dir, 'crash.sqlite')}`,
  DIALOGUES_CLOCK: clock,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-crash',
  SLACK_API_URL: api.url,
  SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
  LOG_LEVEL: 'warn',
});

describe('SIGKILL during the rush', () => {
  it('loses no confirmed application, sends no card twice, and the outbox resumes after restart', async () => {
    const t0 = Date.now();
    const first = await spawnServer({ env: env(new Date(START).toISOString()), logFile: join(dir, 'server.log') });
    servers.push(first);
    const target = { serverUrl: first.url, secret: SECRET, viewFor: (t: string) => api.viewFor(t) };

    // 16 applicants at a time; the process dies once 40 have been confirmed.
    const confirmed: string[] = [];
    const attempted: string[] = [];
    let next = 1;
    let killed = false;
    let killedAt = 0;
    const worker = async () => {
      while (!killed && next <= 200) {
        const user = userId(700_000 + next++);
        attempted.push(user);
        try {
          await applyOnce(target, user);
          confirmed.push(user);
          if (confirmed.length >= 40 && !killed) {
            killed = true;
            killedAt = Date.now();
            await first.kill();
          }
        } catch {
          /* in flight when the process died: not confirmed, so not promised */
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(killed).toBe(true);
    expect(first.child.signalCode).toBe('SIGKILL');

    // What the dead process left: rows claimed for sending but never marked.
    const before = new Database(join(dir, 'crash.sqlite'), { readonly: true });
    const sendingAtKill = (before.prepare("select count(*) n from outbox where status = 'sending'").get() as { n: number }).n;
    before.close();

    // Restarted a few minutes later in product time, so the interrupted sends count as stale.
    const clock = new Date(START + (killedAt - t0) + 3 * 60_000).toISOString();
    const second = await spawnServer({ env: env(clock), logFile: join(dir, 'server.log') });
    servers.push(second);

    const db = new Database(join(dir, 'crash.sqlite'), { readonly: true });
    const submitted = () =>
      db
        .prepare(`select a.reference, i.user_id from applications a join identities i on i.person_id = a.person_id
      where a.status = 'submitted' and i.platform = 'slack'`)
        .all() as { reference: string; user_id: string }[];
    const stored = submitted();
    const storedUsers = new Set(stored.map((s) => s.user_id));
    for (const u of confirmed) expect(storedUsers.has(u), `confirmed ${u} is stored`).toBe(true);
    expect(new Set(stored.map((s) => s.reference)).size).toBe(stored.length);

    // The outbox resumes: one card per stored application. Once every row is delivered and the
    // server has stopped, no further copy can come.
    const deadline = Date.now() + 12_000;
    const undelivered = () => (db.prepare("select count(*) n from outbox where status <> 'delivered'").get() as { n: number }).n;
    while (undelivered() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await second.stop();
    const cards = () =>
      api
        .stats()
        .watchedTexts.map((w) => /CD-2023-\d{4,}/.exec(w.text)?.[0])
        .filter(Boolean) as string[];
    const sent = cards();
    const refs = new Set(stored.map((s) => s.reference));
    expect(new Set(sent.filter((r) => refs.has(r))).size).toBe(stored.length);
    const dupes = sent.length - new Set(sent).size;
    expect(dupes).toBeLessThanOrEqual(sendingAtKill);
    expect(undelivered()).toBe(0);
    db.close();
  }, 45_000);
});
