/**
 * Finding 5: "@Dialogue Desk apply" in a team channel posted the person's saved draft
 * (representatives' names, emails, nationality, gender) for the whole channel. In any
 * conversation that is not the personal chat, apply, edit and status now answer with a button
 * that opens the form in a dialog only the person sees (or a note), and never with the draft.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework, FAKE_TENANT_ID } from '../fakes/bot-framework';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { computeSignature } from '../../bot/slack/verify';
import { fixture } from '../slack/support';
import { createTestApp, type TestApp } from '../support/harness';
import { activity } from '../teams/support';
import { FIXTURE_STEPS, formOf } from '../support/playground-client';

let fake: FakeBotFramework;
let api: FakeSlackApi;
let t: TestApp;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await fake.stop();
  await api.close();
});
afterEach(async () => {
  await t?.close();
  fake.reset();
  api.reset();
});

const MEGAN = '11111111-2222-3333-4444-555555555555';
const CHANNEL = '19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.tacv2';
let seq = 0;

async function post(body: unknown) {
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
    body: JSON.stringify(body),
  });
  await t.settle();
  return res;
}
const mention = (text: string) => activity('message_channel_mention', fake, { id: `ch-${++seq}`, text: `<at>ApplyBot</at> ${text}` });
const groupChat = (text: string) =>
  activity('message_channel_mention', fake, {
    id: `gc-${++seq}`,
    text: `<at>ApplyBot</at> ${text}`,
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: FAKE_TENANT_ID, id: '19:group-chat@thread.v2' },
    channelData: { tenant: { id: FAKE_TENANT_ID } },
  });

describe('Teams channels and group chats', () => {
  it('never show a saved draft, its status or its form: a private window or a note instead', async () => {
    t = await createTestApp({ env: fake.env() });
    // Megan has a draft with her representatives saved, from the personal chat.
    const actor = { platform: 'teams' as const, userId: MEGAN, scope: FAKE_TENANT_ID, displayName: 'Megan Bowen' };
    const conversation = { id: 'a:personal', isDirect: true };
    let form = formOf(await t.deps.engine.handle({ kind: 'message', actor, conversation, text: 'apply' }));
    for (let i = 0; i < 12 && form.stepId !== 'confirm'; i++) {
      form = formOf(
        await t.deps.engine.handle({
          kind: 'submission',
          actor,
          conversation,
          formId: form.formId,
          contextId: form.draftId,
          stepId: form.stepId,
          values: FIXTURE_STEPS[form.stepId] ?? {},
        }),
      );
    }

    for (const text of ['apply', 'edit my application', 'status', 'I want to apply']) {
      expect((await post(mention(text))).status).toBe(200);
      expect((await post(groupChat(text))).status).toBe(200);
    }
    const sent = fake.sent();
    expect(sent.length).toBe(8);
    const all = JSON.stringify(sent.map((c) => c.body));
    for (const personal of ['Amina', 'amina@wasan.example.org', 'Wanjiru', 'Director', 'Women Against Small Arms', 'female', 'Kenya']) {
      expect(all).not.toContain(personal);
    }
    expect(all).toContain('task/fetch');
    expect(all).toMatch(/Your application is private/);
    for (const c of sent)
      expect([`${CHANNEL};messageid=`, '19:group-chat@thread.v2'].some((p) => c.conversationId!.startsWith(p))).toBe(true);

    // A card button pressed in the channel (Action.Execute) gets the same answer, in place.
    const pressed = await post(
      activity('invoke_adaptive_card_action', fake, {
        id: `inv-${++seq}`,
        from: { id: '29:megan', name: 'Megan Bowen', aadObjectId: MEGAN },
        conversation: { isGroup: true, conversationType: 'channel', tenantId: FAKE_TENANT_ID, id: `${CHANNEL};messageid=1` },
        value: { action: { type: 'Action.Execute', verb: 'edit', data: {} }, trigger: 'manual' },
      }),
    );
    const answer = JSON.stringify(await pressed.json());
    expect(answer).toMatch(/Your application is private/);
    expect(answer).not.toContain('amina@wasan.example.org');

    // Questions about the call are still answered in the channel.
    // (The answer may be followed by a card of related questions: look at everything it sent.)
    const before = fake.sent().length;
    await post(mention('what is the application deadline?'));
    expect(
      JSON.stringify(
        fake
          .sent()
          .slice(before)
          .map((c) => c.body),
      ),
    ).toMatch(/February 2023/);
  });
});

describe('Slack channels', () => {
  it("answer a mention about the person's own application only to them, questions in the thread", async () => {
    const SECRET = 'privacy-secret-0123456789abcdef';
    t = await createTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-privacy', SLACK_API_URL: api.url } });
    const actor = { platform: 'slack' as const, userId: 'U061F7AUR', scope: 'T123ABC456', displayName: 'Amina' };
    const conversation = { id: 'D1', isDirect: true };
    let form = formOf(await t.deps.engine.handle({ kind: 'message', actor, conversation, text: 'apply' }));
    for (let i = 0; i < 12 && form.stepId !== 'confirm'; i++) {
      form = formOf(
        await t.deps.engine.handle({
          kind: 'submission',
          actor,
          conversation,
          formId: form.formId,
          contextId: form.draftId,
          stepId: form.stepId,
          values: FIXTURE_STEPS[form.stepId] ?? {},
        }),
      );
    }
    await t.deps.engine.handle({
      kind: 'submission',
      actor,
      conversation,
      formId: form.formId,
      contextId: form.draftId,
      stepId: form.stepId,
      values: {},
    });
    const mention = async (id: string, text: string) => {
      const base = fixture<any>('event_app_mention.json');
      const body = JSON.stringify({ ...base, event_id: id, event: { ...base.event, text: `<@U0LAN0Z89> ${text}` } });
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
    };
    await mention('EvP1', 'status');
    await mention('EvP2', 'edit my application');
    const inChannel = JSON.stringify(api.calls('chat.postMessage').filter((c) => c.body.channel === 'C123ABC456'));
    expect(inChannel).not.toMatch(/CD-2023|Women Against Small Arms/);
    expect(api.calls('chat.postEphemeral').every((c) => c.body.user === 'U061F7AUR')).toBe(true);
    expect(api.calls('chat.postEphemeral').length).toBeGreaterThan(0);
    await mention('EvP3', 'what is the application deadline?');
    expect(JSON.stringify(api.calls('chat.postMessage').filter((c) => c.body.channel === 'C123ABC456'))).toMatch(/February 2023/);
  });
});
