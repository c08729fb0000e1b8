import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from '../../bot/slack/verify';
import { createMemoryMetrics } from '../../server/metrics/memory';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createAdminTestApp, Visitor, addUser, type AdminTestApp } from '../admin/support';
import { fixture } from '../slack/support';
import { applyAndDecide } from './burst';

const SECRET = 'metrics-signing-secret-0123456789';
const TOKEN = 'scrape-token-0123456789abcdefghij';

let api: FakeSlackApi;
let t: AdminTestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
afterEach(async () => {
  await t?.close();
  api.reset();
});

const env = () => ({
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-metrics',
  SLACK_API_URL: api.url,
  SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
  METRICS_TOKEN: TOKEN,
});

async function slackMessage(id: string, text: string) {
  const body = JSON.stringify({
    ...fixture<any>('event_message_im.json'),
    event_id: id,
    event: { ...fixture<any>('event_message_im.json').event, text },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': await computeSignature(SECRET, ts, body),
    },
    body,
  });
  await t.settle();
  return res;
}

const scrape = (auth?: string) => t.app.request('/metrics', auth ? { headers: { authorization: auth } } : {});

/** The value of one sample line, e.g. value(text, 'dialogue_desk_applications{status="submitted"}'). */
function value(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('GET /healthz and GET /metrics', () => {
  it('health is public; metrics need the token or an administrator, and say nothing otherwise', async () => {
    t = await createAdminTestApp({ env: env() });
    const health = await t.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    for (const auth of [undefined, 'Bearer wrong-token-0123456789abcdefgh', `Basic ${btoa(`x:${TOKEN}`)}`, `Bearer ${TOKEN}x`]) {
      const res = await scrape(auth);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('dialogue_desk');
    }
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);

    // A signed-in administrator may look too; a reviewer may not.
    const admin = new Visitor(t.web);
    await admin.signIn();
    const asAdmin = await admin.get('/admin/metrics');
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.text()).toContain('dialogue_desk_outbox_backlog');
    await addUser(t, 'reviewer@example.org', 'reviewer');
    const reviewer = new Visitor(t.web);
    await reviewer.signIn('reviewer@example.org', 'another long password');
    expect((await reviewer.get('/admin/metrics')).status).toBe(401);
  });

  it('counts acknowledgements, answers, the outbox backlog and its age, failures, job runs and applications, in Prometheus text', async () => {
    t = await createAdminTestApp({ env: env() });
    const now = () => t.clock.now().toISOString();
    expect((await slackMessage('EvM1', 'when is the deadline?')).status).toBe(200);
    expect((await slackMessage('EvM2', 'is there travel support?')).status).toBe(200);
    for (let i = 0; i < 3; i++) await applyAndDecide(t.deps.store, i, now);
    await applyAndDecide(t.deps.store, 3, now, { decide: false });

    // Ten minutes later nothing has been delivered: 4 cards + 4 confirmations + 3 decision notices wait.
    t.clock.advance(10 * 60_000);
    let text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(value(text, 'dialogue_desk_events_acknowledged_total{platform="slack"}')).toBe(2);
    expect(value(text, 'dialogue_desk_ack_seconds_count{platform="slack"}')).toBe(2);
    expect(value(text, 'dialogue_desk_ack_seconds_bucket{le="3",platform="slack"}')).toBe(2);
    expect(value(text, 'dialogue_desk_answer_seconds_count{platform="slack"}')).toBe(2);
    expect(value(text, 'dialogue_desk_applications{status="submitted"}')).toBe(4);
    expect(value(text, 'dialogue_desk_outbox_backlog')).toBe(11);
    expect(value(text, 'dialogue_desk_outbox_oldest_pending_seconds')).toBe(600);
    expect(text).toContain('# TYPE dialogue_desk_ack_seconds histogram');
    expect(text).toContain('# TYPE dialogue_desk_job_runs_total counter');

    // Slack rate-limits the first delivery and refuses another outright.
    api.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    api.failNext('chat.postMessage', { error: 'channel_not_found' });
    await t.drainOutbox();
    text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(value(text, 'dialogue_desk_deliveries_failed_total{platform="slack",reason="rate_limited"}')).toBe(1);
    expect(value(text, 'dialogue_desk_deliveries_failed_total{platform="slack",reason="rejected"}')).toBe(1);
    expect(value(text, 'dialogue_desk_outbox_failed')).toBe(1);
    expect(value(text, 'dialogue_desk_job_runs_total{job="outbox",outcome="ok"}')).toBeGreaterThan(0);
    expect(value(text, 'dialogue_desk_job_last_success_timestamp_seconds{job="outbox"}')).toBeGreaterThan(Date.now() / 1000 - 60);

    await t.built.scheduled();
    text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(value(text, 'dialogue_desk_job_runs_total{job="scheduled",outcome="ok"}')).toBe(1);
  });

  it('on Workers the same numbers come as JSON', async () => {
    const m = createMemoryMetrics();
    m.eventAcknowledged('teams', 0.004);
    m.answered('teams', 0.3);
    m.deliveryFailed('teams', 'rate_limited');
    m.jobRun('outbox', true, new Date('2026-12-01T12:00:00Z'));
    m.jobRun('retention', false);
    const out = await m.expose({
      outboxBacklog: 2,
      outboxOldestPendingSeconds: 90,
      outboxFailingOverHour: 1,
      outboxFailed: 0,
      applicationsByStatus: { submitted: 5, draft: 1 },
    });
    expect(out.contentType).toContain('application/json');
    const json = JSON.parse(out.body);
    expect(json.eventsAcknowledged).toEqual({ teams: 1 });
    expect(json.ackSeconds.teams).toMatchObject({ count: 1, buckets: { '0.001': 0, '0.005': 1, '3': 1 } });
    expect(json.answerSeconds.teams.count).toBe(1);
    expect(json.deliveriesFailed).toEqual([{ platform: 'teams', reason: 'rate_limited', count: 1 }]);
    expect(json.jobRuns).toEqual([
      { job: 'outbox', outcome: 'ok', count: 1 },
      { job: 'retention', outcome: 'error', count: 1 },
    ]);
    expect(json.jobLastSuccess).toEqual({ outbox: '2026-12-01T12:00:00.000Z' });
    expect(json.outbox).toEqual({ backlog: 2, oldestPendingSeconds: 90, failingOverHour: 1, failed: 0 });
    expect(json.applicationsByStatus).toEqual({ submitted: 5, draft: 1 });
  });
});
