import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '../../db/connect-node';
import { migrateToLatest } from '../../db/migrate';
import {
  claimDue,
  externalRefOf,
  markDelivered,
  markEventProcessed,
  markFailed,
  markRetry,
  pruneProcessedEvents,
  requeueStale,
} from '../../db/outbox-queue';
import { createStore } from '../../db/store';
import type { OutboundMessage } from '../../domain/messages';
import type { Store } from '../../domain/ports';

const T0 = '2023-01-10T09:00:00.000Z';
const T1 = '2023-01-10T09:01:00.000Z';
const T2 = '2023-01-10T09:10:00.000Z';

const msg = (key: string, purpose: OutboundMessage['purpose'] = 'confirmation', replaces?: string): OutboundMessage => ({
  recipient: { platform: 'teams', kind: 'user', address: 'aad-1', scope: 'tenant' },
  purpose,
  dedupeKey: key,
  replaces,
  replies: [{ kind: 'card', card: { title: key } }],
});

let dir: string;
let h: SqliteHandle;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-outbox-'));
  h = openSqlite(`file:${join(dir, 'desk.sqlite')}`);
  await migrateToLatest(h.db);
  store = createStore(h.db, h.atomic);
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox', () => {
  it('enqueues each dedupe key once', async () => {
    expect(await store.enqueue([msg('a'), msg('b')], T0)).toBe(2);
    expect(await store.enqueue([msg('a'), msg('c')], T0)).toBe(1);
    expect(await store.enqueue([], T0)).toBe(0);
    const row = await h.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', 'a').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ platform: 'teams', status: 'pending', attempts: 0, next_attempt_at: T0, purpose: 'confirmation' });
    expect(JSON.parse(row.recipient)).toEqual({ platform: 'teams', kind: 'user', address: 'aad-1', scope: 'tenant' });
  });

  it('claims due rows once, in order, even for two workers at once', async () => {
    await store.enqueue([msg('a')], T0);
    await store.enqueue([msg('b')], T1);
    await store.enqueue([msg('later')], T2);
    const [w1, w2] = await Promise.all([claimDue(h.db, T1, 10), claimDue(h.db, T1, 10)]);
    const all = [...w1, ...w2].map((r) => r.dedupe_key);
    expect(all.sort()).toEqual(['a', 'b']);
    expect(w1.length === 0 || w2.length === 0).toBe(true);
    expect((w1.length ? w1 : w2).map((r) => r.dedupe_key)).toEqual(['a', 'b']);
    expect([...w1, ...w2].every((r) => r.status === 'sending')).toBe(true);
    expect(await claimDue(h.db, T1, 10)).toEqual([]);
    expect((await claimDue(h.db, T2, 1)).map((r) => r.dedupe_key)).toEqual(['later']);
  });

  it('records delivery, retries with a later time, and fails for good', async () => {
    await store.enqueue([msg('card', 'review_card'), msg('update', 'review_card_update', 'card'), msg('doomed')], T0);
    const [card, update, doomed] = await claimDue(h.db, T0, 10);
    expect(await externalRefOf(h.db, 'card')).toBeNull();

    await markDelivered(h.db, card!.id, { channel: 'C1', ts: '1.2' }, T1);
    expect(await externalRefOf(h.db, 'card')).toEqual({ channel: 'C1', ts: '1.2' });

    await markRetry(h.db, update!.id, 'HTTP 429', T2);
    expect(await claimDue(h.db, T1, 10)).toEqual([]);
    const [again] = await claimDue(h.db, T2, 10);
    expect(again).toMatchObject({ dedupe_key: 'update', attempts: 1, last_error: 'HTTP 429' });

    await markFailed(h.db, doomed!.id, 'channel_not_found');
    const rows = await h.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'status', 'attempts', 'delivered_at'])
      .orderBy('dedupe_key')
      .execute();
    expect(rows).toEqual([
      { dedupe_key: 'card', status: 'delivered', attempts: 1, delivered_at: T1 },
      { dedupe_key: 'doomed', status: 'failed', attempts: 1, delivered_at: null },
      { dedupe_key: 'update', status: 'sending', attempts: 1, delivered_at: null },
    ]);
    // A late retry mark never undoes a delivery.
    await markRetry(h.db, card!.id, 'late', T2);
    expect((await h.db.selectFrom('outbox').select('status').where('id', '=', card!.id).executeTakeFirstOrThrow()).status).toBe(
      'delivered',
    );
  });

  it('puts rows left sending by a crash back to pending, counting the attempt', async () => {
    await store.enqueue([msg('a'), msg('b')], T0);
    await claimDue(h.db, T0, 1);
    await claimDue(h.db, T1, 1);
    expect(await requeueStale(h.db, T1)).toBe(1);
    const rows = await h.db.selectFrom('outbox').select(['dedupe_key', 'status', 'attempts']).orderBy('dedupe_key').execute();
    expect(rows).toEqual([
      { dedupe_key: 'a', status: 'pending', attempts: 1 },
      { dedupe_key: 'b', status: 'sending', attempts: 0 },
    ]);
    expect((await claimDue(h.db, T2, 10)).map((r) => r.dedupe_key)).toEqual(['a']);
  });
});

describe('processed events', () => {
  it('reports a platform event as new exactly once, and prunes old ids', async () => {
    const results = await Promise.all([markEventProcessed(h.db, 'slack:Ev1', T0), markEventProcessed(h.db, 'slack:Ev1', T0)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await markEventProcessed(h.db, 'slack:Ev2', T2)).toBe(true);
    expect(await pruneProcessedEvents(h.db, T1)).toBe(1);
    expect(await markEventProcessed(h.db, 'slack:Ev1', T2)).toBe(true);
    expect(await markEventProcessed(h.db, 'slack:Ev2', T2)).toBe(false);
  });
});

describe('conversation', () => {
  it('stores state, questions and subscriptions', async () => {
    await store.setState('k', { step: 1 }, T0);
    await store.setState('k', { step: 2 }, T1);
    expect(await store.getState('k')).toEqual({ step: 2 });
    await store.clearState('k');
    expect(await store.getState('k')).toBeNull();

    await store.recordUnanswered({ text: 'Is there a fee?', platform: 'slack', personId: null, bestMatchId: null, now: T0 });
    expect(await h.db.selectFrom('unanswered_questions').select(['text', 'status']).execute()).toEqual([
      { text: 'Is there a fee?', status: 'open' },
    ]);

    const person = await store.personFor({ platform: 'slack', scope: '', userId: 'U1' });
    await h.db
      .insertInto('dialogues')
      .values({
        id: 'tip',
        name: 'TIP',
        short_name: 'TIP',
        date: null,
        format: 'hybrid',
        location: 'Vienna',
        description: '',
        status: 'announced',
        call_note: null,
        sort_order: 1,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    const sub = {
      personId: person.id,
      dialogueId: 'tip',
      recipient: { platform: 'slack' as const, kind: 'user' as const, address: 'U1' },
      now: T0,
    };
    expect(await store.subscribe(sub)).toBe('created');
    expect(await store.subscribe(sub)).toBe('exists');
  });

  it('finds the reviewer channel for a call, falling back to the default', async () => {
    expect(await store.reviewChannel('cd-2023', 'slack')).toBeNull();
    await h.db.insertInto('review_channels').values({ call_id: '', platform: 'slack', address: 'C-DEFAULT', updated_at: T0 }).execute();
    expect(await store.reviewChannel('cd-2023', 'slack')).toBe('C-DEFAULT');
    await h.db.insertInto('review_channels').values({ call_id: 'cd-2023', platform: 'slack', address: 'C-2023', updated_at: T0 }).execute();
    expect(await store.reviewChannel('cd-2023', 'slack')).toBe('C-2023');
    expect(await store.reviewChannel('cd-2023', 'teams')).toBeNull();
  });
});
