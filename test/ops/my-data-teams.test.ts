/**
 * "My data" through Teams: signed activities into the real app, the fake Bot Framework, and the
 * export as a signed, short-lived download link shown only in the personal chat.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotFramework, type ConnectorCall } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { activity } from '../teams/support';
import { applyAndDecide } from './burst';

const APPLICANT = '11111111-2222-3333-4444-555555555555';
const SOMEONE = '99999999-8888-7777-6666-555555555555';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PERSONAL = 'a:1xYzPersonalConversationId';

type Card = { body: Record<string, unknown>[]; actions?: Record<string, any>[] };

let fake: FakeBotFramework;
let t: TestApp;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());
beforeEach(async () => {
  t = await createTestApp({ env: fake.env({ PUBLIC_URL: 'https://desk.example.org' }) });
  await post(activity('conversation_update_bot_added_personal', fake));
  const person = await t.deps.store.personFor({
    platform: 'teams',
    scope: TENANT,
    userId: APPLICANT,
    displayName: 'Megan Bowen',
    email: 'megan@example.org',
  });
  const draft = await t.deps.store.openDraft({
    callId: 'cd-2023-firearms-ta',
    personId: person.id,
    platform: 'teams',
    now: t.clock.now().toISOString(),
  });
  await t.deps.store.saveStep({
    id: draft.id,
    answers: { organisationName: 'Contoso Peace Lab' },
    currentStep: 'organisation',
    now: t.clock.now().toISOString(),
    actorRef: `teams:${APPLICANT}`,
  });
  await applyAndDecide(t.deps.store, 1, () => t.clock.now().toISOString());
  fake.reset();
});
afterEach(async () => {
  await t.close();
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
const say = (text: string) => activity('message_personal', fake, { id: `msg-${++seq}`, text });
const cardsOf = (calls: ConnectorCall[]): Card[] =>
  calls.flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
const inChat = () => fake.sent().filter((c) => c.conversationId === PERSONAL && c.method === 'POST');

async function press(card: Card, verb: string, aad = APPLICANT): Promise<string> {
  const action = card.actions!.find((a) => a.verb === verb)!;
  const res = await post(
    activity('invoke_adaptive_card_action', fake, {
      id: `inv-${++seq}`,
      from: { id: `29:${aad}`, name: 'Someone', aadObjectId: aad },
      conversation: { conversationType: 'personal', tenantId: TENANT, id: PERSONAL },
      value: { action: { type: 'Action.Execute', verb, data: action.data }, trigger: 'manual' },
    }),
  );
  return JSON.stringify(await res.json());
}

describe('my data, from Teams', () => {
  it('"my data" in the personal chat: a signed link that downloads the JSON for ten minutes, and only that person\'s', async () => {
    await post(say('my data'));
    const menu = cardsOf(inChat()).at(-1)!;
    expect(menu.actions!.map((a) => a.verb)).toEqual(['my_data.export', 'my_data.delete']);
    const answer = await press(menu, 'my_data.export');
    expect(answer).toContain('The link works for 10 minutes');
    const open = (JSON.parse(answer) as { value: Card }).value.actions!.find((a) => a.type === 'Action.OpenUrl')!;
    expect(open.title).toBe('Download (JSON)');
    const url = open.url as string;
    expect(url).toMatch(/^https:\/\/desk\.example\.org\/my-data\/download\?token=[\w.-]+$/);

    const res = await t.app.request(url!.replace('https://desk.example.org', ''));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="my-data-2023-01-20.json"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = (await res.json()) as any;
    expect(data.person).toMatchObject({ displayName: 'Megan Bowen', email: 'megan@example.org' });
    expect(data.applications).toEqual([expect.objectContaining({ status: 'draft', answers: { organisationName: 'Contoso Peace Lab' } })]);
    expect(JSON.stringify(data)).not.toContain('Ana Ruiz');

    // A link with a changed token, or none, gives nothing.
    const token = new URL(url!).searchParams.get('token')!;
    const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const bad of [`/my-data/download?token=${forged}`, '/my-data/download', '/my-data/download?token=x.y.z']) {
      const refused = await t.app.request(bad);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('Megan');
    }
    const [row] = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.export').execute();
    expect(JSON.parse(row!.detail)).toEqual({ via: 'teams', delivery: 'link' });
  });

  it('delete after confirmation; someone else cannot use the confirmation; a second time is harmless', async () => {
    await post(say('my data'));
    const ask = await press(cardsOf(inChat()).at(-1)!, 'my_data.delete');
    expect(ask).toContain('Delete your data?');
    const confirmCard = (JSON.parse(ask) as { value: Card }).value;
    expect(await press(confirmCard, 'my_data.delete.confirm', SOMEONE)).toContain('meant for someone else');
    expect(await t.deps.db.selectFrom('people').select('email').where('email', '=', 'megan@example.org').execute()).toHaveLength(1);

    const done = await press(confirmCard, 'my_data.delete.confirm');
    expect(done).toContain('Your data has been deleted');
    expect(done).toContain('What we kept, and why');
    const data = JSON.stringify(await t.deps.db.selectFrom('applications').selectAll().where('platform', '=', 'teams').execute());
    expect(data).not.toContain('Contoso');
    expect(await t.deps.db.selectFrom('people').select('email').where('email', '=', 'megan@example.org').execute()).toEqual([]);
    // Ana's application, from someone else, is untouched.
    expect(JSON.stringify(await t.deps.db.selectFrom('representatives').selectAll().execute())).toContain('Ana Ruiz 1');

    await post(say('delete my data'));
    const again = await press(cardsOf(inChat()).at(-1)!, 'my_data.delete');
    expect(again).toContain('We hold no personal data about you');
  });
});
