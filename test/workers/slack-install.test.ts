/**
 * "Add to Slack" inside workerd: the same install routes as on Node, with their state and the
 * encrypted installation on D1, the HKDF/JWE/JWT work in workerd's Web Crypto, and the code
 * exchanged by fetch at the fake Slack's oauth.v2.access.
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../domain/clock';
import { loadConfig } from '../../server/config';
import type { AppRoot } from '../../server/root';
import { silentLogger } from '../../server/log';
import { createSlackInstallApp, installationCipher } from '../../server/slack-install';
import { openD1 } from '../../server/worker-setup';
import { slackTokenFor } from '../../db/store/installations';
import { control } from './support';

const { db, atomic } = openD1(env.DB);
const vars = env as unknown as Record<string, string>;
const config = loadConfig({
  NODE_ENV: 'test',
  SLACK_SIGNING_SECRET: vars.SLACK_SIGNING_SECRET!,
  SLACK_API_URL: vars.SLACK_API_URL!,
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'fake-client-secret',
  SESSION_SECRET: vars.SESSION_SECRET!,
  PUBLIC_URL: 'https://desk.example.test',
});
const deps = { config, db, atomic, clock: manualClock(new Date('2023-01-20T09:00:00Z')), log: silentLogger } as unknown as AppRoot;
const app = createSlackInstallApp(deps);

afterEach(() => control('/reset', {}));

async function startInstall() {
  const res = await app.request('/slack/install');
  const href = (await res.text()).match(/href="([^"]+oauth\/v2\/authorize[^"]+)"/)![1]!.replaceAll('&amp;', '&');
  const state = new URL(href).searchParams.get('state')!;
  return { state, cookie: `slack_install_state=${state}` };
}

const redirect = (code: string, state: string, cookie: string) =>
  app.request(`/slack/oauth_redirect?${new URLSearchParams({ code, state })}`, { headers: { cookie } });

describe('Add to Slack on Workers', () => {
  it('installs a workspace once, its token encrypted in D1, and refuses the replayed state', async () => {
    await control('/slack/workspace', {
      code: 'code-w1',
      workspace: { teamId: 'T0WORKERS', teamName: 'Workers NGO', token: 'xoxb-workers-ngo-1', botUserId: 'U0BOTW', installer: 'U0ADMINW' },
    });
    const { state, cookie } = await startInstall();
    const done = await redirect('code-w1', state, cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Workers NGO');

    const row = await db.selectFrom('installations').selectAll().where('id', '=', 'slack:T0WORKERS').executeTakeFirstOrThrow();
    expect(row.token_enc).not.toContain('xoxb');
    expect(await slackTokenFor(db, installationCipher(config)!, 'T0WORKERS', null)).toMatchObject({
      kind: 'token',
      token: 'xoxb-workers-ngo-1',
    });

    expect((await redirect('code-w1', state, cookie)).status).toBe(400);
    expect(await control<unknown[]>('/slack/calls?method=oauth.v2.access')).toHaveLength(1);
  });

  it("refuses a forged state and Slack's error, storing nothing", async () => {
    const { state } = await startInstall();
    const forged = `${state.slice(0, -4)}AAAA`;
    expect((await redirect('code-x', forged, `slack_install_state=${forged}`)).status).toBe(400);
    const fresh = await startInstall();
    expect((await redirect('no-such-code', fresh.state, fresh.cookie)).status).toBe(502);
    expect(await db.selectFrom('installations').select('id').where('id', '=', 'slack:T0NOPE').execute()).toEqual([]);
  });
});
