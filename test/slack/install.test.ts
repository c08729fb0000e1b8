/**
 * "Add to Slack" against the fake Slack Web API: the install page and its single-use state, the
 * code exchange at oauth.v2.access, one encrypted token per workspace, and every way the redirect
 * is refused (forged, replayed, expired or foreign state; Slack's error; the person cancelling) —
 * each with a clear page, a log line without secrets, and nothing stored.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { createSlackInstallApp, installationCipher } from '../../server/slack-install';
import { slackTokenFor } from '../../db/store/installations';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { SECRET } from './support';

const PUBLIC = 'https://desk.example.org';
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
});
afterEach(async () => {
  await t.close();
  api.reset();
});

/** Opens the install page like a browser: the state in the button's link and in a cookie. */
async function startInstall(app = t.app) {
  const res = await app.request('/slack/install', { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
  const html = await res.text();
  const href = html.match(/href="([^"]+oauth\/v2\/authorize[^"]+)"/)![1]!.replaceAll('&amp;', '&');
  const state = new URL(href).searchParams.get('state')!;
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('slack_install_state='))!;
  return { res, html, href: new URL(href), state, cookie: cookie.split(';')[0]! };
}

function redirect(query: Record<string, string>, cookie?: string, app = t.app) {
  return app.request(`/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {} });
}

const rows = () => t.deps.db.selectFrom('installations').selectAll().execute();

describe('install page', () => {
  it("offers Add to Slack with the manifest's scopes, our redirect URL and a state bound to the browser", async () => {
    const { res, html, href, state, cookie } = await startInstall();
    expect(res.status).toBe(200);
    expect(html).toContain('Add to Slack');
    expect(href.origin + href.pathname).toBe(new URL('../oauth/v2/authorize', api.url).toString());
    expect(href.searchParams.get('client_id')).toBe('1111111111.2222222222');
    expect(href.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['chat:write', 'commands', 'im:history', 'users:read.email']),
    );
    expect(href.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/slack/oauth_redirect`);
    expect(cookie).toBe(`slack_install_state=${state}`);
    expect(res.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie()[0]).toMatch(/Secure/i);
  });

  it("speaks the browser's language", async () => {
    const html = await (await t.app.request('/slack/install', { headers: { 'accept-language': 'fr-CH,fr;q=0.9' } })).text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain('Ajouter à Slack');
  });
});

describe('oauth redirect', () => {
  it('installs two workspaces, each keeping its own token, encrypted', async () => {
    const a = await startInstall();
    const done = await redirect({ code: 'code-ngo', state: a.state }, a.cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('NGO Helpdesk');
    const b = await startInstall();
    expect((await redirect({ code: 'code-uni', state: b.state }, b.cookie)).status).toBe(200);

    const exchange = api.calls('oauth.v2.access');
    expect(exchange).toHaveLength(2);
    expect(exchange[0]!.authorization).toBe(`Basic ${btoa('1111111111.2222222222:fake-client-secret')}`);
    expect(exchange[0]!.body.redirect_uri).toBe(`${PUBLIC}/slack/oauth_redirect`);

    const stored = await rows();
    expect(stored.map((r) => [r.id, r.team_name, r.installed_by, r.status])).toEqual([
      ['slack:T0NGOHELP', 'NGO Helpdesk', 'U0NGOADMIN', 'active'],
      ['slack:T0UNIVIE', 'University of Vienna', 'U0UNIADMIN', 'active'],
    ]);
    for (const r of stored) expect(r.token_enc).not.toContain('xoxb');
    const cipher = installationCipher(t.config)!;
    expect(await slackTokenFor(t.deps.db, cipher, 'T0NGOHELP', null)).toMatchObject({ kind: 'token', token: NGO.token });
    expect(await slackTokenFor(t.deps.db, cipher, 'T0UNIVIE', null)).toMatchObject({ kind: 'token', token: UNI.token });
    expect(lines.join('\n')).not.toMatch(/xoxb-|code-ngo|fake-client-secret/);
    expect(lines.join('\n')).not.toContain(a.state);
  });

  it('refuses a replayed state: the second use installs nothing and asks nothing of Slack', async () => {
    const a = await startInstall();
    expect((await redirect({ code: 'code-ngo', state: a.state }, a.cookie)).status).toBe(200);
    const again = await redirect({ code: 'code-uni', state: a.state }, a.cookie);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('no longer valid');
    expect(api.calls('oauth.v2.access')).toHaveLength(1);
    expect((await rows()).map((r) => r.id)).toEqual(['slack:T0NGOHELP']);
    expect(lines.some((l) => l.includes('"slack.install_refused"') && l.includes('already_used'))).toBe(true);
  });

  it('refuses a forged state, a state without its cookie, and a missing code', async () => {
    const a = await startInstall();
    const [h, p, sig] = a.state.split('.');
    const forged = `${h}.${p}.${sig!.slice(0, -4)}AAAA`;
    expect((await redirect({ code: 'code-ngo', state: forged }, `slack_install_state=${forged}`)).status).toBe(400);
    expect((await redirect({ code: 'code-ngo', state: a.state })).status).toBe(400);
    expect((await redirect({ code: 'code-ngo', state: a.state }, 'slack_install_state=somebody-else')).status).toBe(400);
    expect((await redirect({ state: a.state }, a.cookie)).status).toBe(400);
    expect(api.calls('oauth.v2.access')).toHaveLength(0);
    expect(await rows()).toEqual([]);
    const reasons = lines.filter((l) => l.includes('install_refused')).map((l) => JSON.parse(l).reason);
    expect(reasons).toEqual(['bad_signature', 'cookie_mismatch', 'cookie_mismatch', 'missing_code_or_state']);
    // The state was never used: it still works once.
    expect((await redirect({ code: 'code-ngo', state: a.state }, a.cookie)).status).toBe(200);
  });

  it('refuses a state older than 10 minutes', async () => {
    let now = Date.now();
    const app = createSlackInstallApp(t.deps, { now: () => now });
    const a = await startInstall(app);
    now += 10 * 60_000 + 1_000;
    const res = await redirect({ code: 'code-ngo', state: a.state }, a.cookie, app);
    expect(res.status).toBe(400);
    expect(lines.some((l) => l.includes('install_refused') && l.includes('"expired"'))).toBe(true);
    expect(await rows()).toEqual([]);
  });

  it('says so when Slack refuses the code, and stores nothing', async () => {
    const a = await startInstall();
    const res = await redirect({ code: 'not-a-code', state: a.state }, a.cookie);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('Slack did not confirm the installation');
    expect(lines.some((l) => l.includes('slack.install_failed') && l.includes('invalid_code'))).toBe(true);
    expect(await rows()).toEqual([]);
  });

  it("treats Cancel on Slack's page as a cancelled installation", async () => {
    const a = await startInstall();
    const res = await redirect({ error: 'access_denied', state: a.state }, a.cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Installation cancelled');
    expect(await rows()).toEqual([]);
  });

  it('keeps an org-wide (Enterprise Grid) install under the org id', async () => {
    api.addWorkspace('code-grid', {
      teamId: 'T0GRIDA',
      teamName: '',
      token: 'xoxb-grid-0003',
      botUserId: 'U0BOTGRID',
      installer: 'U0GRIDADMIN',
      enterprise: { id: 'E0GRID', name: 'Grid NGO network' },
      isEnterpriseInstall: true,
    });
    const a = await startInstall();
    expect((await redirect({ code: 'code-grid', state: a.state }, a.cookie)).status).toBe(200);
    expect((await rows()).map((r) => [r.id, r.team_name, r.enterprise_id])).toEqual([['slack:E0GRID', 'Grid NGO network', 'E0GRID']]);
    expect(await slackTokenFor(t.deps.db, installationCipher(t.config)!, 'T0ANYWS', 'E0GRID')).toMatchObject({
      kind: 'token',
      token: 'xoxb-grid-0003',
    });
  });
});
