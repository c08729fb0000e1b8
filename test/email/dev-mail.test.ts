/**
 * Without SMTP_URL: `npm start` still works end to end. Emails are kept for /dev/mail in
 * development (shown as text, nothing interpreted), the log says only that one was kept, and
 * in production there is no /dev/mail at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { loadConfig } from '../../server/config';
import { createTestApp, type TestApp } from '../support/harness';
import { codeIn, textOf, WebClient } from '../web/support';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the development mailbox', () => {
  it('shows each email at /dev/mail and logs no address', async () => {
    const lines: string[] = [];
    t = await createTestApp({ env: { NODE_ENV: 'development' }, log: createLogger('info', (l) => lines.push(l)) });
    const web = new WebClient(t);
    const page = await web.get('/apply?again=1');
    await web.submit(page.html, '/apply/sign-in', { email: 'zoe<b>@ngo.example' });
    await web.submit((await web.get('/apply?again=1')).html, '/apply/sign-in', { email: 'zoe@ngo.example' });
    await t.drainOutbox();
    const box = await web.get('/dev/mail');
    expect(box.status).toBe(200);
    const code = codeIn(textOf(box.html));
    expect(textOf(box.html)).toContain('To zoe@ngo.example');
    const signedIn = await web.submit((await web.get('/apply/code')).html, '/apply/code', { code });
    expect(signedIn.location).toBe('/my');
    expect(lines.join('\n')).toContain('email_kept_for_dev_mail');
    expect(lines.join('\n')).not.toContain('zoe@');
  });

  it('does not exist in production', async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) } });
    expect((await t.app.request('/dev/mail')).status).toBe(404);
  });
});

describe('mail settings', () => {
  it('accepts smtp:// and smtps:// with MAIL_FROM, and says what is wrong otherwise', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@smtp.example.org:465', MAIL_FROM: 'Desk <d@example.org>' }).SMTP_URL).toBe(
      'smtps://u:p@smtp.example.org:465',
    );
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.example.org', MAIL_FROM: 'd@example.org' })).toThrow(
      /SMTP_URL: must look like smtp:\/\//,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://smtp.example.org:587' })).toThrow(/MAIL_FROM: is required with SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(loadConfig({}).WEB_APPLY).toBe(true);
    expect(loadConfig({ WEB_APPLY: 'false' }).WEB_APPLY).toBe(false);
  });
});
