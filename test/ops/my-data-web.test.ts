/** "My data" for an applicant who uses only the web page and an email address. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { fillWebForm, press, signIn, textOf } from '../web/support';

let smtp: TestSmtp;
let t: TestApp;
beforeEach(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Dialogue Desk <dialogues@example.org>' } });
});
afterEach(async () => {
  await t.close();
  await smtp.close();
});

describe('my data, on the web', () => {
  it('downloads from /my, and deletes after a confirmation, ending the session', async () => {
    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    const start = await web.get('/apply');
    const summary = await fillWebForm(web, start.html, FIXTURE_STEPS as Record<string, Record<string, string | string[]>>);
    await web.submit(summary, '/apply/step', {});

    const my = await web.get('/my');
    expect(textOf(my.html)).toContain('Download my data');
    const toDownload = await press(web, my.html, 'my_data.export');
    expect(toDownload.status).toBe(303);
    expect(toDownload.location).toBe('/my/data.json');
    const file = await web.get('/my/data.json');
    expect(file.status).toBe(200);
    const data = JSON.parse(file.html);
    expect(data.person.email).toBe('amina@wasan.example.org');
    expect(data.applications[0]).toMatchObject({ reference: 'CD-2023-0001', status: 'submitted' });

    const ask = await press(web, my.html, 'my_data.delete');
    expect(textOf(ask.html)).toContain('Your open application will be withdrawn');
    const done = await press(web, ask.html, 'my_data.delete.confirm');
    expect(textOf(done.html)).toContain('Your application was withdrawn and your data has been deleted');
    const app = await t.deps.db.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    expect(app).toMatchObject({ status: 'withdrawn', organisation_name: null });
    expect(app.erased_at).not.toBeNull();
    // The web session ended with the erasure: /my asks to sign in again.
    expect((await web.get('/my')).status).toBe(303);
    expect((await web.get('/my/data.json')).status).toBe(303);
  });
});
