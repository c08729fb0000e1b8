/**
 * The first administrator, from ADMIN_EMAIL / ADMIN_PASSWORD, so a fresh install can be signed
 * into. Audited as the server's start, since nobody is signed in yet.
 */
import { hashPassword, passwordParams } from '../auth/password';
import type { AdminDeps } from '../deps';
import { record } from './record';

const START = { ref: 'system:start' } as const;

/**
 * Creates the first administrator when no active admin exists, or makes the account with that
 * email one. Never changes the password of an existing account.
 */
export async function ensureFirstAdmin(deps: AdminDeps): Promise<'created' | 'promoted' | 'exists' | 'not_configured'> {
  const first = deps.settings.firstAdmin;
  if (!first) return 'not_configured';
  const admin = await deps.db
    .selectFrom('admin_users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (admin) return 'exists';
  const email = first.email.trim().toLowerCase();
  const existing = await deps.db.selectFrom('admin_users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) {
    await record(
      deps,
      START,
      (now) => [
        deps.db.updateTable('admin_users').set({ role: 'admin', disabled: 0, updated_at: now.toISOString() }).where('id', '=', existing.id),
      ],
      { action: 'user.promote', entity: 'admin_user', entityId: existing.id, detail: { role: 'admin' } },
    );
    deps.log.info('admin.first_admin_promoted', { userId: existing.id });
    return 'promoted';
  }
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(first.password, passwordParams(deps.settings.passwordCost));
  await record(
    deps,
    START,
    (now) => [
      deps.db
        .insertInto('admin_users')
        .values({
          id,
          email,
          display_name: email.split('@')[0] ?? email,
          password_hash: passwordHash,
          role: 'admin',
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column('email').doNothing()),
    ],
    { action: 'user.create', entity: 'admin_user', entityId: id, detail: { email, role: 'admin' } },
  );
  deps.log.info('admin.first_admin_created', { userId: id });
  return 'created';
}
