/**
 * Email sign-in for applicants against a real SMTP server: the code by email, its limits, its
 * single use, the applicant session, and an SMTP outage that loses nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { createTestApp, type TestApp } from '../support/harness';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { codeIn, textOf, WebClient } from './support';

let smtp: TestSmtp;
let t: TestApp;
let logLines: string[];

async function setup(mode: Parameters<typeof startSmtp>[0] = 'accept') {
  smtp = await startSmtp(mode);
  logLines = [];
  t = await createTestApp({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Dialogue Desk <dialogues@example.org>', SESSION_SECRET: 'x'.repeat(40) },
    log: createLogger('debug', (l) => logLines.push(l)),
  });
}

afterEach(async () => {
  await t?.close();
  await smtp?.close();
});

async function askForCode(web: WebClient, email: string) {
  const page = await web.get('/apply?again=1');
  expect(page.status).toBe(200);
  return web.submit(page.html, '/apply/sign-in', { email });
}

describe('sign-in with a code sent by email', () => {
  beforeEach(() => setup());

  it('sends a six-digit code, keeps only its hash, and signs the person in once', async () => {
    const web = new WebClient(t);
    const asked = await askForCode(web, '  Ana.Lima@NGO.example ');
    expect(asked.status).toBe(303);
    expect(asked.location).toBe('/apply/code');
    await t.drainOutbox();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to && 'value' in mail!.to ? mail!.to.value[0]!.address : '').toBe('ana.lima@ngo.example');
    expect(mail!.html).toBeTruthy();
    const code = codeIn(mail!.text ?? '');

    const row = await t.deps.db.selectFrom('sign_in_codes').selectAll().executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    // The outbox copy of the email is emptied once sent.
    const outbox = await t.deps.db.selectFrom('outbox').selectAll().where('purpose', '=', 'sign_in_code').executeTakeFirstOrThrow();
    expect(outbox.status).toBe('delivered');
    expect(outbox.payload).toBe('[]');

    const codePage = await web.get('/apply/code');
    expect(textOf(codePage.html)).toContain('ana.lima@ngo.example');
    const signedIn = await web.submit(codePage.html, '/apply/code', { code });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/my');
    const cookie = signedIn.setCookies.find((c) => c.startsWith('dd_applicant='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const my = await web.get('/my');
    expect(my.status).toBe(200);
    expect(textOf(my.html)).toContain('Signed in as ana.lima@ngo.example');

    // Used once: the same code again (from a fresh browser with the same pending code) is refused.
    const other = new WebClient(t);
    other.cookies.set(
      'dd_applicant_code',
      web.cookies.get('dd_applicant_code') ?? (await t.deps.db.selectFrom('sign_in_codes').select('id').executeTakeFirstOrThrow()).id,
    );
    const again = await other.get('/apply/code');
    const reused = await other.submit(again.html, '/apply/code', { code });
    expect(reused.status).toBe(410);
    expect(textOf(reused.html)).toContain('cannot be used any more');
    // An admin session is something else entirely.
    expect((await web.get('/admin')).status).not.toBe(200);
  });

  it('voids a code after five wrong tries', async () => {
    const web = new WebClient(t);
    await askForCode(web, 'ben@uni.example');
    await t.drainOutbox();
    const code = codeIn((await smtp.waitFor(1))[0]!.text ?? '');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const page = await web.get('/apply/code');
      const res = await web.submit(page.html, '/apply/code', { code: wrong });
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain(left === 1 ? 'You have 1 more try' : `You have ${left} more tries`);
    }
    const fifth = await web.submit((await web.get('/apply/code')).html, '/apply/code', { code: wrong });
    expect(textOf(fifth.html)).toContain('tried five times');
    const right = await web.submit((await web.get('/apply/code')).html, '/apply/code', { code });
    expect(right.status).toBe(410);
    expect(right.setCookies.some((c) => c.startsWith('dd_applicant='))).toBe(false);
  });

  it('refuses a sixth code for the same address within the hour, with a clear message', async () => {
    const web = new WebClient(t);
    for (let i = 0; i < 5; i++) expect((await askForCode(web, 'cara@firm.example')).status).toBe(303);
    const sixth = await askForCode(web, 'CARA@firm.example');
    expect(sixth.status).toBe(429);
    expect(textOf(sixth.html)).toContain('five codes for this address in the last hour');
    await t.drainOutbox();
    expect(smtp.mails).toHaveLength(5);
    // An hour later it works again.
    t.clock.advance(61 * 60 * 1000);
    expect((await askForCode(web, 'cara@firm.example')).status).toBe(303);
  });

  it('answers malformed and huge addresses with 400 and a message, and records nothing', async () => {
    const web = new WebClient(t);
    const bad = await askForCode(web, 'not an address');
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('does not look like an email address');
    const huge = await askForCode(web, `${'a'.repeat(300)}@example.org`);
    expect(huge.status).toBe(400);
    expect(textOf(huge.html)).toContain('at most 254 characters');
    const enormous = await web.request('/apply/sign-in', { form: { email: 'x'.repeat(200_000) } });
    expect(enormous.status).toBe(413);
    expect(await t.deps.db.selectFrom('sign_in_codes').selectAll().execute()).toHaveLength(0);
  });

  it('says the same for an address it knows and one it has never seen', async () => {
    const first = new WebClient(t);
    await askForCode(first, 'dan@ngo.example');
    await t.drainOutbox();
    await first.submit((await first.get('/apply/code')).html, '/apply/code', { code: codeIn(smtp.mails[0]!.text ?? '') });
    const known = new WebClient(t);
    const a = await askForCode(known, 'dan@ngo.example');
    const unknown = new WebClient(t);
    const b = await askForCode(unknown, 'eve@ngo.example');
    expect([a.status, a.location]).toEqual([b.status, b.location]);
    const pa = textOf((await known.get('/apply/code')).html).replace('dan@ngo.example', 'X');
    const pb = textOf((await unknown.get('/apply/code')).html).replace('eve@ngo.example', 'X');
    expect(pa).toBe(pb);
  });

  it('refuses a sign-in form without its token or from another site, and changes nothing', async () => {
    const web = new WebClient(t);
    await web.get('/apply');
    const noToken = await web.request('/apply/sign-in', { form: { email: 'fay@ngo.example' } });
    expect(noToken.status).toBe(403);
    const page = await web.get('/apply');
    const crossSite = await web.request('/apply/sign-in', {
      form: { ...Object.fromEntries([['_csrf', /name="_csrf" value="([^"]+)"/.exec(page.html)![1]!]]), email: 'fay@ngo.example' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(await t.deps.db.selectFrom('sign_in_codes').selectAll().execute()).toHaveLength(0);
  });

  it('writes neither the address nor the code to the log', async () => {
    const web = new WebClient(t);
    await askForCode(web, 'gus@ngo.example');
    await t.drainOutbox();
    const code = codeIn(smtp.mails[0]!.text ?? '');
    await web.submit((await web.get('/apply/code')).html, '/apply/code', { code });
    const log = logLines.join('\n');
    expect(log).toContain('sign_in_code_queued');
    expect(log).toContain('applicant_signed_in');
    expect(log).not.toContain('gus@');
    expect(log).not.toContain(code);
  });
});

describe('when the mail server is down', () => {
  beforeEach(() => setup({ deferTimes: 1 }));

  it('keeps the code in the outbox, says mail is delayed, and sends it when the server is back', async () => {
    const web = new WebClient(t);
    await askForCode(web, 'hana@ngo.example');
    await t.drainOutbox();
    expect(smtp.mails).toHaveLength(0);
    const page = await web.get('/apply/code');
    expect(textOf(page.html)).toContain('Sending email is delayed');
    t.clock.advance(5 * 60 * 1000);
    await t.drainOutbox();
    const [mail] = await smtp.waitFor(1);
    const signedIn = await web.submit((await web.get('/apply/code')).html, '/apply/code', { code: codeIn(mail!.text ?? '') });
    expect(signedIn.location).toBe('/my');
  });
});

describe('in the reader’s language', () => {
  beforeEach(() => setup());

  it('speaks French or Spanish when the browser asks for it, and English otherwise', async () => {
    const fr = new WebClient(t);
    const page = await fr.request('/apply?again=1', { headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' } });
    expect(page.html).toContain('<html lang="fr" dir="ltr">');
    expect(textOf(page.html)).toContain('Envoyez-moi un code');
    const bad = await fr.request('/apply/sign-in', {
      form: { ...Object.fromEntries([['_csrf', /name="_csrf" value="([^"]+)"/.exec(page.html)![1]!]]), email: 'pas une adresse' },
      headers: { 'accept-language': 'fr' },
    });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Cela ne ressemble pas à une adresse électronique');
    const es = await new WebClient(t).request('/apply', { headers: { 'accept-language': 'de-DE, es;q=0.5' } });
    expect(textOf(es.html)).toContain('Enviarme un código');
    const other = await new WebClient(t).request('/apply', { headers: { 'accept-language': 'de-DE' } });
    expect(other.html).toContain('<html lang="en" dir="ltr">');
  });
});
