import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, sqlitePath, type SqliteHandle } from '../../db/connect-node';
import { migrations } from '../../db/migrations';
import { migrateToLatest } from '../../db/migrate';
import { createStore } from '../../db/store';
import { AppError } from '../../domain/errors';

const dirs: string[] = [];
const handles: SqliteHandle[] = [];
const children: ChildProcess[] = [];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'folder', 'desk.sqlite');
}

function open(path: string, busyTimeoutMs?: number): SqliteHandle {
  const h = openSqlite(`file:${path}`, { busyTimeoutMs });
  handles.push(h);
  return h;
}

afterEach(async () => {
  for (const c of children.splice(0)) c.kill();
  for (const h of handles.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openSqlite', () => {
  it('parses DATABASE_URL forms', () => {
    expect(sqlitePath('file:data/x.sqlite')).toBe('data/x.sqlite');
    expect(sqlitePath('file::memory:')).toBe(':memory:');
    expect(sqlitePath(':memory:')).toBe(':memory:');
    expect(() => sqlitePath('postgres://x')).toThrow(AppError);
  });

  it('creates the parent folder, applies migrations once, and sets the pragmas', async () => {
    const path = tempFile();
    const { db } = open(path);
    expect(existsSync(path)).toBe(true);
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['applications', 'outbox', 'decisions', 'review_channels']));
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
  });

  it('works in memory', async () => {
    const h = openSqlite('file::memory:');
    handles.push(h);
    await migrateToLatest(h.db);
    const store = createStore(h.db, h.atomic);
    await store.setState('k', { a: 1 }, '2023-01-10T00:00:00.000Z');
    expect(await store.getState('k')).toEqual({ a: 1 });
  });

  it('loses nothing when the file is closed and reopened', async () => {
    const path = tempFile();
    const first = open(path);
    await migrateToLatest(first.db);
    await createStore(first.db, first.atomic).setState('slack:T1:U1', { step: 'org' }, '2023-01-10T00:00:00.000Z');
    await first.close();
    const second = open(path);
    expect(await migrateToLatest(second.db)).toEqual([]);
    expect(await createStore(second.db, second.atomic).getState('slack:T1:U1')).toEqual({ step: 'org' });
  });

  it("fails with 'database_busy' when another process holds the write lock past the busy timeout", async () => {
    const path = tempFile();
    const h = open(path, 150);
    await migrateToLatest(h.db);
    const store = createStore(h.db, h.atomic);
    await store.setState('before', 1, '2023-01-10T00:00:00.000Z');

    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const D = require('better-sqlite3');
      const db = new D(${JSON.stringify(path)});
      db.exec('begin exclusive');
      db.prepare("insert into settings (key, value, updated_at) values ('lock', '1', 'x')").run();
      process.stdout.write('locked\\n');
      setInterval(() => {}, 1000);
    `,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      holder.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });

    const started = Date.now();
    const err = await store.setState('during', 2, '2023-01-10T00:00:00.000Z').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('database_busy');
    expect(Date.now() - started).toBeLessThan(3000);
    const viaBatch = await store
      .enqueue(
        [
          {
            recipient: { platform: 'slack', kind: 'user', address: 'U1' },
            purpose: 'confirmation',
            replies: [],
            dedupeKey: 'k1',
          },
        ],
        '2023-01-10T00:00:00.000Z',
      )
      .catch((e: unknown) => e);
    expect((viaBatch as AppError).code).toBe('database_busy');
    // WAL: readers are not blocked by the writer.
    expect(await store.getState('before')).toBe(1);

    holder.kill();
    await new Promise((r) => holder.once('exit', r));
    await store.setState('after', 3, '2023-01-10T00:00:00.000Z');
    expect(await store.getState('after')).toBe(3);
  });
});
