import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, backupName, inspectDatabaseFile, restoreDatabase, rotateBackups } from '../../server/node-backup';
import { writeServerLock } from '../../server/node-lock';
import { createTestApp, type TestApp } from '../support/harness';
import { applyAndDecide } from './burst';
import { ROOT } from '../faults/server-process';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Every invariant the product relies on, checked in a database file. */
function checkConsistent(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const apps = db.prepare("select id, reference, answers from applications where status = 'submitted'").all() as {
      id: string;
      reference: string;
      answers: string;
    }[];
    for (const app of apps) {
      expect(app.reference).toMatch(/^CD-2023-\d{4}$/);
      const reps = db.prepare('select count(*) as n from representatives where application_id = ?').get(app.id) as { n: number };
      expect(reps.n).toBe(JSON.parse(app.answers).representatives.length);
      const dialogues = db.prepare('select count(*) as n from application_dialogues where application_id = ?').get(app.id) as { n: number };
      expect(dialogues.n).toBe(2);
      const card = db
        .prepare("select count(*) as n from outbox where dedupe_key like ? and purpose = 'review_card'")
        .get(`review_card:${app.id}:%`) as { n: number };
      expect(card.n).toBe(1);
    }
    const decisions = db
      .prepare(
        'select d.id, d.application_id as app, d.outcome, ad.status from decisions d join application_dialogues ad on ad.application_id = d.application_id and ad.dialogue_id = d.dialogue_id',
      )
      .all() as { id: string; app: string; outcome: string; status: string }[];
    for (const d of decisions) {
      expect(d.status).toBe(d.outcome === 'approve' ? 'approved' : 'rejected');
      const notice = db.prepare('select count(*) as n from outbox where dedupe_key = ?').get(`decision:${d.app}:${d.id}`) as { n: number };
      expect(notice.n).toBe(1);
    }
    const refs = apps.map((a) => Number(a.reference.slice(-4)));
    const call = db.prepare('select last_reference from calls where id = ?').get('cd-2023-firearms-ta') as { last_reference: number };
    expect(call.last_reference).toBe(refs.length ? Math.max(...refs) : 0);
    expect(new Set(refs).size).toBe(refs.length);
    return { applications: apps.length, decisions: decisions.length };
  } finally {
    db.close();
  }
}

describe('npm run backup while the server writes', () => {
  it('a backup taken during a burst of submissions restores with every application, decision and outbox row intact', async () => {
    const now = () => t.clock.now().toISOString();
    for (let i = 0; i < 20; i++) await applyAndDecide(t.deps.store, i, now);
    const backupFile = join(t.dir, 'backups', 'during-burst.sqlite');
    const backup = runScript('backup.ts', ['--to', backupFile], { DATABASE_URL: `file:${t.dbFile}` });
    let finished = false;
    void backup.then(() => (finished = true));
    // Submissions and decisions keep coming until the backup process has finished, and a few after.
    let i = 20;
    while (!finished) await applyAndDecide(t.deps.store, i++, now);
    for (const end = i + 10; i < end; i++) await applyAndDecide(t.deps.store, i, now);
    const { code, out } = await backup;
    expect(out).toMatch(/Backed up .* applications/);
    expect(code).toBe(0);

    const restored = join(t.dir, 'restored', 'desk.sqlite');
    const result = restoreDatabase(backupFile, restored);
    const inBackup = checkConsistent(restored);
    expect(inBackup.applications).toBeGreaterThanOrEqual(20);
    expect(inBackup.applications).toBeLessThan(i);
    // The backup is one instant of a single writer's sequence: at most one applicant was between
    // opening a draft and submitting, and at most one submission was waiting for its decision.
    expect(result.counts.applications - inBackup.applications).toBeGreaterThanOrEqual(0);
    expect(result.counts.applications - inBackup.applications).toBeLessThanOrEqual(1);
    expect(inBackup.applications - inBackup.decisions).toBeGreaterThanOrEqual(0);
    expect(inBackup.applications - inBackup.decisions).toBeLessThanOrEqual(1);
    // Whatever is in the backup is exactly what the live database had for those rows.
    const live = new BetterSqlite3(t.dbFile, { readonly: true });
    const restoredDb = new BetterSqlite3(restored, { readonly: true });
    const q = 'select id, reference, answers, submitted_at from applications where status = ? order by id';
    const backedUp = restoredDb.prepare(q).all('submitted') as { id: string }[];
    const liveRows = new Map((live.prepare(q).all('submitted') as { id: string }[]).map((r) => [r.id, r]));
    for (const row of backedUp) expect(row).toEqual(liveRows.get(row.id));
    live.close();
    restoredDb.close();
  }, 60_000);
});

describe('npm run restore', () => {
  async function goodBackup(): Promise<string> {
    const now = () => t.clock.now().toISOString();
    for (let i = 0; i < 3; i++) await applyAndDecide(t.deps.store, i, now);
    const file = join(t.dir, 'good.sqlite');
    await backupDatabase(t.dbFile, file);
    return file;
  }

  it('refuses while a server runs on the database, and changes nothing', async () => {
    const file = await goodBackup();
    const target = join(t.dir, 'target.sqlite');
    await backupDatabase(t.dbFile, target);
    const release = writeServerLock(target, { pid: process.pid, host: '127.0.0.1', port: 3000, startedAt: new Date().toISOString() });
    const before = sha(target);
    const { code, out } = await runScript('restore.ts', [file], { DATABASE_URL: `file:${target}` });
    expect(code).toBe(1);
    expect(out).toContain('Restore refused: A server is running on this database');
    expect(out).toContain('Nothing was changed.');
    expect(sha(target)).toBe(before);
    release();
    // Once the server has stopped, the same command restores.
    const again = await runScript('restore.ts', [file], { DATABASE_URL: `file:${target}` });
    expect(again.out).toMatch(/Restored .* 3 applications/);
    expect(again.code).toBe(0);
  }, 30_000);

  it('ignores the lock of a server that crashed (its process is gone)', async () => {
    const file = await goodBackup();
    const target = join(t.dir, 'after-crash.sqlite');
    writeFileSync(
      `${target}.server`,
      JSON.stringify({ pid: 2 ** 22 + 17, host: '127.0.0.1', port: 3000, startedAt: '2026-12-01T10:00:00Z' }),
    );
    expect(restoreDatabase(file, target).counts.applications).toBe(3);
  });

  it.each([
    ['a truncated backup', 'corrupt', (f: string) => truncateSync(f, Math.floor(statSync(f).size / 2))],
    ['a file that is not a database', 'not_sqlite', (f: string) => writeFileSync(f, 'id,name\n1,Ana\n')],
    [
      "another application's database",
      'foreign',
      (f: string) => {
        const other = new BetterSqlite3(f);
        other.exec("create table notes (id integer primary key, body text); insert into notes (body) values ('hello');");
        other.close();
      },
    ],
    [
      'a backup from a newer version',
      'newer_schema',
      (f: string) => {
        const newer = new BetterSqlite3(f);
        newer
          .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
          .run('2099_01_01_0000_future', new Date().toISOString());
        newer.close();
      },
    ],
  ])('refuses %s and leaves the database as it was', async (_what, code, spoil) => {
    const file = await goodBackup();
    const bad = join(t.dir, 'bad.sqlite');
    if (code === 'foreign' || code === 'not_sqlite') writeFileSync(bad, '');
    else await backupDatabase(t.dbFile, bad);
    spoil(bad);
    const target = join(t.dir, 'target.sqlite');
    restoreDatabase(file, target);
    const before = sha(target);
    expect(() => restoreDatabase(bad, target)).toThrowError(expect.objectContaining({ code }) as BackupError);
    expect(sha(target)).toBe(before);
    expect(inspectDatabaseFile(target).counts.applications).toBe(3);
    expect(existsSync(`${target}.restoring-${process.pid}`)).toBe(false);
  });

  it('says so when the file does not exist', async () => {
    const { code, out } = await runScript('restore.ts', [join(t.dir, 'nope.sqlite')], { DATABASE_URL: `file:${join(t.dir, 'x.sqlite')}` });
    expect(code).toBe(1);
    expect(out).toContain('There is no file at');
  }, 30_000);
});

describe('scheduled backups', () => {
  it('keep the newest BACKUP_KEEP files and leave other files alone', () => {
    const dir = join(t.dir, 'rotation');
    const names = [0, 1, 2, 3, 4].map((d) => backupName(new Date(Date.UTC(2026, 11, 1 + d, 3))));
    expect(names[0]).toBe('dialogue-desk-20261201T030000Z.sqlite');
    mkdirSync(dir);
    for (const n of [...names, 'keep-me.sqlite']) writeFileSync(join(dir, n), 'x');
    expect(rotateBackups(dir, 2)).toEqual(names.slice(0, 3));
    expect(readdirSync(dir).sort()).toEqual([...names.slice(3), 'keep-me.sqlite'].sort());
  });
});
