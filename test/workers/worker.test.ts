/**
 * The product inside workerd on a local D1 (migrations from migrations/*.sql): the Worker entry
 * answers Slack and Teams, takes and decides an application, signs an admin in, and its cron
 * delivers an outbox message that failed the first time.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import slackEvent from '../fixtures/slack/event_message_im.json';
import slackClick from '../fixtures/slack/interactivity_block_actions.json';
import teamsMessage from '../fixtures/teams/message_personal.json';
import { allText, PlaygroundClient } from '../support/playground-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REVIEW_CHANNEL } from './constants';
import { control, cron, ORIGIN, playgroundApp, request, slackCalls, slackPost, slackText } from './support';

beforeEach(async () => {
  await control('/reset', {});
});

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('the Worker on D1', () => {
  it('serves /healthz through its default export, on a seeded database', async () => {
    const res = await exports.default.fetch(new Request(`${ORIGIN}/healthz`));
    expect(res.status).toBe(200);
    const health = (await res.json()) as { status: string; platforms: string[] };
    expect(health.status).toBe('ok');
    expect(health.platforms.sort()).toEqual(['email', 'playground', 'slack', 'teams']);
    const dialogues = await env.DB.prepare('select count(*) as n from dialogues').first<{ n: number }>();
    expect(dialogues?.n).toBe(5);
  });

  it('answers a signed Slack question in the DM, once per event id', async () => {
    const body = JSON.stringify({
      ...slackEvent,
      event_id: 'EvWorkerQ1',
      event: { ...slackEvent.event, text: 'what is the deadline to apply?' },
    });
    expect((await slackPost(body, 'application/json')).status).toBe(200);
    expect((await slackPost(body, 'application/json')).status).toBe(200);
    const answers = await slackCalls('chat.postMessage');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.channel).toBe(slackEvent.event.channel);
    expect(slackText(answers)).toMatch(/12 February 2023/);
  });

  it('refuses a Slack request with a bad signature, with no side effect', async () => {
    const body = JSON.stringify({ ...slackEvent, event_id: 'EvWorkerForged' });
    const res = await request('/slack/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': 'v0=00',
      },
      body,
    });
    expect(res.status).toBe(401);
    expect(await control<unknown[]>('/slack/calls')).toEqual([]);
  });

  it('answers a Teams question through the connector, with a verified Bot Framework token', async () => {
    const activity = {
      ...teamsMessage,
      id: 'worker-teams-1',
      serviceUrl: env.TEAMS_SERVICE_URL as string,
      text: 'what is the application deadline?',
    };
    const { token } = await control<{ token: string }>('/teams/sign', {});
    const res = await request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(200);
    const sent = await control<{ conversationId: string; body: Record<string, unknown> }[]>('/teams/sent');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.conversationId).toBe(teamsMessage.conversation.id);
    expect(JSON.stringify(sent.map((s) => s.body))).toMatch(/12 February 2023/);

    const forged = await request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ ...activity, id: 'worker-teams-2' }),
    });
    expect(forged.status).toBeGreaterThanOrEqual(401);
    expect(forged.status).toBeLessThanOrEqual(403);
  });

  it('takes an application in the playground; next to Slack its card goes to Slack, where a channel member recommends it to the States parties', async () => {
    const amina = new PlaygroundClient(playgroundApp, 'amina');
    const summary = await amina.fillForm(await amina.say('apply'));
    const done = await amina.submit(summary, {});
    expect(done.closeForm).toBe(true);
    const reference = allText(done.replies).match(/CD-2023-\d{4}/)?.[0];
    expect(reference).toMatch(/^CD-2023-\d{4}$/);

    // The submission and its outbox rows were one D1 batch; delivery ran under waitUntil. With
    // Slack and Teams configured the playground is no review channel: its reviewer sees no card
    // and may not decide.
    const reviewer = new PlaygroundClient(playgroundApp, 'reviewer');
    expect((await reviewer.feed()).some((m) => m.purpose === 'review_card')).toBe(false);
    const posted = (await slackCalls('chat.postMessage')).find(
      (c) => c.body.channel === REVIEW_CHANNEL && slackText([c]).includes(reference!),
    );
    expect(posted).toBeDefined();
    expect(slackText([posted!])).toMatch(/Firearms balance: /);
    const buttons = (posted!.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    const approve = buttons.find((b) => b.action_id.startsWith('review.approve') && b.value.endsWith('|firearms'))!;
    expect(allText((await reviewer.click('review.approve', approve.value)).replies)).toMatch(/Only reviewers/);

    await control('/slack/members', { channel: REVIEW_CHANNEL, members: ['U0WREVIEWER'] });
    const click = new URLSearchParams({
      payload: JSON.stringify({
        ...slackClick,
        user: { id: 'U0WREVIEWER', team_id: 'T123ABC456' },
        team: { id: 'T123ABC456' },
        trigger_id: 'trig-workers-1',
        container: { type: 'message', channel_id: REVIEW_CHANNEL, message_ts: '1700000000.000001' },
        channel: { id: REVIEW_CHANNEL, name: 'reviews' },
        actions: [{ action_id: approve.action_id, value: approve.value, type: 'button' }],
      }),
    }).toString();
    expect((await slackPost(click, 'application/x-www-form-urlencoded')).status).toBe(200);

    const status = await amina.say('status');
    expect(allText(status.replies)).toMatch(/Firearms: Recommended, awaiting approval by the States parties/);
    const row = await env.DB.prepare(
      'select d.status from application_dialogues d join applications a on a.id = d.application_id where a.reference = ? and d.dialogue_id = ?',
    )
      .bind(reference, 'firearms')
      .first<{ status: string }>();
    expect(row?.status).toBe('recommended');
  });

  it('serves TeamsJS to the Teams tab pages from the static assets binding', async () => {
    const res = await request('/teams/static/teams-js.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toMatch(/microsoftTeams/);
    expect((await request('/teams/tab/application')).status).toBe(200);
  });

  it('signs the first admin in (created from ADMIN_EMAIL / ADMIN_PASSWORD) and shows the dashboard', async () => {
    const form = await request('/admin/login');
    expect(form.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    expect(csrf).toBeTruthy();
    const pre = cookiesOf(form);

    const wrong = await request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre, origin: ORIGIN },
      body: new URLSearchParams({ _csrf: csrf!, email: ADMIN_EMAIL, password: 'not the password at all', next: '/admin' }).toString(),
    });
    expect(wrong.status).toBe(401);

    const signIn = await request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre, origin: ORIGIN },
      body: new URLSearchParams({ _csrf: csrf!, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, next: '/admin' }).toString(),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/admin');
    const session = cookiesOf(signIn);
    expect(session).toMatch(/dd_admin=/);

    const dashboard = await request('/admin', { headers: { cookie: session } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toMatch(/<h1>Dashboard<\/h1>/);
  });

  it('delivers on the next cron run an outbox message that failed the first time', async () => {
    // Slack rate-limits the review card once; the application is submitted all the same.
    await control('/slack/fail', { method: 'chat.postMessage', failure: { status: 429, retryAfter: 1 } });
    const ben = new PlaygroundClient(playgroundApp, 'ben');
    const done = await ben.submit(await ben.fillForm(await ben.say('apply')), {});
    const reference = allText(done.replies).match(/CD-2023-\d{4}/)?.[0];
    expect(reference).toBeDefined();

    const waiting = await env.DB.prepare(
      "select id, status, attempts, next_attempt_at from outbox where platform = 'slack' and purpose = 'review_card' and status != 'delivered'",
    ).all<{ id: string; status: string; attempts: number }>();
    expect(waiting.results).toHaveLength(1);
    expect(waiting.results[0]).toMatchObject({ status: 'pending', attempts: 1 });
    // The fake records the refused attempt too.
    const toReviewers = async () =>
      (await slackCalls('chat.postMessage')).filter((c) => c.body.channel === REVIEW_CHANNEL && slackText([c]).includes(reference!));
    expect(await toReviewers()).toHaveLength(1);

    // Retry-After was 1 s; the next cron run finds the row due and delivers it.
    await new Promise((r) => setTimeout(r, 1_100));
    await cron();
    expect(await toReviewers()).toHaveLength(2);
    const row = await env.DB.prepare('select status, attempts from outbox where id = ?')
      .bind(waiting.results[0]!.id)
      .first<{ status: string; attempts: number }>();
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
