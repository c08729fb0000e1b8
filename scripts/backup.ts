/**
 * `npm run backup -- --to FILE`: a consistent copy of the SQLite database (DATABASE_URL, or the
 * default file) taken while the server keeps running. `--database URL` names another database.
 * Exit 0 with a one-line summary, or 1 with the reason.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sqlitePath } from '../db/connect-node';
import { BackupError, backupDatabase } from '../server/node-backup';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { values } = parseArgs({ options: { to: { type: 'string' }, database: { type: 'string' } }, strict: true });
  if (!values.to) {
    console.error('Usage: npm run backup -- --to FILE   (e.g. --to backups/desk-2026-12-01.sqlite)');
    return 2;
  }
  const db = sqlitePath(values.database ?? process.env.DATABASE_URL ?? 'file:data/dialogue-desk.sqlite');
  if (db === ':memory:') {
    console.error('An in-memory database has nothing to back up.');
    return 2;
  }
  const r = await backupDatabase(db, values.to);
  console.log(
    `Backed up ${db} to ${r.file}: ${r.bytes} bytes in ${r.ms} ms, schema ${r.migrations.at(-1)}, ` +
      `${r.counts.applications} applications, ${r.counts.decisions} decisions, ${r.counts.outbox} outbox messages.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof BackupError ? `Backup refused: ${err.message}` : `Backup failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
