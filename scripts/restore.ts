/**
 * `npm run restore -- FILE`: replaces the database (DATABASE_URL, or the default file) with a
 * backup. Refuses, changing nothing, while a server runs on the database, or when the file is
 * truncated, damaged, not ours, or from a newer version. `--database URL` names another database.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sqlitePath } from '../db/connect-node';
import { BackupError, restoreDatabase } from '../server/node-backup';

function main(): number {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { values, positionals } = parseArgs({ options: { database: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error('Usage: npm run restore -- FILE   (stop the server first)');
    return 2;
  }
  const db = sqlitePath(values.database ?? process.env.DATABASE_URL ?? 'file:data/dialogue-desk.sqlite');
  if (db === ':memory:') {
    console.error('An in-memory database cannot be restored into.');
    return 2;
  }
  const r = restoreDatabase(file, db);
  const migrate = r.pending.length ? ` The next start applies ${r.pending.length} newer migration(s).` : '';
  console.log(
    `Restored ${r.database} from ${file}: schema ${r.migrations.at(-1)}, ${r.counts.applications} applications, ` +
      `${r.counts.decisions} decisions, ${r.counts.outbox} outbox messages.${migrate}`,
  );
  return 0;
}

try {
  process.exit(main());
} catch (err) {
  console.error(
    err instanceof BackupError ? `Restore refused: ${err.message} Nothing was changed.` : `Restore failed: ${(err as Error).message}`,
  );
  process.exit(1);
}
