/**
 * The whole story for someone outside the workspace: with only a browser and an email address
 * they sign in, apply, are reviewed in Slack (fake Slack Web API, signed requests), and hear the
 * outcome by email through a real SMTP server — across a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from '../../bot/slack/verify';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { fixture } from '../slack/support';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { fillWebForm, signIn, textOf, WebClient } from './support';

const SECRET = 'web-e2e-signing-secret-0123456789';
const REVIEWER = 'U0REVIEWR';
const TEAM = 'T123ABC456';

let api: FakeSlackApi;
let smtp: TestSmtp;
let t: TestApp;
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

const env = () => ({
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-e2e',
  SLACK_API_URL: api.url,
  SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
  SMTP_URL: smtp.url,
  MAIL_FROM: 'Constructive Dialogues <dialogues@example.org>',
  PUBLIC_URL: 'https://dialogues.example.org',
});

async function slack(payload: unknown) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('https://dialogues.example.org/slack/events', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': await computeSignature(SECRET, ts, body),
    },
    body,
  });
  await t.settle();
  return res;
}

describe('an applicant with only a browser and an email address', () => {
  it('applies on the web, is reviewed in Slack, and hears the outcome by email', async () => {
    t = await createTestApp({ env: env(), now: '2023-01-20T09:00:00Z' });
    api.setMembers('C0REVIEWS', [REVIEWER]);
    api.setUser(REVIEWER, { name: 'Rosa Reviewer' });

    const web = await signIn(t, smtp, 'amina@wasan.example.org');
    const summary = await fillWebForm(web, (await web.get('/apply')).html, FIXTURE_STEPS as Record<string, Record<string, string>>);
    const done = await web.submit(summary, '/apply/step', {});
    expect(textOf(done.html)).toContain('Application received: CD-2023-0001');

    // After a restart the outbox posts the review card in Slack and the confirmation by email.
    t = await t.restart();
    await t.drainOutbox();
    const card = api.calls('chat.postMessage').find((c) => c.body.channel === 'C0REVIEWS');
    expect(card).toBeDefined();
    expect(JSON.stringify(card!.body)).not.toContain('amina@');
    const confirmation = smtp.mails.find((m) => m.subject === 'Application received: CD-2023-0001');
    expect(confirmation?.text).toContain('https://dialogues.example.org/my');

    const buttons = (card!.body.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    const button = (kind: string, dialogue: string) =>
      buttons.find((b: any) => b.action_id.startsWith(kind) && String(b.value).endsWith(dialogue));
    const click = (b: any, trigger: string) => ({
      ...fixture<any>('interactivity_block_actions.json'),
      user: { id: REVIEWER, team_id: TEAM },
      team: { id: TEAM },
      trigger_id: trigger,
      container: { type: 'message', channel_id: 'C0REVIEWS', message_ts: card!.body.ts },
      actions: [{ action_id: b.action_id, value: b.value, type: 'button' }],
    });

    // Approve (recommend) Firearms on the card.
    await slack(click(button('review.approve', 'firearms'), 'trig-1'));
    // Reject Technical Assistance: the reason modal, then its submission.
    await slack(click(button('review.reject', 'technical-assistance'), 'trig-2'));
    const opened = api.calls('views.open').at(-1)!;
    const view = typeof opened.body.view === 'string' ? JSON.parse(opened.body.view) : opened.body.view;
    const base = fixture<any>('interactivity_view_submission.json');
    const res = await slack({
      ...base,
      team: { id: TEAM, domain: 'example' },
      user: { ...base.user, id: REVIEWER, team_id: TEAM },
      view: {
        ...base.view,
        ...view,
        id: 'VREASON',
        hash: 'h-reason',
        state: { values: { text: { text: { type: 'plain_text_input', value: 'Technical assistance is full this year.' } } } },
      },
    });
    expect(res.status).toBe(200);

    t = await t.restart();
    await t.drainOutbox();
    expect(api.calls('chat.update').length).toBeGreaterThanOrEqual(2);
    const outcomes = smtp.mails.filter(
      (m) => /decision|CD-2023-0001/i.test(`${m.subject} ${m.text}`) && m.subject !== 'Application received: CD-2023-0001',
    );
    const all = outcomes.map((m) => m.text).join('\n');
    // Under the 2023 call the reviewer's Approve is a recommendation to the States parties: the
    // applicant is told only the final outcome, so no email about Firearms yet.
    expect(all).not.toMatch(/Firearms has been approved/);
    expect(all).toMatch(
      /CD-2023-0001 to the Constructive Dialogue on Technical Assistance was not approved\. Reason given: Technical assistance is full this year\./,
    );
    for (const m of outcomes) {
      expect(m.html).toBeTruthy();
      expect(m.to && 'value' in m.to ? m.to.value[0]!.address : '').toBe('amina@wasan.example.org');
    }
    // Nothing is sent twice: another run of the outbox sends no more email.
    const count = smtp.mails.length;
    await t.drainOutbox();
    expect(smtp.mails.length).toBe(count);

    // The outcome is on the applicant's page too.
    const browser = new WebClient(t);
    for (const [k, v] of web.cookies) browser.cookies.set(k, v);
    const my = await browser.get('/my');
    expect(textOf(my.html)).toMatch(/Firearms: Recommended, awaiting approval by the States parties/);
    expect(textOf(my.html)).toMatch(/Technical Assistance: (Not approved|Rejected)/);
  });
});
