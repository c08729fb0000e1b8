/**
 * Adds one admin user: `npm run admin:create -- --email a@b.org --role secretariat [--name "A B"] [--password ...]`
 * (a State party's focal point: `--role state_party --state-party AT`).
 * Whatever is missing is asked for; the password is read without echo when typed.
 * Uses DATABASE_URL (or the default SQLite file) and applies migrations first.
 */
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { parseArgs } from 'node:util';
import { auditQuery } from '../admin/audit';
import { hashPassword, useScrypt } from '../admin/auth/password';
import { nodeScrypt } from '../server/node-scrypt';
import { ROLES, isRole } from '../admin/auth/roles';
import { newUserSchema } from '../admin/validators';
import { openSqlite } from '../db/connect-node';
import { migrateToLatest } from '../db/migrate';

// Piped input (scripts, CI) is read line by line from one reader, so no buffered line is lost.
let piped: AsyncIterator<string> | null = null;

async function ask(question: string, hidden = false): Promise<string> {
  if (!stdin.isTTY) {
    piped ??= createInterface({ input: stdin, terminal: false })[Symbol.asyncIterator]();
    stdout.write(question);
    const next = await piped.next();
    stdout.write('\n');
    return next.done ? '' : next.value.trim();
  }
  if (!hidden) {
    const rl = createInterface({ input: stdin, output: stdout });
    try {
      return (await rl.question(question)).trim();
    } finally {
      rl.close();
    }
  }
  // Typed passwords are not echoed: raw mode, reading key by key.
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolve(value);
        }
        if (ch === '\u0003') {
          done();
          return reject(new Error('cancelled'));
        }
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<void> {
  useScrypt(nodeScrypt);
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'state-party': { type: 'string' },
    },
  });
  const email = values.email ?? (await ask('Email: '));
  const role = values.role ?? (await ask(`Role (${ROLES.join(', ')}): `));
  const name = values.name ?? (email.split('@')[0] || email);
  const password = values.password ?? process.env.ADMIN_CREATE_PASSWORD ?? (await ask('Password (at least 12 characters): ', true));
  const parsed = newUserSchema.safeParse({ email, display_name: name, role, password, state_party: values['state-party']?.toUpperCase() });
  if (!parsed.success || !isRole(role)) {
    for (const i of parsed.success ? [{ path: ['role'], message: 'Choose a role' }] : parsed.error.issues)
      console.error(`${String(i.path[0])}: ${i.message}`);
    process.exit(1);
  }
  const url = process.env.DATABASE_URL ?? 'file:data/dialogue-desk.sqlite';
  const handle = openSqlite(url);
  try {
    await migrateToLatest(handle.db);
    const u = parsed.data;
    if (await handle.db.selectFrom('admin_users').select('id').where('email', '=', u.email).executeTakeFirst()) {
      console.error(`A user with the email ${u.email} exists already; change it in the panel (Users).`);
      process.exitCode = 1;
      return;
    }
    const id = crypto.randomUUID();
    const now = new Date();
    await handle.atomic.run([
      handle.db.insertInto('admin_users').values({
        id,
        email: u.email,
        display_name: u.display_name,
        role: u.role,
        state_party: u.state_party,
        password_hash: await hashPassword(u.password),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      }),
      auditQuery(handle.db, {
        actor: 'cli:admin-create',
        action: 'user.create',
        entity: 'admin_user',
        entityId: id,
        detail: { email: u.email, role: u.role, stateParty: u.state_party },
        at: now,
      }),
    ]);
    console.log(`Added ${u.email} as ${u.role} in ${url}.`);
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
