/**
 * Drives the whole product through Slack as the e2e suite does (signed requests into the real
 * app, the fake Slack Web API behind SLACK_API_URL) and keeps every payload it emits: Web API
 * calls that carry blocks or views, and the modal answers to view submissions.
 */
import { expect } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api';
import { createTestApp, type TestApp } from '../../support/harness';
import { computeSignature } from '../../../bot/slack/verify';
import { fixture } from '../../slack/support';
import { addFiveDialogueCall, LONGEST_INFO_ANSWER, LONGEST_REASON, longestAnswers, QUESTIONS } from './scenario';

export interface SlackEmitted {
  where: string;
  kind: 'message' | 'view';
  payload: Record<string, any>;
}

type Json = Record<string, any>;
const SECRET = 'platform-signing-secret-0123456789abcdef';
const TEAM = 'T123ABC456';
const APPLICANT = 'U2147483697';
const SECOND = 'U0SECOND01';
const REVIEWER = 'U0REVIEWR';
const FORM = 'application/x-www-form-urlencoded';
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

/** What Slack sends for a modal filled with `values` (by field id). */
function stateFor(view: Json, values: Record<string, unknown>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of (view.blocks as Json[]).filter((b) => b.type === 'input')) {
    const el = block.element;
    const v = values[block.block_id] as string | string[] | undefined;
    const opt = (value: string) => ({ value });
    let s: Json;
    if (el.type === 'plain_text_input') s = { type: el.type, value: v ?? null };
    else if (el.type === 'static_select') s = { type: el.type, selected_option: v ? opt(String(v)) : null };
    else s = { type: el.type, selected_options: (Array.isArray(v) ? v : v ? [v] : []).map(opt) };
    state[block.block_id] = { [el.action_id]: s };
  }
  return state;
}

export async function driveSlack(): Promise<{ emitted: SlackEmitted[]; close(): Promise<void> }> {
  const api: FakeSlackApi = await startFakeSlackApi();
  const emitted: SlackEmitted[] = [];
  let seen = 0;
  let seq = 0;
  const env = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-platform', SLACK_API_URL: api.url, SLACK_REVIEW_CHANNEL: 'C0REVIEWS' };
  let t: TestApp = await createTestApp({ env, now: '2023-01-20T09:00:00Z' });
  api.setMembers('C0REVIEWS', [REVIEWER]);

  const collect = () => {
    const calls = api.calls();
    for (const c of calls.slice(seen)) {
      if (MESSAGE_METHODS.has(c.method)) emitted.push({ where: c.method, kind: 'message', payload: c.body });
      if (VIEW_METHODS.has(c.method))
        emitted.push({
          where: c.method,
          kind: 'view',
          payload: (typeof c.body.view === 'string' ? JSON.parse(c.body.view) : c.body.view) as Json,
        });
    }
    seen = calls.length;
  };
  const post = async (body: string, type: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await t.app.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': type, 'x-slack-request-timestamp': ts, 'x-slack-signature': await computeSignature(SECRET, ts, body) },
      body,
    });
    await t.settle();
    await t.drainOutbox();
    collect();
    return res;
  };
  const dm = (text: string, user = APPLICANT) => {
    const base = fixture<Json>('event_message_im.json');
    return post(
      JSON.stringify({
        ...base,
        team_id: TEAM,
        event_id: `Ev${++seq}`,
        event: { ...base.event, user, text, ts: `1674205200.${String(seq).padStart(6, '0')}` },
      }),
      'application/json',
    );
  };
  const command = (text: string, user = APPLICANT) =>
    post(
      new URLSearchParams({
        ...fixture<Record<string, string>>('slash_command.fields.json'),
        team_id: TEAM,
        user_id: user,
        command: '/dialogues',
        text,
        trigger_id: `trig-${++seq}`,
      }).toString(),
      FORM,
    );
  const interaction = (payload: unknown) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
  const lastView = () => {
    const v = [...api.calls()].reverse().find((c) => c.method === 'views.open' || c.method === 'views.update');
    return (typeof v?.body.view === 'string' ? JSON.parse(v.body.view) : v?.body.view) as Json;
  };
  /** Submits a modal; a `response_action` view in the answer is kept. */
  const submit = async (view: Json, values: Record<string, unknown>, user = APPLICANT): Promise<Json> => {
    const base = fixture<Json>('interactivity_view_submission.json');
    const res = await interaction({
      ...base,
      team: { id: TEAM, domain: 'example' },
      user: { ...base.user, id: user, team_id: TEAM },
      trigger_id: `trig-${++seq}`,
      view: { ...base.view, ...view, id: view.id ?? `V${seq}`, hash: `hash-${++seq}`, state: { values: stateFor(view, values) } },
    });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : {}) as Json;
    if (body.view) emitted.push({ where: `view_submission ${body.response_action}`, kind: 'view', payload: body.view });
    return body;
  };
  /** A button in a message (channel, DM) or in a modal. */
  const click = (button: Json, user: string, where: { channel?: string; ts?: string; view?: Json }) => {
    const base = fixture<Json>('interactivity_block_actions.json');
    const container = where.view
      ? { type: 'view', view_id: where.view.id ?? 'VAPPLY' }
      : { type: 'message', channel_id: where.channel, message_ts: where.ts, is_ephemeral: false };
    return interaction({
      ...base,
      user: { id: user, team_id: TEAM },
      team: { id: TEAM },
      trigger_id: `trig-${++seq}`,
      container,
      ...(where.view
        ? { view: { ...where.view, id: where.view.id ?? 'VAPPLY', type: 'modal' }, channel: undefined, message: undefined }
        : { channel: { id: where.channel } }),
      actions: [{ action_id: button.action_id, value: button.value, type: 'button', block_id: 'b' }],
    });
  };
  const buttonsIn = (blocks: Json[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);
  const lastMessageWith = (pred: (b: Json) => boolean, channel?: string) =>
    [...api.calls()]
      .reverse()
      .find((c) => MESSAGE_METHODS.has(c.method) && (!channel || c.body.channel === channel) && buttonsIn(blocksOf(c.body)).some(pred));
  const blocksOf = (body: Json): Json[] => (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks ?? []));
  const button = (msg: { body: Json } | undefined, pred: (b: Json) => boolean) => {
    const b = msg && buttonsIn(blocksOf(msg.body)).find(pred);
    expect(b, 'button').toBeDefined();
    return b!;
  };
  const id = (prefix: string) => (b: Json) => String(b.action_id).startsWith(prefix);

  // App Home, every question, the global shortcut.
  await post(JSON.stringify({ ...fixture<Json>('event_app_home_opened.json'), team_id: TEAM }), 'application/json');
  for (const q of QUESTIONS) await dm(q);
  for (const text of ['help', 'status', 'what is the deadline?']) await command(text);

  // A draft that is left: the reminders.
  await command('apply', SECOND);
  await submit(lastView(), longestAnswers().dialogues!, SECOND);
  t.clock.set(new Date('2023-02-06T09:00:00Z'));
  await t.built.scheduled();
  t.clock.set(new Date('2023-02-11T09:00:00Z'));
  await t.built.scheduled();
  await t.drainOutbox();
  collect();

  // The closed call, and asking to hear about a later dialogue.
  t.clock.set(new Date('2023-02-20T09:00:00Z'));
  await dm('apply');
  const closed = lastMessageWith(id('subscribe'));
  await click(button(closed, id('subscribe')), APPLICANT, { channel: String(closed!.body.channel), ts: '1674205200.000001' });

  // The five-dialogue call opens; the form through the shortcut, each step empty first, Back once.
  await addFiveDialogueCall(t);
  t = await t.restart();
  t.clock.set(new Date('2023-03-16T09:00:00Z'));
  await t.built.scheduled();
  await t.drainOutbox();
  collect();
  await interaction({
    ...fixture<Json>('interactivity_shortcut_global.json'),
    callback_id: 'apply',
    team: { id: TEAM },
    user: { id: APPLICANT, team_id: TEAM },
    trigger_id: `trig-${++seq}`,
  });
  let view = lastView();
  const answers = longestAnswers();
  let backDone = false;
  for (let n = 0; n < 20 && view; n++) {
    const stepId = String(view.callback_id).split('|')[2]!;
    if (stepId !== 'confirm') await submit(view, {});
    if (stepId === 'organisation' && !backDone) {
      backDone = true;
      const back = buttonsIn(view.blocks).find(id('form.back'))!;
      await click(back, APPLICANT, { view });
      view = lastView();
      continue;
    }
    const next = await submit(view, answers[stepId] ?? {});
    view = next.response_action === 'update' ? next.view : null;
  }

  // Review: five dialogues; approve, reject and ask for information with the longest reasons.
  const review = lastMessageWith(id('review.approve'), 'C0REVIEWS');
  const at = { channel: 'C0REVIEWS', ts: String(review!.body.ts ?? '1700000000.000001') };
  const of = (prefix: string, dialogue: string) => (b: Json) => id(prefix)(b) && String(b.value).endsWith(`|${dialogue}`);
  await click(button(review, of('review.approve', 'firearms')), APPLICANT, at);
  await click(button(review, of('review.approve', 'firearms')), REVIEWER, at);
  for (const [verb, dialogue] of [
    ['review.reject', 'technical-assistance'],
    ['review.request_info', 'international-cooperation'],
  ] as const) {
    await click(button(review, of(verb, dialogue)), REVIEWER, at);
    const prompt = lastView();
    await submit(prompt, { text: '' }, REVIEWER);
    await submit(prompt, { text: LONGEST_REASON }, REVIEWER);
  }

  // The applicant answers, checks the status, edits and withdraws.
  const info = lastMessageWith(id('info.answer'));
  await click(button(info, id('info.answer')), APPLICANT, { channel: String(info!.body.channel), ts: '1674205200.000002' });
  await submit(lastView(), { text: LONGEST_INFO_ANSWER });
  await command('status');
  const status = lastMessageWith(id('withdraw'));
  await click(button(status, id('edit')), APPLICANT, { channel: String(status!.body.channel), ts: '1674205200.000003' });
  await click(button(status, id('withdraw')), APPLICANT, { channel: String(status!.body.channel), ts: '1674205200.000003' });
  const confirm = lastMessageWith(id('withdraw.confirm'));
  await click(button(confirm, id('withdraw.confirm')), APPLICANT, { channel: String(confirm!.body.channel), ts: '1674205200.000004' });
  await command('status');

  return {
    emitted,
    async close() {
      await t.close();
      await api.close();
    },
  };
}
