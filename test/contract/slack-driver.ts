/**
 * The contract driver for Slack: signed Events API, slash command and interactivity requests
 * into the whole product (as Slack sends them, from the recorded fixtures), the fake Web API
 * behind SLACK_API_URL for everything the product sends, modals answered through
 * `response_action` as Slack expects.
 */
import type { RawValues } from '../../bot/core/types';
import { computeSignature } from '../../bot/slack/verify';
import { startFakeSlackApi, type RecordedCall } from '../fakes/slack-api';
import { createTestApp } from '../support/harness';
import { fixture } from '../slack/support';
import type { ContractDriver, DriverFactory, ReviewCard, Sent, Step, Verb } from './driver';

type Json = Record<string, any>;
const SECRET = 'contract-signing-secret-0123456789abcdef';
const TEAM = 'T123ABC456';
const APPLICANT = 'U2147483697';
const REVIEWER = 'U0REVIEWR';
const REVIEWS = 'C0REVIEWS';
/** Where conversations.open puts the bot's direct messages to the applicant (the fake's rule). */
const APPLICANT_DM = `D${APPLICANT.slice(1)}`;
const FORM = 'application/x-www-form-urlencoded';

/** Every piece of text in a message or view: its fallback text and every text object in its blocks. */
export function slackText(body: Json): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Json;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'value' && k !== 'private_metadata') walk(v);
  };
  if (typeof body.text === 'string') out.push(body.text);
  walk(typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks);
  if (body.title) walk(body.title);
  // Slack shows *bold* and _italic_ as formatting, and &amp; as &.
  return out.join('\n').replace(/[*_]/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const blocksOf = (body: Json): Json[] => (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks ?? []));
const buttonsIn = (body: Json): Json[] =>
  blocksOf(body)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Json[]);
const viewOf = (call: RecordedCall): Json => (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view) as Json;

/** What the inputs of a modal hold when it is shown, by block id (the product's field ids). */
function shownValues(view: Json): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const block of (view.blocks as Json[]).filter((b) => b.type === 'input')) {
    const el = block.element;
    if (el.initial_value !== undefined) out[block.block_id] = el.initial_value;
    else if (el.initial_option) out[block.block_id] = el.initial_option.value;
    else if (el.initial_options) out[block.block_id] = (el.initial_options as Json[]).map((o) => o.value);
  }
  return out;
}

/** The view_submission state Slack sends for a modal whose inputs hold `values`. */
function stateFor(view: Json, values: Record<string, unknown>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of (view.blocks as Json[]).filter((b) => b.type === 'input')) {
    const el = block.element;
    const v = values[block.block_id] as string | string[] | undefined;
    let s: Json;
    if (el.type === 'plain_text_input') s = { type: el.type, value: v || null };
    else if (el.type === 'static_select') s = { type: el.type, selected_option: v ? { value: String(v) } : null };
    else s = { type: el.type, selected_options: (Array.isArray(v) ? v : v ? [v] : []).map((value) => ({ value })) };
    state[block.block_id] = { [el.action_id]: s };
  }
  return state;
}

function stepOf(view: Json, errors: Record<string, string> = {}): Step {
  return { id: String(view.callback_id).split('|')[2] ?? '', errors, values: shownValues(view), text: slackText(view) };
}

export const slack: DriverFactory = {
  platform: 'slack',
  async start(): Promise<ContractDriver> {
    const api = await startFakeSlackApi();
    api.setMembers(REVIEWS, [REVIEWER]);
    api.setUser(APPLICANT, { tz: 'Africa/Nairobi', name: 'Amina Wanjiru' });
    const t = await createTestApp({
      env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-contract', SLACK_API_URL: api.url, SLACK_REVIEW_CHANNEL: REVIEWS },
      now: '2023-01-20T09:00:00Z',
    });
    let seq = 0;
    let view: Json | null = null;
    let lastQuestion: string | null = null;

    const post = async (body: string, type: string, headers: Record<string, string> = {}) => {
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await t.app.request('/slack/events', {
        method: 'POST',
        headers: {
          'content-type': type,
          'x-slack-request-timestamp': ts,
          'x-slack-signature': await computeSignature(SECRET, ts, body),
          ...headers,
        },
        body,
      });
      if (res.status !== 200) throw new Error(`slack ${res.status}: ${await res.text()}`);
      await t.settle();
      const text = await res.text();
      return (text ? JSON.parse(text) : {}) as Json;
    };
    const interaction = (payload: unknown) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
    const user = (id: string) => ({
      user: { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM },
      team: { id: TEAM, domain: 'example' },
    });
    /** What `who` was told, in messages and ephemeral messages addressed to them, since call `from`. */
    const toldSince = (from: number, who: string) =>
      api
        .calls()
        .slice(from)
        .filter(
          (c) =>
            (c.method === 'chat.postEphemeral' && c.body.user === who) ||
            (c.method === 'chat.postMessage' && String(c.body.channel) === `D${who.slice(1)}`),
        )
        .map((c) => slackText(c.body))
        .join('\n');
    const submitView = async (v: Json, values: Record<string, unknown>, by = APPLICANT) => {
      const base = fixture<Json>('interactivity_view_submission.json');
      return interaction({
        ...base,
        ...user(by),
        trigger_id: `trig-${++seq}`,
        view: { ...base.view, ...v, id: v.id ?? 'VAPPLY', hash: `hash-${++seq}`, state: { values: stateFor(v, values) } },
      });
    };
    const lastView = () => viewOf([...api.calls()].reverse().find((c) => c.method === 'views.open' || c.method === 'views.update')!);
    const reviewPost = () =>
      api
        .calls('chat.postMessage')
        .find((c) => c.body.channel === REVIEWS && buttonsIn(c.body).some((b) => String(b.action_id).startsWith('review.')));

    const driver: ContractDriver = {
      platform: 'slack',
      t,
      async ask(text) {
        const from = api.calls().length;
        const base = fixture<Json>('event_message_im.json');
        lastQuestion = JSON.stringify({
          ...base,
          team_id: TEAM,
          event_id: `EvContract${++seq}`,
          event: { ...base.event, user: APPLICANT, text, ts: `1674205200.${String(seq).padStart(6, '0')}` },
        });
        await post(lastQuestion, 'application/json');
        return api
          .calls()
          .slice(from)
          .filter((c) => c.method === 'chat.postMessage' && c.body.channel === base.event.channel)
          .map((c) => slackText(c.body))
          .join('\n');
      },
      redeliverLastQuestion: async () => {
        // Slack sends the same event again (same event_id) when the first delivery looked slow.
        await post(lastQuestion!, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
      },
      async apply() {
        const trigger = `trig-${++seq}`;
        await post(
          new URLSearchParams({
            ...fixture<Record<string, string>>('slash_command.fields.json'),
            team_id: TEAM,
            user_id: APPLICANT,
            command: '/dialogues',
            text: 'apply',
            trigger_id: trigger,
          }).toString(),
          FORM,
        );
        const opened = api.calls('views.open').find((c) => c.body.trigger_id === trigger);
        if (!opened) throw new Error('no modal opened for /dialogues apply');
        view = viewOf(opened);
        return stepOf(view);
      },
      async fill(values: RawValues) {
        // Slack sends what the inputs hold: the values shown, with these typed over them.
        const answer = await submitView(view!, { ...shownValues(view!), ...values });
        if (answer.response_action === 'errors') return stepOf(view!, answer.errors as Record<string, string>);
        if (answer.response_action !== 'update') throw new Error(`unexpected answer ${JSON.stringify(answer).slice(0, 300)}`);
        view = answer.view as Json;
        return stepOf(view);
      },
      async back() {
        const back = buttonsIn(view!).find((b) => b.action_id === 'form.back');
        if (!back) throw new Error('no Back button in the modal');
        const base = fixture<Json>('interactivity_block_actions.json');
        await interaction({
          ...base,
          ...user(APPLICANT),
          trigger_id: `trig-${++seq}`,
          container: { type: 'view', view_id: 'VAPPLY' },
          view: { ...view, id: 'VAPPLY', type: 'modal' },
          channel: undefined,
          message: undefined,
          actions: [{ action_id: back.action_id, value: back.value, type: 'button', block_id: 'b' }],
        });
        view = lastView();
        return stepOf(view);
      },
      async confirm() {
        const from = api.calls().length;
        const answer = await submitView(view!, {});
        if (answer.response_action !== 'clear')
          throw new Error(`the summary did not close the modal: ${JSON.stringify(answer).slice(0, 300)}`);
        view = null;
        await t.drainOutbox();
        return toldSince(from, APPLICANT);
      },
      async deliver() {
        await t.drainOutbox();
      },
      async applicantInbox() {
        return api
          .calls('chat.postMessage')
          .filter((c) => c.body.channel === APPLICANT_DM)
          .map((c) => slackText(c.body));
      },
      async reviewCard(): Promise<ReviewCard | null> {
        const card = reviewPost();
        if (!card) return null;
        const ts = card.answer?.ts;
        const latest =
          api
            .calls('chat.update')
            .filter((c) => c.body.channel === REVIEWS && c.body.ts === ts)
            .at(-1) ?? card;
        const buttons = buttonsIn(latest.body)
          .filter((b) => String(b.action_id).startsWith('review.'))
          .map((b) => `${String(b.action_id).replace(/#\d+$/, '').slice('review.'.length)}|${String(b.value).split('|')[1]}`);
        return { text: slackText(latest.body), buttons };
      },
      async decide(who, verb: Verb, dialogue, reason) {
        const card = reviewPost();
        const button =
          card &&
          buttonsIn(card.body).find(
            (b) => String(b.action_id).replace(/#\d+$/, '') === `review.${verb}` && String(b.value).endsWith(`|${dialogue}`),
          );
        if (!button) throw new Error(`no ${verb} button for ${dialogue}`);
        const by = who === 'reviewer' ? REVIEWER : APPLICANT;
        const from = api.calls().length;
        const base = fixture<Json>('interactivity_block_actions.json');
        await interaction({
          ...base,
          ...user(by),
          trigger_id: `trig-${++seq}`,
          container: { type: 'message', channel_id: REVIEWS, message_ts: card!.answer?.ts, is_ephemeral: false },
          channel: { id: REVIEWS, name: 'reviews' },
          actions: [{ action_id: button.action_id, value: button.value, type: 'button', block_id: 'b' }],
        });
        const prompt = api
          .calls('views.open')
          .slice(-1)
          .find((c) => api.calls().indexOf(c) >= from);
        if (!prompt || reason === undefined) return toldSince(from, by);
        const answer = await submitView({ ...viewOf(prompt), id: `VPROMPT${seq}` }, { text: reason }, by);
        const errors = answer.response_action === 'errors' ? Object.values(answer.errors as Record<string, string>) : [];
        return [...errors, toldSince(from, by)].join('\n');
      },
      async sent(): Promise<Sent[]> {
        const to = (c: RecordedCall): Sent['to'] => {
          const channel = String(c.body.channel);
          if (c.method === 'chat.postEphemeral') return c.body.user === APPLICANT ? 'applicant' : 'someone else';
          if (channel === REVIEWS) return 'reviewers';
          return channel.startsWith('D') && channel !== `D${REVIEWER.slice(1)}` ? 'applicant' : 'someone else';
        };
        return api
          .calls()
          .filter((c) => ['chat.postMessage', 'chat.postEphemeral', 'chat.update'].includes(c.method))
          .map((c) => ({
            to: to(c),
            kind: c.method === 'chat.update' ? 'update' : 'post',
            message: c.method === 'chat.update' ? String(c.body.ts) : '',
            text: slackText(c.body),
          }));
      },
      async close() {
        await t.close();
        await api.close();
      },
    };
    return driver;
  },
};
