import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { DeliveryError } from '../../bot/core/sender';
import type { Card } from '../../domain/messages';
import { makeAdapter } from './support';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

const card: Card = {
  title: 'CD-2023-0001 · Example NGO',
  fields: [
    { label: 'Dialogue', value: 'Firearms' },
    { label: 'Stakeholder', value: 'NGO' },
  ],
  actions: [
    { id: 'review.approve', label: 'Approve', value: 'app-1:firearms', style: 'primary' },
    { id: 'review.reject', label: 'Reject', value: 'app-1:firearms', style: 'danger' },
  ],
};
const channel = { platform: 'slack' as const, kind: 'channel' as const, address: 'C0REVIEWS' };

describe('Slack sender (outbox)', () => {
  it('posts a review card to the channel and returns channel + ts', async () => {
    const { adapter } = makeAdapter(api);
    const result = await adapter.sender.deliver({
      recipient: channel,
      replies: [{ kind: 'card', card }],
      purpose: 'review_card',
      replacesRef: null,
    });
    const [post] = api.calls('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'C0REVIEWS', unfurl_links: false, text: 'CD-2023-0001 · Example NGO' });
    expect(JSON.stringify(post?.body.blocks)).toContain('"action_id":"review.approve"');
    expect(result.externalRef).toEqual({ channel: 'C0REVIEWS', ts: expect.stringMatching(/^\d+\.\d+$/) });
  });

  it('updates the card in place with chat.update', async () => {
    const { adapter } = makeAdapter(api);
    const ref = { channel: 'C0REVIEWS', ts: '1700000000.000200' };
    const decided: Card = { ...card, actions: [], footer: 'Approved by Rev Iewer' };
    const result = await adapter.sender.deliver({
      recipient: channel,
      replies: [{ kind: 'card', card: decided }],
      purpose: 'review_card_update',
      replacesRef: ref,
    });
    expect(api.calls('chat.postMessage')).toHaveLength(0);
    expect(api.calls('chat.update')[0]?.body).toMatchObject(ref);
    expect(result.externalRef).toEqual(ref);
  });

  it('DMs a user through conversations.open', async () => {
    const { adapter } = makeAdapter(api);
    await adapter.sender.deliver({
      recipient: { platform: 'slack', kind: 'user', address: 'U2147483697' },
      replies: [{ kind: 'text', text: 'Your application was approved.' }],
      purpose: 'decision_notice',
      replacesRef: null,
    });
    await adapter.sender.deliver({
      recipient: { platform: 'slack', kind: 'user', address: 'U2147483697' },
      replies: [{ kind: 'text', text: 'Again.' }],
      purpose: 'reminder',
      replacesRef: null,
    });
    expect(api.calls('conversations.open')).toHaveLength(1);
    expect(api.calls('chat.postMessage').map((c) => c.body.channel)).toEqual(['D2147483697', 'D2147483697']);
  });

  it('reports rate limits and outages as retryable, other failures as permanent', async () => {
    const { adapter } = makeAdapter(api);
    const send = () =>
      adapter.sender.deliver({ recipient: channel, replies: [{ kind: 'card', card }], purpose: 'review_card', replacesRef: null }).then(
        () => null,
        (e: unknown) => e,
      );
    api.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    expect(await send()).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    api.failNext('chat.postMessage', { status: 500 });
    expect(await send()).toMatchObject({ retryable: true });
    api.failNext('chat.postMessage', { error: 'not_in_channel' });
    const permanent = await send();
    expect(permanent).toBeInstanceOf(DeliveryError);
    expect(permanent).toMatchObject({ retryable: false });
  });
});

describe('isReviewer', () => {
  const actor = (userId: string) => ({ platform: 'slack' as const, userId, scope: 'T1' });
  const channel = (address: string) => [{ platform: 'slack' as const, kind: 'channel' as const, address }];

  it('accepts listed reviewers and members of the channel the card went to, refuses others', async () => {
    const { adapter } = makeAdapter(api, undefined, { SLACK_REVIEWERS: 'U0LISTED' });
    api.setMembers('C0REVIEWS', ['U0REVIEWR', 'U0OTHER']);
    expect(await adapter.isReviewer(actor('U0LISTED'), [])).toBe(true);
    expect(await adapter.isReviewer(actor('U0REVIEWR'), channel('C0REVIEWS'))).toBe(true);
    expect(await adapter.isReviewer(actor('U2147483697'), channel('C0REVIEWS'))).toBe(false);
    expect(await adapter.isReviewer({ platform: 'teams', userId: 'U0REVIEWR' }, channel('C0REVIEWS'))).toBe(false);
    expect(api.calls('conversations.members')).toHaveLength(1);
  });

  it('asks about the channel it is given, never the default one', async () => {
    const { adapter } = makeAdapter(api);
    api.setMembers('C0REVIEWS', ['U0DEFAULT']);
    api.setMembers('C0FIREARMS', ['U0CALL']);
    expect(await adapter.isReviewer(actor('U0CALL'), channel('C0FIREARMS'))).toBe(true);
    expect(await adapter.isReviewer(actor('U0DEFAULT'), channel('C0FIREARMS'))).toBe(false);
    expect(await adapter.isReviewer(actor('U0DEFAULT'), [])).toBe(false);
  });

  it('says no when membership cannot be checked', async () => {
    const { adapter } = makeAdapter(api);
    api.failNext('conversations.members', { status: 500 });
    expect(await adapter.isReviewer(actor('U0REVIEWR'), channel('C0REVIEWS'))).toBe(false);
  });
});
