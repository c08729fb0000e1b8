/**
 * The question loop through Teams, against the fake Bot Framework: a question the bot cannot
 * answer becomes a card in the secretariat channel; a member answers it in the card; the answer
 * reaches the asker's personal chat, the card is updated for everyone, and the next asker gets
 * the answer from the FAQ.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework, type ConnectorCall } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { activity } from './support';

const ASKER = '11111111-2222-3333-4444-555555555555';
const SECRETARY = '66666666-7777-8888-9999-000000000000';
const OUTSIDER = '99999999-8888-7777-6666-555555555555';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRETARIAT = '19:secretariat@thread.tacv2';
const PERSONAL = 'a:1xYzPersonalConversationId';

type Card = { body: Record<string, unknown>[]; actions?: Record<string, any>[] };

let fake: FakeBotFramework;
let t: TestApp;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());
afterEach(async () => {
  await t?.close();
  fake.reset();
});

async function post(body: unknown) {
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
    body: JSON.stringify(body),
  });
  await t.settle();
  return res;
}

let seq = 0;
const say = (text: string, from = { aad: ASKER, conversation: PERSONAL }) =>
  activity('message_personal', fake, {
    id: `msg-${++seq}`,
    text,
    from: { id: `29:${from.aad}`, name: 'Megan Bowen', aadObjectId: from.aad },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: from.conversation },
  });
const cardsOf = (calls: ConnectorCall[]): Card[] =>
  calls.flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
const textOf = (calls: ConnectorCall[]) => calls.map((c) => `${c.body.text ?? ''}\n${JSON.stringify(c.body.attachments ?? [])}`).join('\n');
const to = (conversationId: string) => fake.sent().filter((c) => c.conversationId === conversationId && c.method === 'POST');

function press(card: Card, verb: string, values: Record<string, unknown>, from: string, where: Record<string, unknown>) {
  const action = card.actions!.find((a) => a.verb === verb)!;
  const inputs: Record<string, unknown> = {};
  for (const el of card.body) {
    if (typeof el.type !== 'string' || !el.type.startsWith('Input.')) continue;
    const v = values[el.id as string] ?? el.value;
    if (v !== undefined) inputs[el.id as string] = v;
  }
  return activity('invoke_adaptive_card_action', fake, {
    id: `inv-${++seq}`,
    from: { id: `29:${from}`, name: 'Nestor Wilke', aadObjectId: from },
    value: { action: { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } }, trigger: 'manual' },
    ...where,
  });
}

async function invoke(body: unknown): Promise<Card> {
  const json = (await (await post(body)).json()) as { statusCode: number; value: Card };
  expect(json.statusCode).toBe(200);
  return json.value;
}

describe('Teams: questions passed to the secretariat', () => {
  it('asks in personal chat, is answered on the secretariat card, and the next asker gets it from the FAQ', async () => {
    t = await createTestApp({ env: fake.env({ TEAMS_REVIEWERS: SECRETARY }) });
    await t.deps.db
      .insertInto('secretariat_channels')
      .values({ call_id: '', platform: 'teams', address: SECRETARIAT, updated_at: t.clock.now().toISOString() })
      .execute();
    await post(activity('conversation_update_bot_added_personal', fake));

    const question = 'Will there be sign language interpretation? [Verify](https://evil.example/login)';
    await post(say(question));
    expect(textOf(to(PERSONAL).slice(-1))).toContain('Their answer will come here, in this conversation.');

    await t.drainOutbox();
    const posted = to(SECRETARIAT);
    expect(posted).toHaveLength(1);
    const card = cardsOf(posted)[0]!;
    expect(card.actions!.map((a) => a.verb)).toEqual(['question.answer', 'question.dismiss', 'question.assign']);
    expect(JSON.stringify(card)).not.toContain(ASKER);
    const ref = JSON.parse(
      (await t.deps.db.selectFrom('outbox').select('external_ref').where('purpose', '=', 'question_card').executeTakeFirstOrThrow())
        .external_ref!,
    ) as { activityId: string };
    const where = {
      conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${SECRETARIAT};messageid=${ref.activityId}` },
      channelData: { tenant: { id: TENANT }, channel: { id: SECRETARIAT } },
      replyToId: ref.activityId,
    };

    expect(JSON.stringify(await invoke(press(card, 'question.answer', {}, OUTSIDER, where)))).toContain(
      'Only members of the secretariat channel',
    );

    const form = await invoke(press(card, 'question.answer', {}, SECRETARY, where));
    const toggle = form.body.find((el) => el.id === 'faq');
    expect(toggle).toMatchObject({ type: 'Input.Toggle', value: 'true' });

    const tooLong = await invoke(press(form, 'form.submit', { answer: 'x'.repeat(10_000) }, SECRETARY, where));
    expect(JSON.stringify(tooLong)).toContain('at most 4,000 characters');

    const answer = 'International Sign interpretation is provided in the room and online.';
    const done = await invoke(press(form, 'form.submit', { answer }, SECRETARY, where));
    expect(JSON.stringify(done)).toContain('your answer is on its way to the person who asked');

    await t.drainOutbox();
    const delivered = to(PERSONAL).filter((c) => textOf([c]).includes(answer));
    expect(delivered).toHaveLength(1);
    expect(textOf(delivered)).toContain('The secretariat has answered your question');
    const puts = fake.sent().filter((c) => c.method === 'PUT');
    expect(puts.at(-1)).toMatchObject({ conversationId: SECRETARIAT, activityId: ref.activityId });
    expect(textOf(puts.slice(-1))).toContain('Answered by Nestor Wilke');
    expect(cardsOf(puts.slice(-1))[0]!.actions ?? []).toHaveLength(0);

    // A second answer from the card is refused and says who answered.
    const late = await invoke(press(form, 'form.submit', { answer: 'Another answer.' }, SECRETARY, where));
    expect(JSON.stringify(late)).toContain('Nestor Wilke answered this question first');

    // The next person asking is answered from the FAQ.
    await post(say('Will there be sign language interpretation?', { aad: OUTSIDER, conversation: 'a:2OtherPersonalConversation' }));
    const next = textOf(to('a:2OtherPersonalConversation'));
    expect(next).toContain(answer);
    expect(next).not.toContain('passed your question');
  });
});
