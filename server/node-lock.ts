/**
 * A running server leaves `<database>.server` beside its SQLite file: its process id, address and
 * start time. `npm run restore` reads it to refuse replacing a database under a live server. A
 * file left by a crash names a process that is gone, which is told apart by asking the OS.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import { errorCode } from '../lib/errors';

const lockSchema = z.object({ pid: z.number().int().positive(), host: z.string(), port: z.number().int(), startedAt: z.string() });
export type ServerLock = z.infer<typeof lockSchema>;

export function lockPathFor(dbPath: string): string {
  return `${resolve(dbPath)}.server`;
}

export function writeServerLock(dbPath: string, lock: ServerLock): () => void {
  const path = lockPathFor(dbPath);
  writeFileSync(path, `${JSON.stringify(lock)}\n`, { mode: 0o644 });
  return () => {
    // Only our own file: a second server on the same database must not lose its lock.
    if (readServerLock(dbPath)?.pid === lock.pid) rmSync(path, { force: true });
  };
}

export function readServerLock(dbPath: string): ServerLock | null {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(readFileSync(lockPathFor(dbPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The server that holds this database, if its process is alive. */
export function liveServer(dbPath: string): ServerLock | null {
  const lock = readServerLock(dbPath);
  if (!lock) return null;
  try {
    process.kill(lock.pid, 0);
    return lock;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, which still means "running".
    return errorCode(err) === 'EPERM' ? lock : null;
  }
}
