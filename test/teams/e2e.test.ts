/**
 * The whole product through Teams: signed activities into the real app on a SQLite file, the
 * fake Bot Framework behind the TEAMS_* URLs, the outbox run on demand, restarts in between.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework, type ConnectorCall } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { activity } from './support';

const APPLICANT = '11111111-2222-3333-4444-555555555555';
const REVIEWER = '66666666-7777-8888-9999-000000000000';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const REVIEWS = '19:reviews@thread.tacv2';

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

async function post(body: unknown, token?: string) {
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await fake.sign())}` },
    body: JSON.stringify(body),
  });
  await t.settle();
  return res;
}

let seq = 0;
const say = (text: string) => activity('message_personal', fake, { id: `msg-${++seq}`, text });
const cardsOf = (calls: ConnectorCall[]): Card[] =>
  calls.flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
const textOf = (calls: ConnectorCall[]) => calls.map((c) => `${c.body.text ?? ''}\n${JSON.stringify(c.body.attachments ?? [])}`).join('\n');
const to = (conversationId: string) => fake.sent().filter((c) => c.conversationId === conversationId && c.method === 'POST');

/** Buttons at the bottom of a card and, for review cards, in an ActionSet per dialogue. */
const actionsIn = (card: Card): Record<string, any>[] => [
  ...(card.actions ?? []),
  ...card.body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions as Record<string, any>[]),
];

/** What Teams sends when someone presses a card's Action.Execute after filling its inputs. */
function press(
  card: Card,
  verb: string,
  values: Record<string, unknown>,
  from: { aad: string; name: string },
  where: Record<string, unknown> = {},
) {
  const action = actionsIn(card).find((a) => a.verb === verb)!;
  const inputs: Record<string, unknown> = {};
  for (const el of card.body) {
    if (typeof el.type !== 'string' || !el.type.startsWith('Input.')) continue;
    const v = values[el.id as string] ?? el.value;
    if (v !== undefined) inputs[el.id as string] = Array.isArray(v) ? v.join(',') : v;
  }
  return activity('invoke_adaptive_card_action', fake, {
    id: `inv-${++seq}`,
    from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: 'a:1xYzPersonalConversationId' },
    value: { action: { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } }, trigger: 'manual' },
    ...where,
  });
}

async function invoke(body: unknown): Promise<Card> {
  const res = await post(body);
  const json = (await res.json()) as { statusCode: number; value: Card };
  expect(json.statusCode).toBe(200);
  return json.value;
}

describe('Teams end to end', () => {
  it('answers, takes an application in cards, reviews it in the channel and reports the decision, across restarts', async () => {
    const env = fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS, TEAMS_REVIEWERS: REVIEWER });
    t = await createTestApp({ env, now: '2023-01-20T09:00:00Z' });
    expect(t.built.adapters.map((a) => a.platform)).toContain('teams');

    // Installing in personal scope stores the reference; a question is answered in the chat,
    // with the token from the token endpoint, and a redelivery is answered once.
    await post(activity('conversation_update_bot_added_personal', fake));
    const question = say('what is the deadline to apply?');
    expect((await post(question)).status).toBe(200);
    expect((await post(question)).status).toBe(200);
    // The answer, then its related questions as buttons; once, though the activity came twice.
    const answers = to('a:1xYzPersonalConversationId').filter((c) => c.activityId === question.id);
    expect(answers.filter((c) => c.body.text)).toHaveLength(1);
    expect(answers).toHaveLength(2);
    expect(textOf(answers)).toMatch(/12 February 2023/);
    // The deadline is also given in the asker's own zone (activity.localTimezone).
    const fromNewYork: Record<string, unknown> = { ...say('when is the deadline?'), localTimezone: 'America/New_York', entities: [] };
    await post(fromNewYork);
    const nyAnswer = textOf(to('a:1xYzPersonalConversationId').filter((c) => c.activityId === fromNewYork.id));
    expect(nyAnswer).toMatch(/12 February 2023, 18:00 \(America\/New\\_York/);
    expect(fake.tokenRequests.length).toBeGreaterThanOrEqual(1);
    expect(fake.calls.every((c) => /^Bearer fake-access-token-\d+$/.test(c.authorization ?? ''))).toBe(true);

    // Forged tokens cause nothing.
    const before = fake.calls.length;
    expect((await post(say('hello'), await fake.sign({ aud: 'another-bot' }))).status).toBe(403);
    expect((await post(say('hello'), await fake.sign({ serviceUrl: 'https://evil.example/' }))).status).toBe(403);
    expect(fake.calls).toHaveLength(before);

    // "apply" brings the first step as a card; each step is answered in the invoke response.
    await post(say('apply'));
    let card = cardsOf(to('a:1xYzPersonalConversationId')).at(-1)!;
    const applicant = { aad: APPLICANT, name: 'Megan Bowen' };
    for (let n = 1; n <= 12; n++) {
      const stepId = card.actions?.find((a) => a.verb === 'form.submit')?.data.stepId as string | undefined;
      if (!stepId) break;
      if (n === 3) t = await t.restart(); // the draft id in the card is all the state a restart needs
      // The submission kicks the outbox at once; the connector's first answer to it is a 429.
      if (stepId === 'confirm')
        fake.failNext({ status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'TooManyRequests' } } });
      card = await invoke(press(card, 'form.submit', FIXTURE_STEPS[stepId] ?? {}, applicant));
    }
    expect(JSON.stringify(card)).toMatch(/CD-2023-0001/);

    // The review card waits for the Retry-After (2 s), across a restart, then goes out once.
    t = await t.restart();
    await t.drainOutbox();
    expect(to(REVIEWS)).toHaveLength(0);
    const row = await t.deps.db.selectFrom('outbox').selectAll().where('platform', '=', 'teams').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: '2023-01-20T09:00:02.000Z' });
    t.clock.advance(3_000);
    await t.drainOutbox();
    expect(to(REVIEWS)).toHaveLength(1);
    const posted = to(REVIEWS);
    const reviewCard = cardsOf(posted).find((c) => actionsIn(c).some((a) => a.verb === 'review.approve'));
    expect(reviewCard).toBeDefined();
    expect(JSON.stringify(reviewCard)).not.toMatch(/amina@/);
    // The balance each dialogue has so far, and what this application would add, on the card.
    expect(JSON.stringify(reviewCard)).toMatch(
      /Firearms balance: would be the first from African States; no one recommended or approved so far\. This application adds 1 woman and 0 men\./,
    );

    // The reviewer's click: answered with the updated card; the base message is PUT for everyone
    // via the outbox and the applicant is told in personal chat. Someone else's click changes nothing.
    t = await t.restart();
    const baseId = (
      await t.deps.db
        .selectFrom('outbox')
        .select('external_ref')
        .where('purpose', '=', 'review_card')
        .where('platform', '=', 'teams')
        .executeTakeFirstOrThrow()
    ).external_ref!;
    const ref = JSON.parse(baseId) as { conversationId: string; activityId: string };
    expect(ref.conversationId).toBe(REVIEWS);
    const where = {
      conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${REVIEWS};messageid=${ref.activityId}` },
      channelData: { tenant: { id: TENANT }, channel: { id: REVIEWS } },
      replyToId: ref.activityId,
    };
    const refused = await invoke(press(reviewCard!, 'review.approve', {}, applicant, where));
    expect(JSON.stringify(refused)).toMatch(/Only reviewers/);
    await t.drainOutbox();
    expect(fake.sent().filter((c) => c.method === 'PUT')).toHaveLength(0);

    const sentBefore = to('a:1xYzPersonalConversationId').length;
    const decided = await invoke(press(reviewCard!, 'review.approve', {}, { aad: REVIEWER, name: 'Nestor Wilke' }, where));
    // Under the 2023 call the reviewer recommends; the States parties approve.
    expect(JSON.stringify(decided)).toMatch(/Firearms: recommended by Nestor Wilke, .*Awaiting approval by the States parties/);
    expect(actionsIn(decided).some((a) => a.verb === 'review.approve' && String(a.data.value).endsWith('|firearms'))).toBe(false);
    await t.drainOutbox();
    const puts = fake.sent().filter((c) => c.method === 'PUT');
    expect(puts.length).toBeGreaterThanOrEqual(1);
    expect(puts[0]).toMatchObject({ conversationId: REVIEWS, activityId: ref.activityId });
    expect(textOf(to('a:1xYzPersonalConversationId').slice(sentBefore))).not.toMatch(/approved/i);

    // A double click (or a second reviewer) finds it decided; nothing more is sent.
    const putsBefore = puts.length;
    const again = await invoke(press(reviewCard!, 'review.approve', {}, { aad: REVIEWER, name: 'Nestor Wilke' }, where));
    expect(JSON.stringify(again)).toMatch(/already decided/i);
    await t.drainOutbox();
    expect(fake.sent().filter((c) => c.method === 'PUT')).toHaveLength(putsBefore);

    // Status in chat reports the stage.
    await post(say('status'));
    expect(textOf(to('a:1xYzPersonalConversationId').slice(-2))).toMatch(/Recommended, awaiting approval by the States parties/);
  });
});
