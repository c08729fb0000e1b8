/**
 * Backups of the SQLite database and their restore, on Node. A backup is SQLite's online backup
 * API through better-sqlite3: a page-by-page copy made under one read transaction, so it is the
 * database as it was at one moment even while the server keeps writing (WAL lets the writer go
 * on). A restore only ever replaces the database with a file that has been checked first.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod';
import { migrations } from '../db/migrations/index';
import { liveServer } from './node-lock';
import type { Logger } from './log';
import type { Metrics } from './metrics/types';
import { errorMessage } from '../lib/errors';

export type BackupProblem = 'missing' | 'not_sqlite' | 'corrupt' | 'foreign' | 'newer_schema' | 'server_running';

export class BackupError extends Error {
  constructor(
    readonly code: BackupProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface Inspection {
  /** Migrations applied in the file, in order; the last one is its schema version. */
  migrations: string[];
  /** Migrations the code has that the file lacks: applied at the next start. */
  pending: string[];
  counts: { applications: number; decisions: number; outbox: number; auditLog: number };
}

// What `PRAGMA integrity_check` answers with { simple: false }: one row per problem, or one 'ok'.
const integrityRows = z.array(z.object({ integrity_check: z.string() }));

const SQLITE_HEADER = 'SQLite format 3\0';
// Tables whose absence means "not a Dialogue Desk database", whatever else the file holds.
const REQUIRED_TABLES = ['applications', 'decisions', 'outbox', 'audit_log', 'calls', 'kysely_migration'];

/**
 * Checks that a file is a whole, healthy Dialogue Desk database that this version can run:
 * SQLite header, `PRAGMA integrity_check`, our tables, and only migrations this code knows.
 * Opens it read-write (callers pass their own copy, never the operator's file).
 */
export function inspectDatabaseFile(file: string): Inspection {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError('missing', `There is no file at ${file}.`);
  const fd = readHeader(file);
  if (fd !== SQLITE_HEADER) throw new BackupError('not_sqlite', `${basename(file)} is not an SQLite database.`);
  let db: BetterSqlite3.Database | null = null;
  try {
    const sqlite = new BetterSqlite3(file, { fileMustExist: true });
    db = sqlite;
    const result = integrityRows.parse(db.pragma('integrity_check', { simple: false }));
    const problems = result.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw new BackupError('corrupt', `${basename(file)} is damaged (integrity check: ${problems.slice(0, 3).join('; ')}).`);
    const tables = new Set(
      db
        .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
        .all()
        .map((r) => r.name),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length)
      throw new BackupError('foreign', `${basename(file)} is not a Dialogue Desk database (no ${missing.join(', ')} table).`);
    const applied = db
      .prepare<[], { name: string }>('select name from kysely_migration order by name')
      .all()
      .map((r) => r.name);
    const known = Object.keys(migrations);
    const unknown = applied.filter((m) => !known.includes(m));
    if (unknown.length) {
      throw new BackupError(
        'newer_schema',
        `${basename(file)} comes from a newer version (schema ${unknown.at(-1)}). Restore it with that version or a later one.`,
      );
    }
    // count(*) always answers one row.
    const count = (table: string) => Number(sqlite.prepare<[], { n: number }>(`select count(*) as n from "${table}"`).get()?.n);
    return {
      migrations: applied,
      pending: known.filter((m) => !applied.includes(m)),
      counts: { applications: count('applications'), decisions: count('decisions'), outbox: count('outbox'), auditLog: count('audit_log') },
    };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // A truncated or overwritten file fails inside SQLite (SQLITE_CORRUPT, SQLITE_NOTADB).
    throw new BackupError('corrupt', `${basename(file)} cannot be read as a database: ${errorMessage(err)}`);
  } finally {
    db?.close();
  }
}

function readHeader(file: string): string {
  const buf = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return buf.toString('latin1');
}

export interface BackupResult extends Inspection {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * Copies the database at `dbPath` to `to` while other connections (the server) keep writing.
 * The copy goes to a temporary name and is checked before it takes its final name, so a file
 * under `to` is always a whole, checked backup.
 */
export async function backupDatabase(dbPath: string, to: string): Promise<BackupResult> {
  const started = Date.now();
  if (!existsSync(dbPath)) throw new BackupError('missing', `There is no database at ${dbPath}.`);
  const target = resolve(to);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const source = new BetterSqlite3(dbPath, { fileMustExist: true, timeout: 10_000 });
  try {
    rmSync(partial, { force: true });
    // The first step only opens the backup; the second copies every page in one step, under one
    // read transaction. Smaller steps would start over each time the server commits, and under
    // a steady stream of submissions might never finish.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
  try {
    // A backup is one self-contained file: no -wal beside it to lose when it is copied away.
    const copy = new BetterSqlite3(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const inspection = inspectDatabaseFile(partial);
    renameSync(partial, target);
    return { ...inspection, file: target, bytes: statSync(target).size, ms: Date.now() - started };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

export interface RestoreResult extends Inspection {
  database: string;
}

/**
 * Replaces the database at `dbPath` with the backup `file`, after checking that no server holds
 * the database and that the file is sound. Any refusal leaves the database exactly as it was:
 * the file is copied and checked beside the database first, and only a checked copy is renamed
 * over it (a rename within one folder is atomic).
 */
export function restoreDatabase(file: string, dbPath: string): RestoreResult {
  const database = resolve(dbPath);
  const running = liveServer(database);
  if (running) {
    throw new BackupError(
      'server_running',
      `A server is running on this database (process ${running.pid}, port ${running.port}, since ${running.startedAt}). Stop it, then restore. If no server runs, delete ${database}.server.`,
    );
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError('missing', `There is no file at ${file}.`);
  mkdirSync(dirname(database), { recursive: true });
  const staged = `${database}.restoring-${process.pid}`;
  try {
    copyFileSync(file, staged);
    const inspection = inspectDatabaseFile(staged);
    // The old database's write-ahead log belongs to the old file: left beside the new one,
    // SQLite would try to apply it.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
    renameSync(staged, database);
    return { ...inspection, database };
  } finally {
    rmSync(staged, { force: true });
  }
}

/** Backup file names sort by time: `dialogue-desk-20261201T120000Z.sqlite`. */
export function backupName(at: Date): string {
  return `dialogue-desk-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.sqlite`;
}

const BACKUP_FILE = /^dialogue-desk-\d{8}T\d{6}Z\.sqlite$/;

/** Deletes the oldest scheduled backups in `dir` beyond `keep`; other files are left alone. */
export function rotateBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) rmSync(join(dir, f), { force: true });
  return old;
}

export interface BackupSchedule {
  dbPath: string;
  dir: string;
  everyHours: number;
  keep: number;
  metrics: Metrics;
  log: Logger;
  /** Real time: backups are about the machine's days, not the product clock. */
  now?: () => number;
}

/**
 * Scheduled backups (BACKUP_DIR): one when the newest in the folder is older than the interval,
 * checked every ten minutes, so a restart neither skips one nor takes an extra one. Each run is
 * a job in /metrics; a failure is logged and tried again at the next check.
 */
export function scheduleBackups(s: BackupSchedule): { runDue(): Promise<string | null>; stop(): void } {
  const now = s.now ?? Date.now;
  let running: Promise<string | null> | null = null;
  const newest = (): number => {
    if (!existsSync(s.dir)) return 0;
    const last = readdirSync(s.dir)
      .filter((f) => BACKUP_FILE.test(f))
      .sort()
      .at(-1);
    return last ? statSync(join(s.dir, last)).mtimeMs : 0;
  };
  const runDue = async (): Promise<string | null> => {
    if (running) return running;
    if (now() - newest() < s.everyHours * 3_600_000) return null;
    running = (async () => {
      try {
        const result = await backupDatabase(s.dbPath, join(s.dir, backupName(new Date(now()))));
        const removed = rotateBackups(s.dir, s.keep);
        s.metrics.jobRun('backup', true);
        s.log.info('backup_done', { file: result.file, bytes: result.bytes, ms: result.ms, removed: removed.length });
        return result.file;
      } catch (err) {
        s.metrics.jobRun('backup', false);
        s.log.error('backup_failed', { error: err });
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void runDue(), 10 * 60_000);
  timer.unref();
  return { runDue, stop: () => clearInterval(timer) };
}
