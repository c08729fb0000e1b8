/**
 * Sign-in and sign-out in the audit log. A failed sign-in is recorded against a known account
 * only, and without what was typed: an unknown "email" may well be a password typed into the
 * wrong field.
 */
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

type Account = { id: string; disabled: number };

export async function recordSignInFailed(deps: CommandDeps, account: Account): Promise<void> {
  await record(deps, { ref: 'anonymous' }, () => [], {
    action: 'auth.sign_in_failed',
    entity: 'admin_user',
    entityId: account.id,
    detail: { disabled: Boolean(account.disabled) },
  });
}

export async function recordSignIn(deps: CommandDeps, user: Pick<SessionUser, 'id'>): Promise<void> {
  await record(deps, user, () => [], { action: 'auth.sign_in', entity: 'admin_user', entityId: user.id });
}

export async function recordSignOut(deps: CommandDeps, user: Pick<SessionUser, 'id'>): Promise<void> {
  await record(deps, user, () => [], { action: 'auth.sign_out', entity: 'admin_user', entityId: user.id });
}
