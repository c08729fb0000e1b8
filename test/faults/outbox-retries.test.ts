/**
 * The platforms misbehaving: Slack's Web API and the Teams connector answering 429 with
 * Retry-After, 500, or not at all. Every message is retried with backoff (Retry-After honoured
 * to the second) and delivered exactly once, counted at the fake.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCountingSlackApi, type CountingSlackApi } from '../fakes/counting-slack-api';
import { FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { nodeAdapters } from '../../server/node-setup';
import { slackAdapter, teamsAdapter } from '../../server/adapters';
import { enqueue } from '../../db/store/outbox';
import type { OutboundMessage } from '../../domain/messages';

/**
 * A call that hangs gives up after this long here instead of the product's 10 s. Only that call:
 * every other call keeps the product's own limit, so a slow answer on a busy machine is not
 * mistaken for a timeout.
 */
const HUNG_CALL_TIMEOUT_MS = 300;
const hangNext = { slack: 0, teams: 0 };
const shortFetch: typeof fetch = (input, init = {}) => {
  const url = String(input instanceof Request ? input.url : input);
  const platform = url.includes('/connector/') ? 'teams' : url.endsWith('/chat.postMessage') ? 'slack' : null;
  if (!platform || hangNext[platform] === 0) return fetch(input, init);
  hangNext[platform]--;
  const signal = AbortSignal.any([...(init.signal ? [init.signal] : []), AbortSignal.timeout(HUNG_CALL_TIMEOUT_MS)]);
  // Slack's fake holds its answer back (failNext hang); the connector here never answers at all.
  if (platform === 'slack') return fetch(input, { ...init, signal });
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
};
// Registered after the defaults, so these replace them (one adapter per platform).
nodeAdapters.push(
  (deps) => (deps.config.slackEnabled ? slackAdapter(deps, { fetch: shortFetch }) : null),
  (deps) => (deps.config.teamsEnabled ? teamsAdapter(deps, { fetch: shortFetch }) : null),
);

let slack: CountingSlackApi;
let teams: FakeBotFramework;
let t: TestApp;
beforeAll(async () => {
  slack = await startCountingSlackApi({ watch: ['C0REVIEWS'] });
  teams = await FakeBotFramework.start();
});
afterAll(async () => {
  await slack.close();
  await teams.stop();
});
afterEach(async () => {
  await t?.close();
  slack.reset();
  teams.reset();
  hangNext.slack = 0;
  hangNext.teams = 0;
});

async function app() {
  t = await createTestApp({
    env: {
      SLACK_SIGNING_SECRET: 'fault-secret-0123456789abcdef',
      SLACK_BOT_TOKEN: 'xoxb-faults',
      SLACK_API_URL: slack.url,
      SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
      ...teams.env(),
    },
  });
  return t;
}

const card = (platform: 'slack' | 'teams', n = 1): OutboundMessage => ({
  recipient:
    platform === 'slack'
      ? { platform, kind: 'channel', address: 'C0REVIEWS' }
      : { platform, kind: 'channel', address: '19:reviews@thread.tacv2' },
  purpose: 'review_card',
  replies: [{ kind: 'text', text: `New application CD-2023-${String(n).padStart(4, '0')}` }],
  dedupeKey: `review_card:fault-${platform}-${n}`,
});

async function row(key: string) {
  return t.deps.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();
}
const slackPosts = () => slack.stats().postsByChannel.C0REVIEWS ?? 0;
const teamsPosts = () => teams.sent().length;

describe.each([
  [
    'slack',
    () => slackPosts(),
    (n: number, s: number) =>
      slack.failNext('chat.postMessage', ...Array.from({ length: n }, () => ({ status: 429 as const, retryAfter: s }))),
  ],
  [
    'teams',
    () => teamsPosts(),
    (n: number, s: number) => teams.failNext(...Array.from({ length: n }, () => ({ status: 429, headers: { 'retry-after': String(s) } }))),
  ],
] as const)('%s outbox', (platform, delivered, rateLimit) => {
  it('waits exactly as long as Retry-After says after a 429, then delivers once', async () => {
    await app();
    await enqueue(t.deps.db, t.deps.atomic, [card(platform)], t.clock.now().toISOString());
    rateLimit(1, 30);
    await t.drainOutbox();
    expect(delivered()).toBe(0);
    const after429 = await row(`review_card:fault-${platform}-1`);
    expect(after429.status).toBe('pending');
    expect(Date.parse(after429.next_attempt_at) - t.clock.now().getTime()).toBe(30_000);

    t.clock.advance(29_000);
    await t.drainOutbox();
    expect(delivered()).toBe(0);
    t.clock.advance(1_000);
    await t.drainOutbox();
    expect(delivered()).toBe(1);
    t.clock.advance(60 * 60_000);
    await t.drainOutbox();
    expect(delivered()).toBe(1);
    expect((await row(`review_card:fault-${platform}-1`)).status).toBe('delivered');
  });

  it('backs off after 500s with growing, jittered delays and delivers once', async () => {
    await app();
    await enqueue(t.deps.db, t.deps.atomic, [card(platform)], t.clock.now().toISOString());
    if (platform === 'slack') slack.failNext('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    else teams.failNext({ status: 500 }, { status: 502 }, { status: 503 });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await t.drainOutbox();
      const r = await row(`review_card:fault-${platform}-1`);
      expect(r.status).toBe('pending');
      const wait = Date.parse(r.next_attempt_at) - t.clock.now().getTime();
      delays.push(wait);
      // Full jitter in [ceiling/2, ceiling], ceiling 1 s, 2 s, 4 s.
      expect(wait).toBeGreaterThanOrEqual(500 * 2 ** i);
      expect(wait).toBeLessThanOrEqual(1000 * 2 ** i);
      t.clock.advance(wait);
    }
    await t.drainOutbox();
    expect(delivered()).toBe(1);
    const r = await row(`review_card:fault-${platform}-1`);
    expect(r).toMatchObject({ status: 'delivered', attempts: 4 });
    t.clock.advance(60 * 60_000);
    await t.drainOutbox();
    expect(delivered()).toBe(1);
  });

  it('retries a call that timed out and delivers once', async () => {
    await app();
    await enqueue(t.deps.db, t.deps.atomic, [card(platform, 1), card(platform, 2)], t.clock.now().toISOString());
    if (platform === 'slack') slack.failNext('chat.postMessage', { hang: true });
    hangNext[platform] = 1;
    await t.drainOutbox();
    expect(delivered()).toBe(1); // the second card went; the first timed out
    const r = await row(`review_card:fault-${platform}-1`);
    expect(r.status).toBe('pending');
    expect(r.last_error).toMatch(/timeout/);
    t.clock.advance(1_000);
    await t.drainOutbox();
    expect(delivered()).toBe(2);
    t.clock.advance(60 * 60_000);
    await t.drainOutbox();
    expect(delivered()).toBe(2);
    if (platform === 'slack')
      expect(
        slack
          .stats()
          .watchedTexts.map((w) => /CD-2023-\d+/.exec(w.text)?.[0])
          .sort(),
      ).toEqual(['CD-2023-0001', 'CD-2023-0002']);
  });

  it('keeps a burst of rate-limited messages in order and sends each once', async () => {
    await app();
    const n = 30;
    await enqueue(
      t.deps.db,
      t.deps.atomic,
      Array.from({ length: n }, (_, i) => card(platform, i + 1)),
      t.clock.now().toISOString(),
    );
    rateLimit(5, 2);
    for (let i = 0; i < 20 && delivered() < n; i++) {
      await t.drainOutbox();
      t.clock.advance(2_000);
    }
    expect(delivered()).toBe(n);
    const rows = await t.deps.db.selectFrom('outbox').select(['status']).execute();
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
  });
});
