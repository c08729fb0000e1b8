import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError, type DeliveryRequest, type Sender } from '../../bot/core/sender';
import { createOutboxWorker, MAX_ATTEMPTS, retryDelay } from '../../server/jobs/outbox';
import { silentLogger } from '../../server/log';
import type { OutboundMessage } from '../../domain/messages';
import type { Platform } from '../../domain/types';
import { createTestApp, type TestApp } from '../support/harness';

let t: TestApp;
afterEach(async () => t?.close());

const card = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  recipient: { platform: 'slack', kind: 'channel', address: 'C0REVIEW' },
  purpose: 'review_card',
  replies: [{ kind: 'text', text: key }],
  dedupeKey: key,
  ...extra,
});

function scriptedSender(script: (req: DeliveryRequest, n: number) => unknown): Sender & { calls: DeliveryRequest[] } {
  const calls: DeliveryRequest[] = [];
  return {
    calls,
    async deliver(req) {
      calls.push(req);
      const r = script(req, calls.length);
      if (r instanceof Error) throw r;
      return { externalRef: r ?? { ts: String(calls.length) } };
    },
  };
}

async function setup(sender: Sender) {
  t = await createTestApp();
  const worker = createOutboxWorker({
    db: t.deps.db,
    clock: t.clock,
    log: silentLogger,
    senders: () => new Map<Platform, Sender>([['slack', sender]]),
    random: () => 0.5,
  });
  return worker;
}

describe('outbox worker', () => {
  it('retries a rate-limited delivery after Retry-After, and delivers it exactly once', async () => {
    const sender = scriptedSender((_, n) => (n === 1 ? new DeliveryError('ratelimited', true, 30_000) : undefined));
    const worker = await setup(sender);
    await t.deps.store.enqueue([card('k1')], t.clock.now().toISOString());
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0); // not due before Retry-After
    t.clock.advance(30_001);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(sender.calls).toHaveLength(2);
    const row = await t.deps.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', 'k1').executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    expect(JSON.parse(row.external_ref!)).toEqual({ ts: '2' });
  });

  it('gives up after the last attempt and on permanent errors, keeping the reason', async () => {
    const sender = scriptedSender((req) =>
      req.replies[0]?.kind === 'text' && req.replies[0].text === 'perm'
        ? new DeliveryError('channel_not_found', false)
        : new Error('socket hang up'),
    );
    const worker = await setup(sender);
    await t.deps.store.enqueue([card('perm'), card('flaky')], t.clock.now().toISOString());
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await worker.runOnce();
      t.clock.advance(11 * 60_000);
    }
    const rows = await t.deps.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'status', 'attempts', 'last_error'])
      .orderBy('dedupe_key')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ dedupe_key: 'flaky', status: 'failed', last_error: 'socket hang up' }),
      expect.objectContaining({ dedupe_key: 'perm', status: 'failed', last_error: 'channel_not_found' }),
    ]);
    expect(sender.calls.filter((c) => c.replies[0]?.kind === 'text' && c.replies[0].text === 'flaky')).toHaveLength(MAX_ATTEMPTS);
  });

  it('holds a card update until the card it replaces is delivered, then passes its reference', async () => {
    const sender = scriptedSender((req, n) =>
      req.purpose === 'review_card' && n === 1 ? new DeliveryError('timeout', true) : { channel: 'C0REVIEW', ts: '1700.01' },
    );
    const worker = await setup(sender);
    const now = t.clock.now().toISOString();
    await t.deps.store.enqueue([card('card'), card('update', { purpose: 'review_card_update', replaces: 'card' })], now);
    await worker.runOnce();
    expect(sender.calls.map((c) => c.purpose)).toEqual(['review_card']);
    t.clock.advance(5 * 60_000);
    await worker.drain();
    expect(sender.calls.map((c) => c.purpose)).toEqual(['review_card', 'review_card', 'review_card_update']);
    expect(sender.calls[2]!.replacesRef).toEqual({ channel: 'C0REVIEW', ts: '1700.01' });
  });

  it('backs off exponentially with jitter and caps the delay', () => {
    expect(retryDelay(1, undefined, () => 0)).toBe(500);
    expect(retryDelay(4, undefined, () => 1)).toBe(8_000);
    expect(retryDelay(30, undefined, () => 1)).toBe(600_000);
    expect(retryDelay(3, 2_000, () => 1)).toBe(2_000);
  });
});
