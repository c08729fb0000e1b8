/**
 * SQLite on Node: the default database for `npm start`, tests and scripts.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { AppError } from '../domain/errors';
import { sqliteAtomic, type Atomic } from './atomic';
import type { Database } from './schema';

export interface SqliteHandle {
  db: Kysely<Database>;
  atomic: Atomic;
  /** Closes the connection (and checkpoints the WAL); safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** How long to wait for another process's lock before failing with `database_busy`. */
  busyTimeoutMs?: number;
}

/**
 * Opens `DATABASE_URL`: `file:PATH` (parent folder created), or `file::memory:` / `:memory:`.
 * WAL so readers never wait for the writer; foreign keys enforced; synchronous NORMAL, which in
 * WAL mode is durable across application crashes (only an OS crash may lose the last commits).
 */
export function openSqlite(url: string, options: OpenOptions = {}): SqliteHandle {
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const raw = guard(() => new BetterSqlite3(path, { timeout: busyTimeoutMs }));
  guard(() => {
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    raw.pragma('synchronous = NORMAL');
  });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: busyAware(raw) }) });
  let closed = false;
  return {
    db,
    atomic: sqliteAtomic(db),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** The file path in a `file:` URL, or `:memory:`. */
export function sqlitePath(url: string): string {
  const u = url.trim();
  if (u === ':memory:' || u === 'file::memory:' || u === 'file:memory') return ':memory:';
  if (u.startsWith('file://')) return decodeURIComponent(u.slice('file://'.length));
  if (u.startsWith('file:')) return u.slice('file:'.length);
  throw new AppError('invalid', 'bad_database_url', 'DATABASE_URL must look like file:PATH for SQLite.');
}

/**
 * The single place where SQLite lock errors become an AppError. better-sqlite3 waits up to
 * busy_timeout and then throws SQLITE_BUSY/SQLITE_LOCKED; callers should see a sentence they can
 * show, and a code they can retry on, rather than a driver error.
 */
export function mapSqliteError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new AppError('busy', 'database_busy', 'The database is busy right now. Please try again in a moment.');
  }
  return err;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw mapSqliteError(err);
  }
}

const STATEMENT_CACHE = 500;

// Kysely's SQLite driver calls only prepare() and the statement methods, so wrapping them sees
// every query, including the ones inside transactions and migrations. Compiling SQL is a good
// part of a query's cost and the product runs the same few hundred queries over and over, so
// prepared statements are kept (least recently used dropped first). A statement that is being
// iterated cannot run anything else, so streaming reads (iterate) get their own.
function busyAware(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sqlText: string): BetterSqlite3.Statement => {
    let stmt = cache.get(sqlText);
    if (stmt) {
      cache.delete(sqlText);
    } else {
      stmt = guard(() => raw.prepare(sqlText));
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sqlText, stmt);
    return stmt;
  };
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare(sqlText: string): SqliteStatement {
      const stmt = prepared(sqlText);
      return {
        reader: stmt.reader,
        all: (params) => guard(() => stmt.all(...params)),
        run: (params) => guard(() => stmt.run(...params)),
        iterate: (params) => guard(() => raw.prepare(sqlText).iterate(...params)),
      };
    },
  };
}
