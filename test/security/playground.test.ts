/**
 * Finding 1: the playground was an anonymous reviewer next to real platforms. With Slack set up
 * and NODE_ENV unset, its API listed every review card and approved a Slack applicant's
 * application, also cross-site with text/plain.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { startServer } from '../../server/node';
import { submitAs } from './support';

let api: FakeSlackApi;
let t: TestApp;
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

const slack = () => ({
  SLACK_SIGNING_SECRET: 'playground-test-secret-0123456789',
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_API_URL: api.url,
  SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
});
const SLACK_APPLICANT = { platform: 'slack' as const, userId: 'U0APPLICANT', scope: 'T123ABC456', displayName: 'Amina' };

const approve = (appId: string, extra: Record<string, string> = {}) =>
  t.app.request('/playground/api/event', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extra },
    body: JSON.stringify({ as: 'reviewer', event: { kind: 'action', actionId: 'review.approve', value: `${appId}|technical-assistance` } }),
  });

async function statuses(appId: string) {
  return (await t.deps.db.selectFrom('application_dialogues').select(['status']).where('application_id', '=', appId).execute()).map(
    (r) => r.status,
  );
}

describe('the playground next to a real platform', () => {
  it('is off when Slack or Teams is configured and PLAYGROUND is not set, whatever NODE_ENV says', async () => {
    for (const env of [{}, { NODE_ENV: 'development' }]) {
      expect(loadConfig({ ...env, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).PLAYGROUND).toBe(false);
      expect(loadConfig({ ...env, TEAMS_APP_ID: 'a', TEAMS_APP_PASSWORD: 'p' }).PLAYGROUND).toBe(false);
      expect(loadConfig({ ...env, TEAMS_APP_ID: 'a', TEAMS_APP_PASSWORD: 'p', PLAYGROUND: 'true' }).PLAYGROUND).toBe(true);
      expect(loadConfig(env).PLAYGROUND).toBe(true);
    }

    t = await createTestApp({ env: { ...slack(), NODE_ENV: 'development' } });
    const { id } = await submitAs(t, SLACK_APPLICANT);
    expect((await t.app.request('/playground/api/feed?as=reviewer')).status).toBe(404);
    expect((await approve(id)).status).toBe(404);
    expect(await statuses(id)).toEqual(['pending', 'pending']);
    expect(await (await t.app.request('/healthz')).json()).toMatchObject({ status: 'ok', playground: false });
    expect(await (await t.app.request('/')).text()).not.toContain('/playground');
  });

  it('when asked for by name, sees no Slack card and cannot decide on a Slack application', async () => {
    t = await createTestApp({ env: { ...slack(), PLAYGROUND: 'true' } });
    api.setMembers('C0REVIEWS', ['U0REVIEWER']);
    const { id, reference } = await submitAs(t, SLACK_APPLICANT);
    expect(JSON.stringify(api.calls('chat.postMessage'))).toContain(reference);
    expect(await (await t.app.request('/healthz')).json()).toMatchObject({ playground: true });

    const feed = (await (await t.app.request('/playground/api/feed?as=reviewer')).json()) as { messages: unknown[] };
    expect(feed.messages).toEqual([]);
    const res = await approve(id);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/only reviewers/i);
    expect(await statuses(id)).toEqual(['pending', 'pending']);
    // No call got the playground as a review channel: nothing was queued for it.
    const queued = await t.deps.db.selectFrom('outbox').select('id').where('platform', '=', 'playground').execute();
    expect(queued).toEqual([]);
  });

  it('the start log says whether it is on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-start-'));
    const lines: string[] = [];
    const server = await startServer(
      loadConfig({ ...slack(), HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `file:${join(dir, 'start.sqlite')}` }),
      createLogger('info', (l) => lines.push(l)),
    );
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    const listening = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'listening');
    expect(listening).toMatchObject({ playground: false, platforms: expect.arrayContaining(['slack']) });
    expect(listening!.platforms).not.toContain('playground');
  });

  it('takes JSON from its own page only: text/plain and cross-site requests are refused and change nothing', async () => {
    t = await createTestApp();
    const body = JSON.stringify({ as: 'visitor', event: { kind: 'message', text: 'apply' } });
    const post = (headers: Record<string, string>) =>
      t.app.request('http://localhost/playground/api/event', { method: 'POST', headers, body });

    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (await t.app.request('http://localhost/playground/api/feed?as=reviewer', { headers: { 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403);
    expect(await t.deps.db.selectFrom('conversation_state').selectAll().execute()).toEqual([]);

    const own = await post({
      'content-type': 'application/json; charset=utf-8',
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });
});
