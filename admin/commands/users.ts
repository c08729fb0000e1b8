/**
 * Admin users and their roles. The rules that protect the panel itself live here with the
 * writes: an email is one account, and the last active administrator cannot be demoted or
 * disabled, so nobody locks the secretariat out.
 */
import type { Compilable, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import { diff } from '../audit';
import { hashPassword, passwordParams } from '../auth/password';
import type { AdminDeps } from '../deps';
import type { SessionUser } from '../env';
import type { EditUserInput, NewUserInput } from '../validators';
import { record, type CommandDeps } from './record';

type UserDeps = CommandDeps & Pick<AdminDeps, 'settings'>;
type By = Pick<SessionUser, 'id'>;
type UserRow = Selectable<Database['admin_users']>;

const hash = (deps: UserDeps, password: string) => hashPassword(password, passwordParams(deps.settings.passwordCost));

/** Creates an account; 'email_taken' when one with this email exists. */
export async function createUser(deps: UserDeps, by: By, u: NewUserInput): Promise<'created' | 'email_taken'> {
  if (await deps.db.selectFrom('admin_users').select('id').where('email', '=', u.email).executeTakeFirst()) return 'email_taken';
  const id = crypto.randomUUID();
  const passwordHash = await hash(deps, u.password);
  await record(
    deps,
    by,
    (now) => [
      deps.db.insertInto('admin_users').values({
        id,
        email: u.email,
        display_name: u.display_name,
        role: u.role,
        state_party: u.state_party,
        password_hash: passwordHash,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      }),
    ],
    { action: 'user.create', entity: 'admin_user', entityId: id, detail: { email: u.email, role: u.role, stateParty: u.state_party } },
  );
  return 'created';
}

/**
 * Saves `before` with the input. A role change, a disable or a new password ends the user's
 * sessions: they sign in again. 'last_admin' when this would leave no active administrator.
 */
export async function updateUser(deps: UserDeps, by: By, before: UserRow, u: EditUserInput): Promise<'saved' | 'last_admin'> {
  const losesAdmin = before.role === 'admin' && !before.disabled && (u.role !== 'admin' || u.disabled);
  if (losesAdmin) {
    const other = await deps.db
      .selectFrom('admin_users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('id', '!=', before.id)
      .executeTakeFirst();
    if (!other) return 'last_admin';
  }
  const passwordHash = u.password ? await hash(deps, u.password) : null;
  const endsSessions = u.disabled || u.password || u.role !== before.role || u.state_party !== before.state_party;
  await record(
    deps,
    by,
    (now) => {
      const writes: Compilable[] = [
        deps.db
          .updateTable('admin_users')
          .set({
            display_name: u.display_name,
            role: u.role,
            state_party: u.state_party,
            disabled: u.disabled ? 1 : 0,
            updated_at: now.toISOString(),
            ...(passwordHash ? { password_hash: passwordHash } : {}),
          })
          .where('id', '=', before.id),
      ];
      if (endsSessions) writes.push(deps.db.deleteFrom('admin_sessions').where('user_id', '=', before.id));
      return writes;
    },
    {
      action: 'user.update',
      entity: 'admin_user',
      entityId: before.id,
      detail: {
        ...diff({ display_name: before.display_name }, { display_name: u.display_name }),
        role: { from: before.role, to: u.role },
        stateParty: { from: before.state_party, to: u.state_party },
        disabled: { from: Boolean(before.disabled), to: u.disabled },
        passwordChanged: Boolean(u.password),
      },
    },
  );
  return 'saved';
}
