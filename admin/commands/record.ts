/**
 * The one way the panel changes data: the writes and their audit row run as one atomic batch,
 * so there is no change without its row and no row without its change. Both carry the same
 * instant.
 */
import type { Compilable } from 'kysely';
import { actorRef, auditQuery } from '../audit';
import type { AdminDeps } from '../deps';
import type { SessionUser } from '../env';

export type CommandDeps = Pick<AdminDeps, 'db' | 'atomic' | 'clock'>;

/** Who made the change: a signed-in user, or nobody signed in (a failed sign-in, the server's start). */
export type By = Pick<SessionUser, 'id'> | { ref: 'anonymous' | 'system:start' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  detail?: unknown;
}

/** Runs `writes(now)` and the audit entry together; returns the instant both record. */
export async function record(deps: CommandDeps, by: By, writes: (now: Date) => Compilable[], entry: AuditEntry): Promise<Date> {
  const now = deps.clock.now();
  await deps.atomic.run([...writes(now), auditQuery(deps.db, { actor: 'ref' in by ? by.ref : actorRef(by), ...entry, at: now })]);
  return now;
}
