/**
 * The whole product through Slack: signed requests into the real app on a SQLite file, a fake
 * Slack Web API behind SLACK_API_URL, the outbox worker run on demand, and restarts in between.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { computeSignature } from '../../bot/slack/verify';
import { fixture } from './support';

const SECRET = 'e2e-signing-secret-0123456789abcdef';
const APPLICANT = 'U2147483697';
const REVIEWER = 'U0REVIEWR';
const TEAM = 'T123ABC456';

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

const env = () => ({
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-e2e',
  SLACK_API_URL: api.url,
  SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
});

async function post(body: string, type: string, o: { secret?: string; skew?: number; headers?: Record<string, string> } = {}) {
  const ts = String(Math.floor(Date.now() / 1000) + (o.skew ?? 0));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-slack-request-timestamp': ts,
      'x-slack-signature': await computeSignature(o.secret ?? SECRET, ts, body),
      ...o.headers,
    },
    body,
  });
  await t.settle();
  return res;
}
const event = (id: string, text: string, user = APPLICANT) =>
  JSON.stringify({
    ...fixture<any>('event_message_im.json'),
    team_id: TEAM,
    event_id: id,
    event: { ...fixture<any>('event_message_im.json').event, user, text },
  });
const command = (text: string, trigger: string, user = APPLICANT) =>
  new URLSearchParams({
    ...fixture<Record<string, string>>('slash_command.fields.json'),
    team_id: TEAM,
    user_id: user,
    command: '/dialogues',
    text,
    trigger_id: trigger,
  }).toString();
const interaction = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const FORM = 'application/x-www-form-urlencoded';
const text = (calls: RecordedCall[]) => calls.map((c) => `${c.body.text}\n${JSON.stringify(c.body.blocks ?? [])}`).join('\n');

/** What Slack would send for a modal filled with `values` (by field id). */
function stateFor(view: any, values: Record<string, unknown>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks.filter((b: any) => b.type === 'input')) {
    const el = block.element;
    const v = values[block.block_id] as string | string[] | undefined;
    const opt = (value: string) => ({ value });
    let s: Record<string, unknown>;
    if (el.type === 'plain_text_input') s = { type: el.type, value: v ?? null };
    else if (el.type === 'static_select') s = { type: el.type, selected_option: v ? opt(String(v)) : null };
    else s = { type: el.type, selected_options: (Array.isArray(v) ? v : v ? [v] : []).map(opt) };
    state[block.block_id] = { [el.action_id]: s };
  }
  return state;
}

function submission(view: any, n: number) {
  const stepId = String(view.callback_id).split('|')[2]!;
  const base = fixture<any>('interactivity_view_submission.json');
  return {
    ...base,
    team: { id: TEAM, domain: 'example' },
    user: { ...base.user, id: APPLICANT, team_id: TEAM },
    view: { ...base.view, ...view, id: 'VAPPLY', hash: `hash-${n}`, state: { values: stateFor(view, FIXTURE_STEPS[stepId] ?? {}) } },
  };
}

describe('Slack end to end', () => {
  it('answers, takes an application in modals, reviews it in the channel and reports the decision, across restarts', async () => {
    t = await createTestApp({ env: env(), now: '2023-01-20T09:00:00Z' });
    api.setMembers('C0REVIEWS', [REVIEWER]);
    api.setUser(APPLICANT, { tz: 'Africa/Nairobi', name: 'Amina' });

    // A question in a DM is answered in the DM; a retry of the same event is answered once.
    const question = event('EvQ1', 'what is the deadline to apply?');
    expect((await post(question, 'application/json')).status).toBe(200);
    expect(
      (await post(question, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status,
    ).toBe(200);
    const answers = api.calls('chat.postMessage');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.channel).toBe('D024BE91L');
    expect(text(answers)).toMatch(/12 February 2023/);

    // Forged and stale requests are refused and cause nothing.
    const before = api.calls().length;
    expect((await post(event('EvF1', 'hello'), 'application/json', { secret: 'wrong' })).status).toBe(401);
    expect((await post(event('EvF2', 'hello'), 'application/json', { skew: -600 })).status).toBe(401);
    expect((await post(command('apply', 'trig-forged'), FORM, { skew: 600 })).status).toBe(401);
    expect(api.calls()).toHaveLength(before);

    // /dialogues apply opens the first step; each submission updates the modal until it closes.
    t = await t.restart();
    await post(command('apply', 'trig-apply-1'), FORM);
    const open = api.calls('views.open')[0];
    expect(open?.body.trigger_id).toBe('trig-apply-1');
    let view: any = open!.body.view;
    let last: any;
    for (let n = 1; n <= 12; n++) {
      const res = await post(interaction(submission(view, n)), FORM);
      last = await res.json();
      if (last.response_action !== 'update') break;
      view = last.view;
      expect(Object.keys(JSON.parse(view.private_metadata))).toEqual(['draftId']);
    }
    expect(last).toEqual({ response_action: 'clear' });

    // After a restart the outbox sends the confirmation DM with the reference, and the reviewer
    // channel gets a card with an Approve button.
    t = await t.restart();
    await t.drainOutbox();
    const dm = `D${APPLICANT.slice(1)}`;
    expect(text(api.calls('chat.postMessage').filter((c) => c.body.channel === dm))).toMatch(/CD-2023-0001/);
    const card = api.calls('chat.postMessage').find((c) => c.body.channel === 'C0REVIEWS');
    expect(card).toBeDefined();
    const buttons = (card!.body.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    const approve = buttons.find((b: any) => b.action_id.startsWith('review.approve') && String(b.value).endsWith('firearms'));
    expect(approve).toBeDefined();
    expect(JSON.stringify(card!.body)).not.toMatch(/amina@/);
    // The balance each dialogue has so far, and what this application would add, on the card.
    expect(text([card!])).toMatch(
      /Firearms balance: would be the first from African States; no one recommended or approved so far\. This application adds 1 woman and 0 men\./,
    );

    // Someone outside the channel is refused; the reviewer's click updates the card and tells the applicant.
    t = await t.restart();
    const click = (user: string, trigger: string) => ({
      ...fixture<any>('interactivity_block_actions.json'),
      user: { id: user, team_id: TEAM },
      team: { id: TEAM },
      trigger_id: trigger,
      container: { type: 'message', channel_id: 'C0REVIEWS', message_ts: card!.body.ts },
      actions: [{ action_id: approve.action_id, value: approve.value, type: 'button' }],
    });
    await post(interaction(click(APPLICANT, 'trig-click-0')), FORM);
    await t.drainOutbox();
    expect(api.calls('chat.update')).toHaveLength(0);
    await post(interaction(click(REVIEWER, 'trig-click-1')), FORM);
    expect(api.calls('chat.postEphemeral').at(-1)?.body.user).toBe(REVIEWER);
    await t.drainOutbox();
    const update = api.calls('chat.update')[0];
    expect(update?.body.channel).toBe('C0REVIEWS');
    // Under the 2023 call the reviewer recommends; the States parties approve, so the applicant
    // is not told anything yet and the card says what it waits for.
    expect(text([update!])).toMatch(/Firearms: recommended by .*Awaiting approval by the States parties/);
    expect(
      text(
        api
          .calls('chat.postMessage')
          .filter((c) => c.body.channel === dm)
          .slice(1),
      ),
    ).not.toMatch(/approved/i);

    // /dialogues status reports the stage.
    t = await t.restart();
    await post(command('status', 'trig-status'), FORM);
    expect(text(api.calls('chat.postEphemeral').filter((c) => c.body.user === APPLICANT))).toMatch(
      /Firearms: Recommended, awaiting approval by the States parties/,
    );
  });

  it('publishes App Home, answers a mention in its thread and ignores its own messages', async () => {
    t = await createTestApp({ env: env(), now: '2023-01-20T09:00:00Z' });
    await post(JSON.stringify({ ...fixture<any>('event_app_home_opened.json'), team_id: TEAM }), 'application/json');
    const home = api.calls('views.publish')[0];
    expect(home?.body).toMatchObject({ user_id: 'U123ABC456', view: { type: 'home' } });
    expect((home!.body.view as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);

    await post(JSON.stringify(fixture('event_app_mention.json')), 'application/json');
    const reply = api.calls('chat.postMessage')[0];
    expect(reply?.body).toMatchObject({ channel: 'C123ABC456', thread_ts: '1515449522.000016' });
    expect(text([reply!])).toMatch(/12 February 2023/);

    await post(JSON.stringify(fixture('event_message_im_from_bot.json')), 'application/json');
    expect(api.calls('chat.postMessage')).toHaveLength(1);
  });
});
