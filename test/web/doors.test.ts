/**
 * One person, many doors: someone known in Slack (users.info with a confirmed address) signs in
 * on the web with the same address. They are one person: the application made on the web shows
 * in Slack, notices follow them, and the admin detail page lists both doors. An address Slack
 * has not confirmed links nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from '../../bot/slack/verify';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { fixture } from '../slack/support';
import { createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { FIXTURE_STEPS } from '../support/playground-client';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { fillWebForm, signIn, textOf } from './support';

const SECRET = 'doors-signing-secret-0123456789abcd';
const TEAM = 'T123ABC456';
const USER = 'U0AMINA01';

let api: FakeSlackApi;
let smtp: TestSmtp;
let t: AdminTestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
  smtp = await startSmtp();
});
afterAll(async () => {
  await api.close();
  await smtp.close();
});
afterEach(async () => {
  await t?.close();
  api.reset();
  smtp.mails.length = 0;
});

async function dm(id: string, text: string) {
  const body = JSON.stringify({
    ...fixture<any>('event_message_im.json'),
    team_id: TEAM,
    event_id: id,
    event: { ...fixture<any>('event_message_im.json').event, user: USER, text },
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
}

const start = async () => {
  t = await createAdminTestApp({
    env: {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-doors',
      SLACK_API_URL: api.url,
      SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Desk <desk@example.org>',
    },
  });
};

describe('the same verified address in Slack and on the web', () => {
  it('is one person with one application, visible from both doors and in the admin panel', async () => {
    await start();
    api.setUser(USER, { name: 'Amina', email: 'Amina@WASAN.example.org', emailConfirmed: true });
    await dm('EvD1', 'status');

    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    const my = await web.get('/my');
    expect(textOf(my.html)).toMatch(/Where you have used the application: (Slack, this website|this website, Slack)\./);
    expect(my.html).toContain('name="email_notices"');
    const done = await web.submit(
      await fillWebForm(web, (await web.get('/apply')).html, FIXTURE_STEPS as Record<string, Record<string, string>>),
      '/apply/step',
      {},
    );
    expect(textOf(done.html)).toContain('CD-2023-0001');

    // In Slack, "status" shows the application made on the web.
    await dm('EvD2', 'status');
    const said = api
      .calls('chat.postMessage')
      .map((c) => JSON.stringify(c.body))
      .join('\n');
    expect(said).toContain('CD-2023-0001');

    // The admin detail page names both doors.
    const app = await t.deps.db.selectFrom('applications').select('id').executeTakeFirstOrThrow();
    const admin = new Visitor(t.web);
    await admin.signIn();
    const detail = await admin.get(`/admin/applications/${app.id}`);
    const text = textOf(await detail.text());
    expect(text).toMatch(/Doors used .*(Web \(email sign-in\).*Slack|Slack.*Web \(email sign-in\))/);
    expect(text).toContain('Verified email amina@wasan.example.org');
  });

  it('keeps them apart when Slack has not confirmed the address', async () => {
    await start();
    api.setUser(USER, { name: 'Amina', email: 'amina@wasan.example.org', emailConfirmed: false });
    await dm('EvD3', 'status');
    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    expect(textOf((await web.get('/my')).html)).toContain('Where you have used the application: this website.');
    expect(await t.deps.db.selectFrom('people').select('id').execute()).toHaveLength(2);
  });
});
