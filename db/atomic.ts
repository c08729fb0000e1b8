/**
 * The one port for writes that must happen together. Queries are built up front and handed over
 * unexecuted, because D1 can only run a fixed batch: nothing may be read in the middle. Writes
 * that depend on an earlier one in the same batch are therefore guarded in SQL (e.g. "insert ...
 * where exists (select 1 from decisions where id = <the id this batch inserted>)") instead of
 * being decided in JavaScript between statements.
 */
import { sql, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema';

export interface Atomic {
  /** Runs every query or none, in order; results line up with the queries. */
  run(queries: Compilable[]): Promise<QueryResult<unknown>[]>;
}

/**
 * SQLite (better-sqlite3): one transaction on Kysely's single connection.
 *
 * `begin immediate` rather than Kysely's `db.transaction()` (a deferred `begin`): a deferred
 * transaction that another process writes to between its first read and its first write fails
 * with SQLITE_BUSY at once, ignoring busy_timeout; taking the write lock up front makes a busy
 * database wait, then fail with a clear error, instead.
 */
export function sqliteAtomic(db: Kysely<Database>): Atomic {
  return {
    async run(queries) {
      if (queries.length === 0) return [];
      return db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const results: QueryResult<unknown>[] = [];
          for (const q of queries) results.push(await conn.executeQuery(q.compile()));
          await sql`commit`.execute(conn);
          return results;
        } catch (err) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw err;
        }
      });
    },
  };
}

/** The parts of Cloudflare's D1Database this module uses; structural so no Workers types are needed. */
export interface D1Like {
  prepare(query: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<D1ResultLike[]>;
}
export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
}
export interface D1ResultLike {
  results?: unknown[];
  meta?: { changes?: number; last_row_id?: number };
}

/**
 * D1: one `batch`, which D1 runs as a single transaction (all or nothing).
 *
 * `db` is optional: when given, a lone query goes through it (and so through the dialect and any
 * plugins) since a single statement is atomic on its own.
 */
export function d1Atomic(d1: D1Like, db?: Kysely<Database>): Atomic {
  return {
    async run(queries) {
      if (queries.length === 0) return [];
      const compiled = queries.map((q) => q.compile());
      const [only, ...more] = compiled;
      if (db && only && more.length === 0) return [await db.executeQuery(only)];
      const results = await d1.batch(compiled.map((c) => d1.prepare(c.sql).bind(...d1Params(c))));
      return results.map(toQueryResult);
    },
  };
}

// D1 binds neither booleans nor bigints the way SQLite stores them; the rest passes through.
function d1Params(c: CompiledQuery): unknown[] {
  return c.parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : typeof p === 'bigint' ? Number(p) : p));
}

function toQueryResult(r: D1ResultLike): QueryResult<unknown> {
  const changes = r.meta?.changes;
  const lastId = r.meta?.last_row_id;
  return {
    rows: r.results ?? [],
    numAffectedRows: changes === undefined ? undefined : BigInt(changes),
    insertId: lastId === undefined ? undefined : BigInt(lastId),
  };
}

/** Rows changed by one result of `Atomic.run` (0 when the statement's guard did not match). */
export const changed = (r: QueryResult<unknown> | undefined): number => Number(r?.numAffectedRows ?? 0);
