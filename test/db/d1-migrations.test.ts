/**
 * The SQL files wrangler applies to D1 are generated from the Kysely migrations: they must be
 * current, and they must build exactly the schema that migrateToLatest builds on Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSqlite } from '../../db/connect-node';
import { migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import { compileMigrations, MIGRATIONS_DIR, staleFiles } from '../../scripts/d1-migrations';

type SchemaRow = { type: string; name: string; sql: string | null };

function schemaOf(raw: BetterSqlite3.Database): SchemaRow[] {
  return raw
    .prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not like 'kysely_%' order by type, name")
    .all() as SchemaRow[];
}

describe('D1 migrations', () => {
  it('are checked in and current (run `npm run d1:migrations` after changing db/migrations)', async () => {
    expect(await staleFiles()).toEqual([]);
  });

  it('one SQL file per Kysely migration, numbered in name order', async () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const names = Object.keys(migrations).sort();
    expect(files).toEqual(names.map((n, i) => `${String(i + 1).padStart(4, '0')}_${n}.sql`));
  });

  it('build the same schema as migrateToLatest', async () => {
    const fromFiles = new BetterSqlite3(':memory:');
    for (const f of readdirSync(MIGRATIONS_DIR)
      .filter((x) => x.endsWith('.sql'))
      .sort()) {
      fromFiles.exec(readFileSync(join(MIGRATIONS_DIR, f), 'utf8'));
    }
    const node = openSqlite('file::memory:');
    await migrateToLatest(node.db);
    const fromKysely = (
      await sql<SchemaRow>`select type, name, sql from sqlite_master
      where name not like 'sqlite_%' and name not like 'kysely_%' order by type, name`.execute(node.db)
    ).rows;
    await node.close();
    expect(fromKysely.length).toBeGreaterThan(20);
    expect(schemaOf(fromFiles)).toEqual(fromKysely);
    fromFiles.close();
  });

  it('compile to plain statements D1 accepts: no transactions, no pragmas, no parameters left', async () => {
    for (const m of await compileMigrations()) {
      expect(m.sql).not.toMatch(/\b(begin|commit|rollback|pragma)\b/i);
      expect(m.sql).not.toContain('?');
    }
  });
});
