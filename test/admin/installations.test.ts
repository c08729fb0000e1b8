/**
 * The Installations page: other organisations' workspaces, who installed them and when, the home
 * workspace, and an administrator's disable/enable (audited, CSRF-checked, administrators only).
 * Tokens are stored encrypted and never appear on the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../db/secrets';
import { removeSlackTokens, saveSlackInstallation, slackTokenFor } from '../../db/store/installations';
import { Visitor, addUser, createAdminTestApp, type AdminTestApp } from './support';

const KEY = 'an installation token key of 32+ characters';
const cipher = createTokenCipher(KEY);
let t: AdminTestApp;

beforeEach(async () => {
  t = await createAdminTestApp({ env: { SESSION_SECRET: 's'.repeat(40) } });
  const now = t.clock.now().toISOString();
  await saveSlackInstallation(
    t.deps.db,
    t.deps.atomic,
    cipher,
    {
      teamId: 'T0NGOHELP',
      teamName: 'NGO Helpdesk',
      enterpriseId: null,
      isEnterpriseInstall: false,
      botUserId: 'U0BOTNGO',
      appId: 'A0DESK',
      scopes: 'chat:write,commands',
      token: 'xoxb-ngo-helpdesk-secret',
      installedBy: 'U0NGOADMIN',
    },
    now,
  );
});
afterEach(async () => {
  await t.close();
});

async function signedIn(): Promise<Visitor> {
  const v = new Visitor(t.web);
  await v.signIn();
  return v;
}

describe('installations page', () => {
  it('lists the workspace, who installed it and when, and never the token', async () => {
    const v = await signedIn();
    const res = await v.get('/admin/installations');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('NGO Helpdesk');
    expect(html).toContain('T0NGOHELP');
    expect(html).toContain('U0NGOADMIN');
    expect(html).toContain('Active');
    expect(html).not.toContain('xoxb-');
    const row = await t.deps.db.selectFrom('installations').select('token_enc').executeTakeFirstOrThrow();
    expect(row.token_enc).not.toContain('xoxb');
  });

  it('disables and enables a workspace, audited, and a disabled workspace gets no token', async () => {
    const v = await signedIn();
    await v.get('/admin/installations');
    const off = await v.post('/admin/installations/status', { id: 'slack:T0NGOHELP', to: 'disabled' });
    expect(off.status).toBe(303);
    expect(await slackTokenFor(t.deps.db, cipher, 'T0NGOHELP', null)).toEqual({
      kind: 'refused',
      installationId: 'slack:T0NGOHELP',
      status: 'disabled',
    });
    await v.get('/admin/installations');
    expect(v.lastHtml).toContain('Disabled by an administrator');
    await v.post('/admin/installations/status', { id: 'slack:T0NGOHELP', to: 'active' });
    expect(await slackTokenFor(t.deps.db, cipher, 'T0NGOHELP', null)).toMatchObject({ kind: 'token', token: 'xoxb-ngo-helpdesk-secret' });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'installation')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['installation.install', 'installation.disable', 'installation.enable']);
  });

  it('refuses a change without the CSRF token, from a secretariat user, or for an unknown or uninstalled workspace', async () => {
    const v = await signedIn();
    await v.get('/admin/installations');
    expect((await v.post('/admin/installations/status', { id: 'slack:T0NGOHELP', to: 'disabled' }, { csrf: false })).status).toBe(403);
    expect((await v.post('/admin/installations/status', { id: 'slack:T0NOBODY', to: 'disabled' })).status).toBe(404);
    await v.get('/admin/installations');
    expect((await v.post('/admin/installations/status', { id: "slack:T0'; drop", to: 'disabled' })).status).toBe(400);
    expect(await slackTokenFor(t.deps.db, cipher, 'T0NGOHELP', null)).toMatchObject({ kind: 'token' });
    await removeSlackTokens(t.deps.db, t.deps.atomic, 'T0NGOHELP', null, 'app_uninstalled', t.clock.now().toISOString());
    await v.get('/admin/installations');
    expect(v.lastHtml).toContain('Uninstalled (the workspace removed the app');
    expect((await v.post('/admin/installations/status', { id: 'slack:T0NGOHELP', to: 'active' })).status).toBe(409);

    await addUser(t, 'sec@example.org', 'secretariat');
    const sec = new Visitor(t.web);
    await sec.signIn('sec@example.org', 'another long password');
    expect((await sec.get('/admin/installations')).status).toBe(403);
    await sec.get('/admin');
    expect(sec.lastHtml).not.toContain('/admin/installations');
  });

  it('has no accessibility violations that axe finds without a layout engine', async () => {
    const v = await signedIn();
    const html = await (await v.get('/admin/installations')).text();
    const dom = new JSDOM(html, { runScripts: 'outside-only' });
    dom.window.eval(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const axe = (
      dom.window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string }[] }> } }
    ).axe;
    const result = await axe.run(dom.window.document, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);
  });
});

describe('token storage', () => {
  it('opens a token only for its own row and with its own key', async () => {
    const row = await t.deps.db.selectFrom('installations').select(['id', 'token_enc']).executeTakeFirstOrThrow();
    expect(await cipher.open(row.id, row.token_enc!)).toBe('xoxb-ngo-helpdesk-secret');
    expect(await cipher.open('slack:T0OTHER', row.token_enc!)).toBeNull();
    expect(await createTokenCipher('another key that is long enough 1234').open(row.id, row.token_enc!)).toBeNull();
  });

  it('finds an org-wide install for a workspace of that org', async () => {
    await saveSlackInstallation(
      t.deps.db,
      t.deps.atomic,
      cipher,
      {
        teamId: 'T0GRIDA',
        teamName: 'Grid org',
        enterpriseId: 'E0GRID',
        isEnterpriseInstall: true,
        botUserId: 'U0BOTGRID',
        appId: 'A0DESK',
        scopes: 'chat:write',
        token: 'xoxb-grid-org',
        installedBy: 'U0GRIDADMIN',
      },
      t.clock.now().toISOString(),
    );
    expect(await slackTokenFor(t.deps.db, cipher, 'T0GRIDB', 'E0GRID')).toMatchObject({
      kind: 'token',
      token: 'xoxb-grid-org',
      installationId: 'slack:E0GRID',
    });
    expect(await slackTokenFor(t.deps.db, cipher, 'T0UNKNOWN', null)).toEqual({ kind: 'none' });
  });
});
