/**
 * The contract driver for Microsoft Teams: Bot Framework activities signed by the fake's keys
 * (from the recorded fixtures) into the whole product, Adaptive Card actions pressed as Teams
 * sends them (Action.Execute with the card's inputs), and the fake connector for everything the
 * product posts or updates.
 */
import type { RawValues } from '../../bot/core/types';
import { FakeBotFramework, type ConnectorCall } from '../fakes/bot-framework';
import { createTestApp } from '../support/harness';
import { activity } from '../teams/support';
import type { ContractDriver, DriverFactory, ReviewCard, Sent, Step, Verb } from './driver';

type Card = Record<string, any>;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PERSONAL = 'a:1xYzPersonalConversationId';
const REVIEWS = '19:reviews@thread.tacv2';
const APPLICANT = { aad: '11111111-2222-3333-4444-555555555555', name: 'Amina Wanjiru' };
const REVIEWER = { aad: '66666666-7777-8888-9999-000000000000', name: 'Nestor Wilke' };

/** Buttons at the bottom of a card and in its ActionSets. */
const actionsIn = (card: Card): Card[] => [
  ...(card.actions ?? []),
  ...(card.body as Card[]).filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions as Card[]),
];
const inputsIn = (card: Card): Card[] => (card.body as Card[]).filter((e) => typeof e.type === 'string' && e.type.startsWith('Input.'));
const cardsIn = (call: ConnectorCall): Card[] => ((call.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content);

/** What a person reads on a card or message: text blocks, facts, input labels (Markdown escapes removed). */
export function teamsText(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n === null || typeof n !== 'object') return;
    const o = n as Card;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.label === 'string') out.push(o.label);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
  };
  walk(node);
  return out.join('\n').replace(/\\(.)/g, '$1').replace(/\*\*/g, '');
}

const messageText = (call: ConnectorCall) =>
  [typeof call.body.text === 'string' ? call.body.text.replace(/\\(.)/g, '$1').replace(/\*\*/g, '') : '', ...cardsIn(call).map(teamsText)]
    .filter(Boolean)
    .join('\n');

/** What the inputs of a card hold as shown. */
function shownValues(card: Card): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const el of inputsIn(card)) {
    if (el.value === undefined || el.value === '') continue;
    out[el.id] = el.isMultiSelect ? String(el.value).split(',') : String(el.value);
  }
  return out;
}

/** A step card: its id from the submit action, and the server's messages under their fields. */
function stepOf(card: Card): Step {
  const errors: Record<string, string> = {};
  let field: string | null = null;
  for (const el of card.body as Card[]) {
    if (typeof el.type === 'string' && el.type.startsWith('Input.')) field = el.id;
    else if (el.type === 'TextBlock' && el.color === 'Attention' && field)
      errors[field] = [errors[field], teamsText(el)].filter(Boolean).join('\n');
  }
  const submit = actionsIn(card).find((a) => a.verb === 'form.submit');
  return { id: String(submit?.data.stepId ?? ''), errors, values: shownValues(card), text: teamsText(card) };
}

export const teams: DriverFactory = {
  platform: 'teams',
  async start(): Promise<ContractDriver> {
    const fake = await FakeBotFramework.start();
    const t = await createTestApp({
      env: fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS, TEAMS_REVIEWERS: REVIEWER.aad }),
      now: '2023-01-20T09:00:00Z',
    });
    let seq = 0;
    let card: Card | null = null;
    let lastQuestion: Record<string, unknown> | null = null;

    const post = async (body: unknown) => {
      const res = await t.app.request('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`teams ${res.status}: ${await res.text()}`);
      await t.settle();
      return res;
    };
    const from = (p: { aad: string; name: string }) => ({ from: { id: `29:${p.aad}`, name: p.name, aadObjectId: p.aad } });
    const personal = { conversation: { conversationType: 'personal', tenantId: TENANT, id: PERSONAL } };
    /** Presses a card's button as Teams does: Action.Execute with the card's inputs; the card Teams shows in answer. */
    const press = async (
      on: Card,
      verb: string,
      values: Record<string, unknown>,
      p: { aad: string; name: string },
      where: Record<string, unknown> = personal,
      pick?: (a: Card) => boolean,
    ): Promise<Card> => {
      const action = actionsIn(on).find((a) => a.verb === verb && (!pick || pick(a)));
      if (!action) throw new Error(`no ${verb} on the card`);
      const inputs: Record<string, unknown> = {};
      if (action.associatedInputs !== 'none') {
        for (const el of inputsIn(on)) {
          const v = el.id in values ? values[el.id] : el.value;
          if (v !== undefined) inputs[el.id] = Array.isArray(v) ? v.join(',') : v;
        }
      }
      const res = await post(
        activity('invoke_adaptive_card_action', fake, {
          id: `inv-${++seq}`,
          ...from(p),
          ...where,
          value: { action: { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } }, trigger: 'manual' },
        }),
      );
      const json = (await res.json()) as { statusCode: number; type: string; value: unknown };
      if (json.statusCode !== 200) throw new Error(`invoke answered ${JSON.stringify(json).slice(0, 300)}`);
      // An invoke is answered with a card, or with a message (a string) where nothing changes.
      return json.type === 'application/vnd.microsoft.card.adaptive'
        ? (json.value as Card)
        : { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: String(json.value) }] };
    };
    const toApplicant = () => fake.sent().filter((c) => c.conversationId === PERSONAL && c.method === 'POST');
    const reviewPost = () =>
      fake
        .sent()
        .find(
          (c) =>
            c.conversationId === REVIEWS &&
            c.method === 'POST' &&
            cardsIn(c).some((k) => actionsIn(k).some((a) => String(a.verb).startsWith('review.'))),
        );
    const channel = (activityId: string) => ({
      conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${REVIEWS};messageid=${activityId}` },
      channelData: { tenant: { id: TENANT }, channel: { id: REVIEWS } },
      replyToId: activityId,
    });

    const driver: ContractDriver = {
      platform: 'teams',
      t,
      async ask(text) {
        lastQuestion = activity('message_personal', fake, { id: `msg-${++seq}`, text, ...from(APPLICANT) });
        await post(lastQuestion);
        return toApplicant()
          .filter((c) => c.activityId === lastQuestion!.id)
          .map(messageText)
          .join('\n');
      },
      redeliverLastQuestion: async () => {
        // Teams sends the same activity (same id) again when the bot's answer was slow.
        await post(lastQuestion!);
      },
      async apply() {
        const before = toApplicant().length;
        await post(activity('message_personal', fake, { id: `msg-${++seq}`, text: 'apply', ...from(APPLICANT) }));
        card =
          toApplicant()
            .slice(before)
            .flatMap(cardsIn)
            .find((k) => actionsIn(k).some((a) => a.verb === 'form.submit')) ?? null;
        if (!card) throw new Error('no form card after "apply"');
        return stepOf(card);
      },
      async fill(values: RawValues) {
        card = await press(card!, 'form.submit', { ...shownValues(card!), ...values }, APPLICANT);
        return stepOf(card);
      },
      async back() {
        card = await press(card!, 'form.back', {}, APPLICANT);
        return stepOf(card);
      },
      async confirm() {
        const before = toApplicant().length;
        const answer = await press(card!, 'form.submit', {}, APPLICANT);
        card = null;
        await t.drainOutbox();
        return [teamsText(answer), ...toApplicant().slice(before).map(messageText)].join('\n');
      },
      async deliver() {
        await t.drainOutbox();
      },
      async applicantInbox() {
        // Notices start a message of their own; answers are replies to what the person said.
        return toApplicant()
          .filter((c) => c.activityId === null)
          .map(messageText);
      },
      async reviewCard(): Promise<ReviewCard | null> {
        const posted = reviewPost();
        if (!posted) return null;
        const latest =
          fake
            .sent()
            .filter((c) => c.method === 'PUT' && c.conversationId === REVIEWS && c.activityId === posted.answeredId)
            .at(-1) ?? posted;
        const shown = cardsIn(latest)[0]!;
        const buttons = actionsIn(shown)
          .filter((a) => String(a.verb).startsWith('review.'))
          .map((a) => `${String(a.verb).slice('review.'.length)}|${String(a.data.value).split('|')[1]}`);
        return { text: teamsText(shown), buttons };
      },
      async decide(who, verb: Verb, dialogue, reason) {
        const posted = reviewPost();
        if (!posted) throw new Error('no review card');
        const p = who === 'reviewer' ? REVIEWER : APPLICANT;
        const where = channel(posted.answeredId!);
        const answer = await press(cardsIn(posted)[0]!, `review.${verb}`, {}, p, where, (a) =>
          String(a.data.value).endsWith(`|${dialogue}`),
        );
        if (reason === undefined || !actionsIn(answer).some((a) => a.verb === 'prompt.submit')) return teamsText(answer);
        return teamsText(await press(answer, 'prompt.submit', { text: reason }, p, where));
      },
      async sent(): Promise<Sent[]> {
        return fake.sent().map((c) => ({
          to: c.conversationId === PERSONAL ? 'applicant' : c.conversationId?.startsWith(REVIEWS) ? 'reviewers' : 'someone else',
          kind: c.method === 'PUT' ? 'update' : 'post',
          message: c.method === 'PUT' ? String(c.activityId) : '',
          text: messageText(c),
        }));
      },
      async close() {
        await t.close();
        await fake.stop();
      },
    };
    return driver;
  },
};
