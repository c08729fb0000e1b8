/**
 * Email from the Worker: an applicant asks for a sign-in code at /apply on Workers, and
 * worker-mailer delivers it over Workers TCP sockets to a real SMTP server (started in Node by
 * the global setup), through the outbox as on Node.
 */
import { describe, expect, it } from 'vitest';
import { control, cron, request } from './support';

interface Mail {
  subject: string;
  to: string[];
  text: string;
  html: string | false;
  messageId: string;
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('email on Workers', () => {
  it('sends a sign-in code with worker-mailer and signs the applicant in with it', async () => {
    await control('/reset', {});
    const page = await request('/apply?again=1');
    expect(page.status).toBe(200);
    const cookie = cookiesOf(page);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const asked = await request('/apply/sign-in', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://desk.example.test' },
      body: new URLSearchParams({ _csrf: token, email: 'amina@wasan.example.org' }).toString(),
      redirect: 'manual',
    });
    expect(asked.status).toBe(303);
    let mails: Mail[] = [];
    for (let i = 0; i < 50 && mails.length === 0; i++) {
      await cron();
      mails = await control<Mail[]>('/smtp/mails');
    }
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['amina@wasan.example.org']);
    expect(mails[0]!.html).toBeTruthy();
    const code = /\b(\d{6})\b/.exec(mails[0]!.text)![1]!;

    const both = `${cookie}; ${cookiesOf(asked)}`;
    const codePage = await request('/apply/code', { headers: { cookie: both } });
    const codeToken = /name="_csrf" value="([^"]+)"/.exec(await codePage.text())![1]!;
    const signedIn = await request('/apply/code', {
      method: 'POST',
      headers: { cookie: both, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://desk.example.test' },
      body: new URLSearchParams({ _csrf: codeToken, code }).toString(),
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/my');
    expect(signedIn.headers.getSetCookie().some((c) => c.startsWith('dd_applicant=') && /Secure/.test(c))).toBe(true);
  });
});
