/**
 * Several workspaces, one product: after "Add to Slack" every event, command and message for a
 * workspace goes through that workspace's own bot token (the fake Slack tells them apart), the
 * secretariat's home workspace keeps SLACK_BOT_TOKEN and the review channel, an unknown or
 * disabled workspace is refused, and `app_uninstalled` / `tokens_revoked` delete the token and
 * fail what was still queued for that workspace.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { FORM_TYPE, JSON_TYPE, fixture, formBody, jsonBody, SECRET, signed } from './support';

const PUBLIC = 'https://desk.example.org';
const HOME_TOKEN = 'xoxb-secretariat-home';
const HOME_TEAM = 'T123ABC456'; // what the fake's auth.test says SLACK_BOT_TOKEN belongs to
const NGO = {
  teamId: 'T0NGOHELP',
  teamName: 'NGO Helpdesk',
  token: 'xoxb-ngo-helpdesk-0001',
  botUserId: 'U0BOTNGO',
  installer: 'U0NGOADMIN',
};
const UNI = {
  teamId: 'T0UNIVIE',
  teamName: 'University of Vienna',
  token: 'xoxb-univie-0002',
  botUserId: 'U0BOTUNI',
  installer: 'U0UNIADMIN',
};

let api: FakeSlackApi;
let t: TestApp;
let lines: string[];
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  lines = [];
  t = await createTestApp({
    env: {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: HOME_TOKEN,
      SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: 'fake-client-secret',
      SESSION_SECRET: 'a session secret of at least thirty-two characters',
      PUBLIC_URL: PUBLIC,
      SLACK_API_URL: api.url,
    },
    log: createLogger('debug', (l) => lines.push(l)),
  });
  api.addWorkspace('code-ngo', NGO);
  api.addWorkspace('code-uni', UNI);
  await install('code-ngo');
  await install('code-uni');
  api.reset();
});
afterEach(async () => {
  await t.close();
  api.reset();
});

async function install(code: string) {
  const page = await t.app.request('/slack/install');
  const state = new URL(
    (await page.text()).match(/href="([^"]+oauth\/v2\/authorize[^"]+)"/)![1]!.replaceAll('&amp;', '&'),
  ).searchParams.get('state')!;
  const res = await t.app.request(`/slack/oauth_redirect?${new URLSearchParams({ code, state })}`, {
    headers: { cookie: `slack_install_state=${state}` },
  });
  expect(res.status).toBe(200);
}

let seq = 0;
const now = () => ({ timestamp: Math.floor(Date.now() / 1000) });

/** A DM to the bot from `user` in workspace `team`, as the Events API delivers it. */
async function dm(team: string, user: string, text: string) {
  const base = fixture('event_message_im.json') as Record<string, any>;
  const body = {
    ...base,
    team_id: team,
    event_id: `EvWS${++seq}`,
    event: { ...base.event, user, text, channel: `D0${user}`, ts: `1700000000.00${seq}` },
    authorizations: [{ ...base.authorizations[0], team_id: team }],
  };
  const res = await t.app.fetch(await signed(jsonBody(body), JSON_TYPE, now()));
  await t.settle();
  return res;
}

async function event(team: string, type: string, extra: Record<string, unknown> = {}) {
  const body = {
    type: 'event_callback',
    team_id: team,
    api_app_id: 'A0DESK',
    event_id: `EvWS${++seq}`,
    event_time: 1700000000,
    event: { type, event_ts: '1700000000.000100', ...extra },
  };
  const res = await t.app.fetch(await signed(jsonBody(body), JSON_TYPE, now()));
  await t.settle();
  return res;
}

const bearer = (method: string) => api.calls(method).map((c) => c.authorization);

describe('events and commands by workspace', () => {
  it('answers each workspace with its own token, and the home workspace with SLACK_BOT_TOKEN', async () => {
    expect((await dm(NGO.teamId, 'U0NGOUSER', 'when is the deadline?')).status).toBe(200);
    expect(bearer('chat.postMessage')).toEqual([`Bearer ${NGO.token}`]);
    await dm(UNI.teamId, 'U0UNIUSER', 'when is the deadline?');
    await dm(HOME_TEAM, 'U0SECUSER', 'when is the deadline?');
    expect(bearer('chat.postMessage')).toEqual([`Bearer ${NGO.token}`, `Bearer ${UNI.token}`, `Bearer ${HOME_TOKEN}`]);
    // users.info for the profile went to the person's own workspace too.
    expect(new Set(bearer('users.info'))).toEqual(new Set([`Bearer ${NGO.token}`, `Bearer ${UNI.token}`, `Bearer ${HOME_TOKEN}`]));
  });

  it("runs a slash command from an installed workspace with that workspace's token", async () => {
    const fields = {
      ...(fixture('slash_command.fields.json') as Record<string, string>),
      team_id: UNI.teamId,
      user_id: 'U0UNIUSER',
      text: 'help',
      trigger_id: `trig-${++seq}`,
    };
    const res = await t.app.fetch(await signed(formBody(fields), FORM_TYPE, now()));
    await t.settle();
    expect(res.status).toBe(200);
    const sent = api.calls().filter((c) => c.method.startsWith('chat.'));
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((c) => c.authorization))).toEqual(new Set([`Bearer ${UNI.token}`]));
  });

  it('refuses an event from a workspace that never installed the app: no call to Slack', async () => {
    expect((await dm('T0STRANGER', 'U0STRANGE', 'hello')).status).toBe(200);
    expect(api.calls().filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(lines.some((l) => l.includes('slack.workspace_refused') && l.includes('not_installed'))).toBe(true);
  });

  it("sends queued messages with the recipient's workspace token, and channel cards with the home token", async () => {
    const nowIso = t.clock.now().toISOString();
    const row = (key: string, recipient: object) => ({
      id: crypto.randomUUID(),
      dedupe_key: key,
      platform: 'slack' as const,
      recipient: JSON.stringify(recipient),
      purpose: 'decision_notice' as const,
      payload: JSON.stringify([{ kind: 'text', text: 'Your application CD-2023-0001 was approved.' }]),
      replaces: null,
      status: 'pending' as const,
      next_attempt_at: nowIso,
      last_error: null,
      external_ref: null,
      created_at: nowIso,
      delivered_at: null,
    });
    await t.deps.db
      .insertInto('outbox')
      .values([
        row('ws-ngo', { platform: 'slack', kind: 'user', address: 'U0NGOUSER', scope: NGO.teamId }),
        row('ws-home-card', { platform: 'slack', kind: 'channel', address: 'C0REVIEWS' }),
      ])
      .execute();
    await t.drainOutbox();
    expect(bearer('conversations.open')).toEqual([`Bearer ${NGO.token}`]);
    const posts = api.calls('chat.postMessage').map((c) => [c.body.channel, c.authorization]);
    expect(posts).toEqual(
      expect.arrayContaining([
        ['D0NGOUSER', `Bearer ${NGO.token}`],
        ['C0REVIEWS', `Bearer ${HOME_TOKEN}`],
      ]),
    );
  });
});

describe('uninstall and revocation', () => {
  it('app_uninstalled deletes the token, fails queued messages for that workspace with the reason, and refuses its events', async () => {
    const nowIso = t.clock.now().toISOString();
    await t.deps.db
      .insertInto('outbox')
      .values({
        id: crypto.randomUUID(),
        dedupe_key: 'queued-ngo',
        platform: 'slack',
        recipient: JSON.stringify({ platform: 'slack', kind: 'user', address: 'U0NGOUSER', scope: NGO.teamId }),
        purpose: 'decision_notice',
        payload: '[]',
        replaces: null,
        status: 'pending',
        next_attempt_at: '2099-01-01T00:00:00.000Z',
        last_error: null,
        external_ref: null,
        created_at: nowIso,
        delivered_at: null,
      })
      .execute();
    api.uninstall(NGO.teamId);
    expect((await event(NGO.teamId, 'app_uninstalled')).status).toBe(200);

    const inst = await t.deps.db.selectFrom('installations').selectAll().where('id', '=', `slack:${NGO.teamId}`).executeTakeFirstOrThrow();
    expect([inst.status, inst.token_enc, inst.status_reason]).toEqual(['uninstalled', null, 'app_uninstalled']);
    const queued = await t.deps.db
      .selectFrom('outbox')
      .select(['status', 'last_error'])
      .where('dedupe_key', '=', 'queued-ngo')
      .executeTakeFirstOrThrow();
    expect(queued.status).toBe('failed');
    expect(queued.last_error).toMatch(/T0NGOHELP.*uninstalled/);

    await dm(NGO.teamId, 'U0NGOUSER', 'hello?');
    expect(api.calls().filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(lines.some((l) => l.includes('slack.workspace_refused') && l.includes('uninstalled'))).toBe(true);
    // The other workspace is untouched.
    await dm(UNI.teamId, 'U0UNIUSER', 'when is the deadline?');
    expect(bearer('chat.postMessage')).toEqual([`Bearer ${UNI.token}`]);
  });

  it('tokens_revoked for the bot removes the workspace token; a revocation of user tokens only is ignored', async () => {
    await event(UNI.teamId, 'tokens_revoked', { tokens: { oauth: ['U0UNIUSER'] } });
    expect(
      (await t.deps.db.selectFrom('installations').select('status').where('id', '=', `slack:${UNI.teamId}`).executeTakeFirstOrThrow())
        .status,
    ).toBe('active');
    await event(UNI.teamId, 'tokens_revoked', { tokens: { bot: [UNI.botUserId] } });
    expect(
      (await t.deps.db.selectFrom('installations').select('status').where('id', '=', `slack:${UNI.teamId}`).executeTakeFirstOrThrow())
        .status,
    ).toBe('uninstalled');
  });
});
