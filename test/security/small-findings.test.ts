/**
 * Findings 8 and 10: an FAQ source URL that smuggled a channel ping and a spoofed link; a
 * sign-in target with CR/LF that gave a 500 after the password was accepted; the Teams tab
 * configuration page that reflected the Host header; Teams activities from other tenants.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { ADMIN, createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { computeSignature } from '../../bot/slack/verify';
import { activity, rig } from '../teams/support';
import { fixture } from '../slack/support';
import { safeLinkUrl } from '../../domain/links';

let api: FakeSlackApi;
let fake: FakeBotFramework;
let t: AdminTestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
  fake = await FakeBotFramework.start();
});
afterAll(async () => {
  await api.close();
  await fake.stop();
});
afterEach(async () => {
  await t?.close();
  api.reset();
  fake.reset();
});

const SECRET = 'small-findings-secret-0123456789';
const EVIL_URL = 'https://example.org/a><!channel><https://evil.example|Official notice';

describe('FAQ source URLs', () => {
  it('are refused in the admin panel unless plain http(s) addresses, and a stored bad one is never a link', async () => {
    t = await createAdminTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-small', SLACK_API_URL: api.url } });
    const admin = new Visitor(t.app);
    await admin.signIn(ADMIN.email, ADMIN.password);
    const before = await t.deps.db.selectFrom('faq_entries').select('id').execute();
    for (const url of [EVIL_URL, 'javascript:alert(1)', 'https://example.org/a b', 'https://example.org/a|b', 'ftp://example.org/']) {
      await admin.get('/admin/faq/new');
      const res = await admin.post('/admin/faq/new', {
        question: 'Is there interpretation?',
        answer: 'Yes, into French and Spanish.',
        source: 'Call text, section 4',
        source_url: url,
        variants: '',
      });
      expect(res.status, url).toBe(400);
      expect(await res.text()).toContain('web address');
    }
    expect(await t.deps.db.selectFrom('faq_entries').select('id').execute()).toHaveLength(before.length);
    expect(safeLinkUrl('https://www.unodc.org/unodc/en/organized-crime/constructive-dialogues.html')).not.toBeNull();

    // Written before the rule (or by hand): the bot names the source without a link or a ping.
    const now = t.clock.now().toISOString();
    await t.deps.db
      .insertInto('faq_entries')
      .values({
        id: 'faq-evil',
        call_id: null,
        question: 'Is there interpretation into Russian?',
        variants: '[]',
        answer: 'Russian interpretation is not provided.',
        source: 'Secretariat',
        source_url: EVIL_URL,
        topic: null,
        archived: 0,
        updated_at: now,
      })
      .execute();
    const body = JSON.stringify({
      ...fixture<any>('event_message_im.json'),
      event_id: 'EvFAQ1',
      event: { ...fixture<any>('event_message_im.json').event, text: 'Is there interpretation into Russian?' },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    await t.app.request('/slack/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': await computeSignature(SECRET, ts, body),
      },
      body,
    });
    await t.settle();
    const said = JSON.stringify(api.calls('chat.postMessage').map((c) => [c.body.text, c.body.blocks]));
    expect(said).toContain('Russian interpretation is not provided');
    expect(said).not.toContain('<!channel>');
    expect(said).not.toContain('<https://evil');
  });
});

describe('sign-in targets', () => {
  it('refuses a next= with CR/LF: the sign-in succeeds and lands on the dashboard, never a 500', async () => {
    t = await createAdminTestApp();
    const v = new Visitor(t.app);
    await v.get('/admin/login?next=/admin/%0D%0ASet-Cookie:%20x=1');
    expect(v.lastHtml).not.toContain('Set-Cookie');
    const res = await v.post('/admin/login', { email: ADMIN.email, password: ADMIN.password, next: '/admin/\r\nSet-Cookie: x=1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/x=1/);
  });
});

describe('Teams tab configuration and tenants', () => {
  it('points the admin tab at PUBLIC_URL, never at the Host header; without it the page says what is missing', async () => {
    const withUrl = await rig(fake, { env: { PUBLIC_URL: 'https://desk.example.org' } });
    const html = await (await withUrl.routes.request('http://evil.example/teams/tab/config', { headers: { host: 'evil.example' } })).text();
    expect(html).toContain('https://desk.example.org/admin');
    expect(html).not.toContain('evil.example');
    await withUrl.close();

    const without = await rig(fake, { env: { PUBLIC_URL: '' } });
    const res = await without.routes.request('http://evil.example/teams/tab/config', { headers: { host: 'evil.example' } });
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain('evil.example');
    await without.close();
  });

  it('refuses activities from another tenant when TEAMS_TENANT_ID is set, and does nothing with them', async () => {
    const r = await rig(fake);
    const other = activity('message_personal', fake, {
      conversation: { conversationType: 'personal', tenantId: '00000000-1111-2222-3333-444444444444', id: 'a:other' },
      channelData: { tenant: { id: '00000000-1111-2222-3333-444444444444' } },
    });
    const res = await r.post(other);
    expect(res.status).toBe(403);
    await r.settle();
    expect(r.engine.events).toEqual([]);
    expect(await r.sqlite.db.selectFrom('conversations').selectAll().execute()).toEqual([]);
    const own = await r.post(activity('message_personal', fake));
    expect(own.status).toBe(200);
    await r.close();
  });
});
