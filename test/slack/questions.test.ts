/**
 * The question loop through Slack, against the fake Web API: a question the bot cannot answer
 * becomes a card in the secretariat channel; a member answers it in a modal; the answer reaches
 * the asker where they asked, the card shows who answered, and the next asker gets it from the FAQ.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { computeSignature } from '../../bot/slack/verify';
import { createAdminApp, ensureFirstAdmin } from '../../admin';
import { adminDeps } from '../../server/admin-deps';
import { ADMIN, Visitor } from '../admin/support';
import { fixture } from './support';

const SECRET = 'questions-signing-secret-0123456789';
const ASKER = 'U2147483697';
const SECRETARY = 'U0SECRETA';
const OUTSIDER = 'U0OUTSIDE';
const TEAM = 'T123ABC456';
const CHANNEL = 'C0SECRETARIAT';
const FORM = 'application/x-www-form-urlencoded';

let api: FakeSlackApi;
let t: TestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
afterEach(async () => {
  await t?.close();
  api.reset();
});

async function post(body: string, type: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: { 'content-type': type, 'x-slack-request-timestamp': ts, 'x-slack-signature': await computeSignature(SECRET, ts, body) },
    body,
  });
  await t.settle();
  return res;
}
const dm = (id: string, text: string, user = ASKER) =>
  JSON.stringify({
    ...fixture<any>('event_message_im.json'),
    team_id: TEAM,
    event_id: id,
    event: { ...fixture<any>('event_message_im.json').event, user, channel: `D${user.slice(1)}`, text },
  });
const interaction = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const text = (calls: RecordedCall[]) => calls.map((c) => `${c.body.text}\n${JSON.stringify(c.body.blocks ?? [])}`).join('\n');
const buttonsOf = (call: RecordedCall) => (call.body.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);

describe('Slack: questions passed to the secretariat', () => {
  it('asks in a DM, is answered from the secretariat channel, and the next asker gets it from the FAQ', async () => {
    t = await createTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-q', SLACK_API_URL: api.url } });
    await t.deps.db
      .insertInto('secretariat_channels')
      .values({ call_id: '', platform: 'slack', address: CHANNEL, updated_at: t.clock.now().toISOString() })
      .execute();
    api.setMembers(CHANNEL, [SECRETARY]);

    await post(dm('EvQ1', 'Will there be sign language interpretation? <https://evil.example|click> *now*'), 'application/json');
    const reply = api.calls('chat.postMessage').at(-1)!;
    expect(reply.body.channel).toBe(`D${ASKER.slice(1)}`);
    expect(text([reply])).toContain('Their answer will come here, in this conversation.');

    await t.drainOutbox();
    const card = api.calls('chat.postMessage').find((c) => c.body.channel === CHANNEL)!;
    expect(card).toBeDefined();
    // The asker's text is shown, never interpreted: no link, no formatting, no person's details.
    expect(JSON.stringify(card.body.blocks)).toContain('&lt;https://evil.example|click&gt;');
    expect(JSON.stringify(card.body.blocks)).not.toContain(ASKER);
    const answerButton = buttonsOf(card).find((b: any) => b.action_id.startsWith('question.answer'));
    expect(buttonsOf(card).map((b: any) => b.action_id)).toEqual(['question.answer', 'question.dismiss', 'question.assign']);

    const click = (user: string, trigger: string, button = answerButton) => ({
      ...fixture<any>('interactivity_block_actions.json'),
      user: { id: user, team_id: TEAM },
      team: { id: TEAM },
      trigger_id: trigger,
      container: { type: 'message', channel_id: CHANNEL, message_ts: card.body.ts },
      channel: { id: CHANNEL },
      actions: [{ action_id: button.action_id, value: button.value, type: 'button' }],
    });

    // Someone outside the channel may not answer.
    await post(interaction(click(OUTSIDER, 'trig-q-0')), FORM);
    expect(api.calls('views.open')).toHaveLength(0);
    expect(
      text(
        api
          .calls()
          .filter((c) => c.method.startsWith('chat.'))
          .slice(-1),
      ),
    ).toContain('Only members of the secretariat channel');

    // A member gets the Answer modal, with "also add to the FAQ" ticked.
    await post(interaction(click(SECRETARY, 'trig-q-1')), FORM);
    const open = api.calls('views.open').at(-1)!;
    expect(open.body.trigger_id).toBe('trig-q-1');
    const view = open.body.view as any;
    const faqBlock = view.blocks.find((b: any) => b.block_id === 'faq');
    expect(faqBlock.element.initial_options).toHaveLength(1);

    const answer = 'International Sign interpretation is provided in the room and online.';
    const submit = (answerText: string, hash: string) => ({
      ...fixture<any>('interactivity_view_submission.json'),
      team: { id: TEAM, domain: 'example' },
      user: { id: SECRETARY, team_id: TEAM },
      view: {
        ...view,
        id: 'VQUESTION',
        hash,
        state: {
          values: {
            answer: { answer: { type: 'plain_text_input', value: answerText } },
            faq: { faq: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
          },
        },
      },
    });
    const tooLong = await (await post(interaction(submit('x'.repeat(10_000), 'h1')), FORM)).json();
    expect(tooLong).toMatchObject({ response_action: 'errors', errors: { answer: expect.stringContaining('at most 4,000 characters') } });
    expect(await (await post(interaction(submit(answer, 'h2')), FORM)).json()).toEqual({ response_action: 'clear' });

    // The asker's platform refuses once: the outbox retries, and the answer arrives.
    api.failNext('chat.postMessage', { status: 500 });
    await t.drainOutbox();
    t.clock.advance(10 * 60_000);
    await t.drainOutbox();
    const delivered = api.calls('chat.postMessage').filter((c) => c.body.channel === `D${ASKER.slice(1)}` && text([c]).includes(answer));
    expect(delivered).toHaveLength(1);
    expect(text(delivered)).toContain('The secretariat has answered your question');
    expect(text(delivered)).toContain('Will there be sign language interpretation? &lt;https://evil.example|click&gt;');
    const update = api.calls('chat.update').at(-1)!;
    expect(update.body.channel).toBe(CHANNEL);
    expect(api.calls('chat.postMessage').filter((c) => c.body.channel === CHANNEL)).toHaveLength(1);
    expect(text([update])).toContain('Answered by');
    expect(buttonsOf(update)).toHaveLength(0);

    // A late click on the old card is told it was answered already.
    await post(interaction(click(SECRETARY, 'trig-q-2')), FORM);
    expect(api.calls('views.open')).toHaveLength(1);

    // The next person asking the same way is answered from the FAQ.
    await post(dm('EvQ2', 'Will there be sign language interpretation?', 'U0NEXTASK'), 'application/json');
    const next = api.calls('chat.postMessage').filter((c) => c.body.channel === 'D0NEXTASK');
    expect(text(next)).toContain(answer);
    expect(text(next)).not.toContain('passed your question');
  });

  it('answers a mention in a channel in its thread', async () => {
    t = await createTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-q', SLACK_API_URL: api.url } });
    const mention = fixture<any>('event_app_mention.json');
    await post(
      JSON.stringify({ ...mention, event: { ...mention.event, text: '<@U0LAH4ARK> Is there a crèche for participants with children?' } }),
      'application/json',
    );
    expect(text(api.calls('chat.postMessage').slice(-1))).toContain('Their answer will come in this thread.');
    const [q] = await t.deps.db.selectFrom('unanswered_questions').selectAll().execute();
    await t.deps.engine.answerQuestion({
      questionId: q!.id,
      answer: 'No, there is no crèche.',
      addToFaq: false,
      by: 'Ana',
      ref: 'admin:ana',
    });
    await t.drainOutbox();
    const answer = api.calls('chat.postMessage').at(-1)!;
    expect(answer.body).toMatchObject({ channel: mention.event.channel, thread_ts: mention.event.ts });
    expect(text([answer])).toContain('No, there is no crèche.');
  });

  it("shows in the inbox an answer the asker's platform refused for good", async () => {
    t = await createTestApp({
      env: {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-q',
        SLACK_API_URL: api.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
    });
    await post(dm('EvQ9', 'Is there a crèche for participants with children?'), 'application/json');
    const [q] = await t.deps.db.selectFrom('unanswered_questions').selectAll().execute();
    await t.deps.engine.answerQuestion({
      questionId: q!.id,
      answer: 'No, there is no crèche.',
      addToFaq: false,
      by: 'Ana',
      ref: 'admin:ana',
    });
    // The DM channel was archived: Slack refuses, and no retry can change that.
    api.failNext('chat.postMessage', { error: 'is_archived' });
    await t.drainOutbox();
    expect(await t.deps.db.selectFrom('outbox').select(['status']).where('purpose', '=', 'question_answer').execute()).toEqual([
      { status: 'failed' },
    ]);
    await ensureFirstAdmin(adminDeps(t.deps));
    const admin = new Visitor(createAdminApp(adminDeps(t.deps)));
    await admin.signIn();
    await admin.get('/admin/questions?status=answered');
    expect(admin.lastHtml).toContain('0 of 1 delivered');
    expect(admin.lastHtml).toContain('1 failed');
  });
});
