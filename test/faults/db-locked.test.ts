/**
 * The database file locked by another process (a second connection holding BEGIN EXCLUSIVE):
 * callers get a clear 503 with a sentence, not a crash; nothing is lost; everything works again
 * once the lock is released.
 */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCountingSlackApi, type CountingSlackApi } from '../fakes/counting-slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { createLogger } from '../../server/log';
import { enqueue } from '../../db/store/outbox';
import { commandBody, dmEventBody, FORM, JSON_TYPE, signedHeaders, submissionBody } from './slack-traffic';

const SECRET = 'locked-db-secret-0123456789abcdef';
const USER = 'U0LOCKED01';
let api: CountingSlackApi;
let t: TestApp;
let lockHolder: Database.Database | null = null;
let lockOnAnswer = false;
/** What the app logged, as events; `logged(event)` waits for one. */
let events: string[] = [];
let waiters: { event: string; resolve: () => void }[] = [];
const log = createLogger('debug', (line) => {
  const name = (JSON.parse(line) as { msg: string }).msg;
  events.push(name);
  for (const w of waiters.filter((x) => x.event === name)) w.resolve();
  waiters = waiters.filter((x) => x.event !== name);
});
const logged = (event: string) =>
  events.includes(event) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ event, resolve }));
/**
 * A lock is waited for this long before the caller hears "busy" (5 s in production): the lock
 * tests do not need to sit through the production wait to see what happens after it.
 */
const BUSY_TIMEOUT_MS = 150;

beforeAll(async () => {
  api = await startCountingSlackApi({
    watch: ['C0REVIEWS'],
    // Lets a test take the lock at the worst moment: the platform has the message, we have not yet recorded it.
    beforeAnswer: (method) => {
      if (lockOnAnswer && method === 'chat.postMessage') {
        lockOnAnswer = false;
        lock();
      }
    },
  });
});
afterAll(() => api.close());
afterEach(async () => {
  release();
  await t?.close();
  api.reset();
  events = [];
  waiters = [];
});

function lock() {
  lockHolder = new Database(t.dbFile);
  lockHolder.exec('BEGIN EXCLUSIVE');
}
function release() {
  if (!lockHolder) return;
  lockHolder.exec('ROLLBACK');
  lockHolder.close();
  lockHolder = null;
}

async function app() {
  t = await createTestApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-locked', SLACK_API_URL: api.url, SLACK_REVIEW_CHANNEL: 'C0REVIEWS' },
    now: '2023-02-05T09:00:00Z',
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    // Pauses before trying again while the database is busy, shortened like the lock wait.
    waits: { slack: { busyRetryMs: [50, 100, 200] }, outboxRecordRetryMs: 50 },
    log,
  });
}
const post = (body: string, type: string) =>
  t.app.request('/slack/events', { method: 'POST', headers: signedHeaders(SECRET, body, type), body });

describe('database locked by another process', () => {
  it('answers a modal step with a clear 503 while locked, and takes the same step once released', async () => {
    await app();
    await post(commandBody('apply', 'trig-locked', USER), FORM);
    await t.settle();
    const view = await api.viewFor('trig-locked', 2000);
    expect(view).not.toBeNull();

    lock();
    const body = submissionBody(view, USER, 1);
    const started = Date.now();
    const res = await post(body, FORM);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'database_busy', message: expect.stringMatching(/busy.*try again/i) });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect((await t.app.request('/healthz')).status).toBe(200); // readers still read (WAL)

    release();
    const retry = await post(body, FORM);
    expect(retry.status).toBe(200);
    const answer = (await retry.json()) as { response_action: string; view?: { callback_id: string } };
    expect(answer.response_action).toBe('update');
    const draft = await t.deps.db.selectFrom('applications').select(['current_step', 'answers']).executeTakeFirstOrThrow();
    expect(JSON.parse(draft.answers)).toHaveProperty('dialogueIds');
  }, 20_000);

  it('delivers nothing while locked and everything once, after the lock is released', async () => {
    await app();
    await enqueue(
      t.deps.db,
      t.deps.atomic,
      [
        {
          recipient: { platform: 'slack', kind: 'channel', address: 'C0REVIEWS' },
          purpose: 'review_card',
          replies: [{ kind: 'text', text: 'CD-2023-0001' }],
          dedupeKey: 'review_card:locked-1',
        },
      ],
      t.clock.now().toISOString(),
    );
    lock();
    await t.drainOutbox();
    expect(api.stats().postsByChannel.C0REVIEWS ?? 0).toBe(0);
    release();
    await t.drainOutbox();
    t.clock.advance(10 * 60_000);
    await t.drainOutbox();
    expect(api.stats().postsByChannel.C0REVIEWS).toBe(1);
  }, 20_000);

  // Recording a delivery is apart from sending it: a failed record must not count as a failed send.
  it('a card the platform took while the database was locked is not sent a second time', async () => {
    await app();
    await enqueue(
      t.deps.db,
      t.deps.atomic,
      [
        {
          recipient: { platform: 'slack', kind: 'channel', address: 'C0REVIEWS' },
          purpose: 'review_card',
          replies: [{ kind: 'text', text: 'CD-2023-0002' }],
          dedupeKey: 'review_card:locked-2',
        },
      ],
      t.clock.now().toISOString(),
    );
    lockOnAnswer = true;
    const drained = t.drainOutbox();
    await logged('outbox_record_retry'); // past busy_timeout: recording the delivery failed
    release();
    await drained;
    for (let i = 0; i < 3; i++) {
      t.clock.advance(5 * 60_000);
      await t.drainOutbox();
    }
    expect(api.stats().postsByChannel.C0REVIEWS).toBe(1);
  }, 20_000);

  // Acknowledged or not, the DM is not dropped: Slack redelivers a non-200, and work after an ack
  // waits for the lock.
  it('a DM that arrives while the database is locked is answered once the lock is released', async () => {
    await app();
    lock();
    const body = dmEventBody('EvLocked1', USER, 'what is the deadline to apply?');
    const res = await post(body, JSON_TYPE);
    const acked = res.status === 200;
    await t.settle(); // the work after the ack waits for busy_timeout, then fails
    release();
    if (!acked) await post(body, JSON_TYPE); // Slack retries a non-200
    await t.settle();
    expect(api.stats().delivered['chat.postMessage'] ?? 0).toBe(1);
  }, 20_000);
});
