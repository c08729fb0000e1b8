/**
 * An applicant with only a browser and an email address: the form one step per page, Back,
 * the summary, the reference, the confirmation by email, status, edit, a request for information
 * answered on the page, withdrawal, and the deadline.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { fillWebForm, hiddenFields, press, signIn, stepOf, textOf } from './support';

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

const steps = FIXTURE_STEPS as Record<string, Record<string, string | string[]>>;

describe('applying on the web', () => {
  it('takes the application step by step, keeps drafts, and confirms by page and by email', async () => {
    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    let page = await web.get('/apply');
    expect(page.status).toBe(200);
    expect(stepOf(page.html)).toBe('dialogues');

    // A step with a problem comes back with the message next to the field and the values kept.
    const bad = await web.submit(page.html, '/apply/step', { dialogueIds: [], participation: 'online' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/aria-invalid="true"/);
    expect(bad.html).toMatch(/<option value="online" selected>/);

    const first = await web.submit(page.html, '/apply/step', steps.dialogues!);
    expect(stepOf(first.html)).toBe('organisation');
    // The draft is saved: a new visit (another device) resumes at the next step.
    page = await web.get('/apply');
    expect(stepOf(page.html)).toBe('organisation');
    // Back shows the previous step with what was saved.
    const back = await web.submit(page.html, '/apply/step', { _back: hiddenFields(page.html, '/apply/step')._draft + '|organisation' });
    expect(stepOf(back.html)).toBe('dialogues');
    expect(back.html).toMatch(/value="firearms" checked/);

    const summary = await fillWebForm(web, back.html, steps);
    expect(textOf(summary)).toContain('Women Against Small Arms Network');
    const done = await web.submit(summary, '/apply/step', {});
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toMatch(/Application received: CD-2023-0001/);

    await t.drainOutbox();
    const mails = await smtp.waitFor(2);
    const confirmation = mails.find((m) => /CD-2023-0001/.test(m.subject ?? ''))!;
    expect(confirmation.subject).toBe('Application received: CD-2023-0001');
    expect(confirmation.text).toContain('/my');
    expect(confirmation.html).toContain('CD-2023-0001');

    const my = await web.get('/my');
    expect(textOf(my.html)).toMatch(/Application CD-2023-0001/);
    expect(textOf(my.html)).toMatch(/Firearms: Waiting for review|Firearms: /);
    expect(my.html).toContain('value="edit"');
    expect(my.html).toContain('value="withdraw"');
    expect(textOf(my.html)).toContain('this website');
  });

  it('lets the applicant answer a request for information from the page, after an email with the reference', async () => {
    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    await fillWebForm(web, (await web.get('/apply')).html, steps).then((s) => web.submit(s, '/apply/step', {}));
    const app = await t.deps.db.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    const result = await t.deps.engine.decide({
      applicationId: app.id,
      dialogueId: 'firearms',
      outcome: 'request_info',
      reason: 'Which countries does your network work in?',
      deciderName: 'Reviewer',
      deciderRef: 'admin:r1',
    });
    expect(result.ok).toBe(true);
    await t.drainOutbox();
    const mails = await smtp.waitFor(3);
    const request = mails.at(-1)!;
    expect(request.subject).toBe('Application CD-2023-0001');
    expect(request.text).toContain('Which countries does your network work in?');
    expect(request.text).toContain('http://127.0.0.1:3000/my');

    const my = await web.get('/my');
    expect(my.html).toContain('value="info.answer"');
    const form = await press(web, my.html, 'info.answer');
    expect(textOf(form.html)).toContain('Answer the reviewers');
    const tooShort = await web.submit(form.html, '/apply/answer', { text: 'KE' });
    expect(tooShort.status).toBe(422);
    expect(textOf(tooShort.html)).toContain('at least 5 characters');
    const sent = await web.submit(tooShort.html, '/apply/answer', { text: 'Kenya, Uganda and Tanzania <b>only</b>.' });
    expect(textOf(sent.html)).toContain('back in review');
    const events = await t.deps.db
      .selectFrom('application_events')
      .select(['kind', 'actor_ref'])
      .where('kind', '=', 'info_answer')
      .execute();
    expect(events).toEqual([{ kind: 'info_answer', actor_ref: 'web:amina@wasan.example.org' }]);
  });

  it('edits and withdraws until the deadline, and not after', async () => {
    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    await fillWebForm(web, (await web.get('/apply')).html, steps).then((s) => web.submit(s, '/apply/step', {}));
    let my = await web.get('/my');
    const edit = await press(web, my.html, 'edit');
    expect(stepOf(edit.html)).toBe('dialogues');
    const summary = await fillWebForm(web, edit.html, {
      ...steps,
      organisation: { ...steps.organisation!, organisationName: 'WASAN Kenya' },
    });
    const updated = await web.submit(summary, '/apply/step', {});
    expect(textOf(updated.html)).toContain('Application updated: CD-2023-0001');

    my = await web.get('/my');
    const ask = await press(web, my.html, 'withdraw');
    expect(textOf(ask.html)).toContain('Withdraw CD-2023-0001?');
    const confirm = await press(web, ask.html, 'withdraw.confirm');
    expect(textOf(confirm.html)).toContain('is withdrawn');

    // Someone else's session cannot act on it, and a reviewer action is not an applicant's button.
    const other = await signIn(t, smtp, 'someone@else.example');
    const forged = await other.submit((await other.get('/my')).html, '/my/action', { id: 'review.approve', value: 'x|firearms' });
    expect(forged.status).toBe(400);

    t.clock.set(new Date('2023-02-20T09:00:00Z'));
    const late = await signIn(t, smtp, 'late@ngo.example');
    const closed = await late.get('/apply');
    expect(textOf(closed.html)).toMatch(/Applications closed|no longer accepted/);
  });
});
