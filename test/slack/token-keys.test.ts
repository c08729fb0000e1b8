/**
 * Changing the key that seals installed workspaces' tokens: with the old key as
 * SLACK_TOKEN_KEY_PREVIOUS, every workspace keeps working, and the scheduled job seals each token
 * again with the new key (once, audited with a count and nothing else), so the old key can go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../db/secrets';
import { saveSlackInstallation, slackTokenFor } from '../../db/store/installations';
import { ConfigError, loadConfig } from '../../server/config';
import { installationCipher } from '../../server/slack-install';
import { createTestApp, type TestApp } from '../support/harness';
import { SECRET } from './support';

const OLD = 'the token key the workspaces were installed with';
const NEW = 'the new token key after the yearly rotation 2024';
const NGO = {
  teamId: 'T0NGOHELP',
  teamName: 'NGO Helpdesk',
  enterpriseId: null,
  isEnterpriseInstall: false,
  botUserId: 'U0BOTNGO',
  appId: 'A0DESK',
  scopes: 'chat:write,commands,im:history',
  token: 'xoxb-ngo-helpdesk-0001',
  installedBy: 'U0NGOADMIN',
};

const oauthEnv = {
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'fake-client-secret',
  SESSION_SECRET: 'a session secret of at least thirty-two characters',
  PUBLIC_URL: 'https://desk.example.org',
};

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function sealedToken(id: string): Promise<string | null> {
  const row = await t.deps.db.selectFrom('installations').select('token_enc').where('id', '=', id).executeTakeFirstOrThrow();
  return row.token_enc;
}

async function resealAudits() {
  return t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'installation.tokens_resealed').execute();
}

describe('a new token key, with the previous one still configured', () => {
  it('keeps every workspace working and seals its token again with the new key, once', async () => {
    t = await createTestApp({ env: { ...oauthEnv, SLACK_TOKEN_KEY: NEW, SLACK_TOKEN_KEY_PREVIOUS: OLD } });
    const id = await saveSlackInstallation(t.deps.db, t.deps.atomic, createTokenCipher(OLD), NGO, new Date().toISOString());
    const cipher = installationCipher(t.config)!;

    // Before the job has run: the old seal still opens, so events from the workspace are answered.
    expect(await slackTokenFor(t.deps.db, cipher, NGO.teamId, null)).toMatchObject({ kind: 'token', token: NGO.token });

    await t.built.scheduled();
    const sealed = await sealedToken(id);
    expect(await createTokenCipher(NEW).open(id, sealed!)).toBe(NGO.token);
    expect(await createTokenCipher(OLD).open(id, sealed!)).toBeNull();
    expect(sealed).not.toContain(NGO.token);

    const audits = await resealAudits();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.detail!)).toEqual({ count: 1 });
    expect(JSON.stringify(audits)).not.toContain('xoxb-');

    // Nothing left to do: the next runs change nothing and audit nothing.
    await t.built.scheduled();
    expect(await sealedToken(id)).toBe(sealed);
    expect(await resealAudits()).toHaveLength(1);
    // Without the previous key, the workspace still works.
    const newOnly = installationCipher(loadConfig({ ...oauthEnv, NODE_ENV: 'test', SLACK_TOKEN_KEY: NEW }))!;
    expect(await slackTokenFor(t.deps.db, newOnly, NGO.teamId, null)).toMatchObject({ kind: 'token', token: NGO.token });
  });

  it('leaves a token sealed with neither key as it is, unreadable, and audits nothing', async () => {
    t = await createTestApp({ env: { ...oauthEnv, SLACK_TOKEN_KEY: NEW, SLACK_TOKEN_KEY_PREVIOUS: OLD } });
    const stranger = createTokenCipher('a key this server has never been given 0123');
    const id = await saveSlackInstallation(t.deps.db, t.deps.atomic, stranger, NGO, new Date().toISOString());
    const before = await sealedToken(id);
    await t.built.scheduled();
    expect(await sealedToken(id)).toBe(before);
    expect(await resealAudits()).toHaveLength(0);
    expect(await installationCipher(t.config)!.open(id, before!)).toBeNull();
  });

  it('refuses a previous key too short to be one', () => {
    expect(() => loadConfig({ ...oauthEnv, NODE_ENV: 'test', SLACK_TOKEN_KEY: NEW, SLACK_TOKEN_KEY_PREVIOUS: 'short' })).toThrow(
      ConfigError,
    );
  });
});
