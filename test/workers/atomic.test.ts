/**
 * The atomic-write port on real D1 batch semantics (workerd's D1, not a mock): all or nothing,
 * results in statement order with per-statement change counts, guards that see the rows an
 * earlier statement of the same batch wrote, and the seed safe to run twice at once.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { expressionBuilder } from 'kysely';
import { changed } from '../../db/atomic';
import type { Database } from '../../db/schema';
import { seedIfEmpty } from '../../db/seed';
import { call2023 } from '../../db/seed-data/call-2023';
import { insertWhen } from '../../db/store/guards';
import { openD1 } from '../../server/worker-setup';

const { db, atomic } = openD1(env.DB);
const NOW = '2023-01-20T09:00:00.000Z';
const setting = (key: string, value = '"x"') => db.insertInto('settings').values({ key, value, updated_at: NOW });
const settingExists = (key: string) => db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();

describe('d1Atomic on D1', () => {
  it('writes every statement or none', async () => {
    await atomic.run([setting('atomic.kept')]);
    await expect(atomic.run([setting('atomic.rolled-back'), setting('atomic.kept')])).rejects.toThrow(/UNIQUE|constraint/i);
    expect(await settingExists('atomic.rolled-back')).toBeUndefined();
    expect(await settingExists('atomic.kept')).toBeDefined();
  });

  it('returns one result per statement, in order, with its own change count', async () => {
    const results = await atomic.run([
      setting('atomic.a'),
      db
        .insertInto('settings')
        .values({ key: 'atomic.a', value: '"y"', updated_at: NOW })
        .onConflict((oc) => oc.doNothing()),
      db.updateTable('settings').set({ value: '"z"' }).where('key', 'in', ['atomic.a', 'atomic.kept']),
      db.selectFrom('settings').select(['key', 'value']).where('key', '=', 'atomic.a'),
    ]);
    expect(results.map(changed).slice(0, 3)).toEqual([1, 0, 2]);
    expect(results[3]!.rows).toEqual([{ key: 'atomic.a', value: '"z"' }]);
  });

  it('lets a guard see a row written earlier in the same batch, and skips when the guard fails', async () => {
    const anchor = (key: string) => db.selectFrom('settings').select('key').where('key', '=', key);
    const guarded = (key: string, on: string) =>
      insertWhen(db, 'settings', { key, value: '"guarded"', updated_at: NOW }, expressionBuilder<Database, never>().exists(anchor(on)));
    const results = await atomic.run([
      setting('atomic.anchor'),
      guarded('atomic.follows', 'atomic.anchor'),
      guarded('atomic.orphan', 'atomic.missing'),
    ]);
    expect(results.map(changed)).toEqual([1, 1, 0]);
    expect(await settingExists('atomic.follows')).toBeDefined();
    expect(await settingExists('atomic.orphan')).toBeUndefined();
  });

  it('binds booleans as 0/1 and bigints as numbers', async () => {
    const [flags] = await atomic.run([
      db.selectNoFrom((e) => [e.val(true).as('yes'), e.val(false).as('no'), e.val(42n).as('big')]),
      db.selectNoFrom((e) => e.val(1).as('one')),
    ]);
    expect(flags!.rows).toEqual([{ yes: 1, no: 0, big: 42 }]);
  });

  it('seeds once when two isolates start on an empty database at the same time', async () => {
    await env.DB.batch(['call_dialogues', 'faq_entries', 'calls', 'dialogues'].map((t) => env.DB.prepare(`delete from ${t}`)));
    const [a, b] = await Promise.all([seedIfEmpty(db, call2023, NOW, atomic), seedIfEmpty(db, call2023, NOW, atomic)]);
    expect([a, b].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const n = await env.DB.prepare('select count(*) as n from dialogues').first<{ n: number }>();
    expect(n?.n).toBe(call2023.dialogues.length);
    expect(await seedIfEmpty(db, call2023, NOW, atomic)).toBe(false);
  });
});
