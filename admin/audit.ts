/**
 * Audit rows for every admin change. Built as queries, not run, so each one goes into the same
 * atomic batch as the change it records: no change without its row, no row without its change.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SessionUser } from './env';

export function actorRef(user: Pick<SessionUser, 'id'>): string {
  return `admin:${user.id}`;
}

export function auditQuery(
  db: Kysely<Database>,
  input: { actor: string; action: string; entity: string; entityId: string | null; detail?: unknown; at: Date },
) {
  return db.insertInto('audit_log').values({
    id: crypto.randomUUID(),
    at: input.at.toISOString(),
    actor_ref: input.actor,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    detail: JSON.stringify(input.detail ?? {}),
  });
}

/** Field-by-field before/after of the keys that changed, so the log says what, not just that. */
export function diff(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = before?.[k];
    if (JSON.stringify(old) !== JSON.stringify(v)) out[k] = { from: old ?? null, to: v };
  }
  return out;
}
