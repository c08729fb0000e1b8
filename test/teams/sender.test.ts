import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectorClient } from '../../bot/teams/client';
import { DeliveryError } from '../../bot/core/sender';
import { BOT_ID, FAKE_APP_ID, FAKE_APP_PASSWORD, FAKE_TENANT_ID, FakeBotFramework } from '../fakes/bot-framework';
import { activity, fixture, rig, type Rig } from './support';

let fake: FakeBotFramework;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());

describe('connector client', () => {
  beforeEach(() => fake.reset());

  it('gets a client-credentials token (form body, Bot Framework scope) and reuses it', async () => {
    let t = 0;
    const client = createConnectorClient({ appId: FAKE_APP_ID, appPassword: FAKE_APP_PASSWORD, tokenUrl: fake.tokenUrl, now: () => t });
    const first = await Promise.all([client.token(), client.token()]);
    expect(first[0]).toBe(first[1]);
    expect(fake.tokenRequests).toHaveLength(1);
    const form = fake.tokenRequests[0]!;
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: FAKE_APP_ID,
      client_secret: FAKE_APP_PASSWORD,
      scope: 'https://api.botframework.com/.default',
    });
    t = 54 * 60 * 1000; // 54 min: still more than 5 min left
    await client.token();
    expect(fake.tokenRequests).toHaveLength(1);
    t = 56 * 60 * 1000; // under 5 min left: renew
    await client.token();
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it('sends, replies and updates at the documented paths with the token', async () => {
    const client = createConnectorClient({ appId: FAKE_APP_ID, appPassword: FAKE_APP_PASSWORD, tokenUrl: fake.tokenUrl });
    const id = await client.send(fake.serviceUrl, '19:reviews@thread.tacv2', { type: 'message', text: 'hi' });
    await client.send(fake.serviceUrl, 'a:1xYz', { type: 'message', text: 're' }, '1700000000001');
    await client.update(fake.serviceUrl, '19:reviews@thread.tacv2', id!, { type: 'message', text: 'edited' });
    expect(fake.calls.map((c) => [c.method, c.conversationId, c.activityId])).toEqual([
      ['POST', '19:reviews@thread.tacv2', null],
      ['POST', 'a:1xYz', '1700000000001'],
      ['PUT', '19:reviews@thread.tacv2', id],
    ]);
    expect(fake.calls[1]!.body).toMatchObject({ replyToId: '1700000000001' });
    expect(fake.calls.every((c) => c.authorization === 'Bearer fake-access-token-1')).toBe(true);
  });
});

describe('Teams Sender (outbox)', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(fake);
    fake.reset();
  });
  afterEach(() => r.close());

  const card = {
    kind: 'card' as const,
    card: { title: 'CD-2023-0001', actions: [{ id: 'review.approve', label: 'Approve', value: 'a|b' }] },
  };

  it('posts a review card to a channel and PUTs the update over it', async () => {
    const { externalRef } = await r.adapter.sender.deliver({
      recipient: { platform: 'teams', kind: 'channel', address: '19:reviews@thread.tacv2' },
      replies: [card],
      purpose: 'review_card',
      replacesRef: null,
    });
    expect(externalRef).toEqual({ serviceUrl: fake.serviceUrl, conversationId: '19:reviews@thread.tacv2', activityId: expect.any(String) });
    await r.adapter.sender.deliver({
      recipient: { platform: 'teams', kind: 'channel', address: '19:reviews@thread.tacv2' },
      replies: [{ kind: 'card', card: { title: 'CD-2023-0001', text: 'Approved by Nestor Wilke' } }],
      purpose: 'review_card_update',
      replacesRef: JSON.parse(JSON.stringify(externalRef)),
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['POST', 'PUT']);
    expect(fake.calls[1]!.activityId).toBe((externalRef as { activityId: string }).activityId);
    const content = (fake.calls[1]!.body.attachments as { content: { body: { text?: string }[] } }[])[0]!.content;
    expect(content.body.map((b) => b.text)).toContain('Approved by Nestor Wilke');
  });

  it('uses the stored personal conversation for a user, else creates one with the tenant', async () => {
    await r.post(activity('conversation_update_bot_added_personal', fake));
    await r.settle();
    fake.reset();
    await r.adapter.sender.deliver({
      recipient: { platform: 'teams', kind: 'user', address: '11111111-2222-3333-4444-555555555555', scope: FAKE_TENANT_ID },
      replies: [{ kind: 'text', text: 'Your application was approved.' }],
      purpose: 'decision_notice',
      replacesRef: null,
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ method: 'POST', conversationId: 'a:1xYzPersonalConversationId' });

    fake.reset();
    await r.adapter.sender.deliver({
      recipient: { platform: 'teams', kind: 'user', address: '99999999-0000-0000-0000-000000000000', scope: FAKE_TENANT_ID },
      replies: [{ kind: 'text', text: 'Hello' }],
      purpose: 'decision_notice',
      replacesRef: null,
    });
    const expected = fixture<{ body: Record<string, unknown> }>('outbound_create_conversation').body;
    expect(fake.calls[0]).toMatchObject({ method: 'POST', conversationId: null });
    expect(fake.calls[0]!.body).toMatchObject({
      ...expected,
      bot: { id: BOT_ID },
      members: [{ id: '99999999-0000-0000-0000-000000000000' }],
    });
    expect(fake.calls[1]).toMatchObject({ method: 'POST', conversationId: 'a:created-99999999-0000-0000-0000-000000000000' });
    const row = await r.sqlite.db
      .selectFrom('conversations')
      .selectAll()
      .where('user_id', '=', '99999999-0000-0000-0000-000000000000')
      .executeTakeFirst();
    expect(row).toMatchObject({ kind: 'personal', scope: FAKE_TENANT_ID });
  });

  it.each([
    [429, { 'retry-after': '7' }, true, 7000],
    [412, {}, true, undefined],
    [502, {}, true, undefined],
    [504, {}, true, undefined],
    [500, {}, true, undefined],
    [404, {}, false, undefined],
  ])('HTTP %i -> retryable %s', async (status, headers, retryable, retryAfterMs) => {
    fake.failNext({ status, headers });
    const err = await r.adapter.sender
      .deliver({
        recipient: { platform: 'teams', kind: 'channel', address: '19:reviews@thread.tacv2' },
        replies: [card],
        purpose: 'review_card',
        replacesRef: null,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryable, ...(retryAfterMs ? { retryAfterMs } : {}) });
  });

  it('403 MessageWritesBlocked is permanent', async () => {
    const { _http, ...body } = fixture('error_403_blocked');
    void _http;
    fake.failNext({ status: 403, body });
    const err = await r.adapter.sender
      .deliver({
        recipient: { platform: 'teams', kind: 'channel', address: '19:reviews@thread.tacv2' },
        replies: [card],
        purpose: 'review_card',
        replacesRef: null,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: false, message: expect.stringContaining('MessageWritesBlocked') });
  });

  it('a connector that does not answer is retryable', async () => {
    const dead = await rig(fake, { env: { TEAMS_SERVICE_URL: 'http://127.0.0.1:9/' } });
    const err = await dead.adapter.sender
      .deliver({
        recipient: { platform: 'teams', kind: 'channel', address: '19:x@thread.tacv2' },
        replies: [card],
        purpose: 'review_card',
        replacesRef: null,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: true });
    await dead.close();
  });
});
