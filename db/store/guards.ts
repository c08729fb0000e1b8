/**
 * Building blocks for guarded batches (see db/atomic.ts). A batch opens with one "anchor" row
 * whose insert is conditioned on the state read beforehand (an application event, or a decision);
 * every later statement runs only if that anchor exists. If the state moved in the meantime the
 * anchor is not written and the whole batch is a no-op, which the caller detects by looking for
 * the anchor afterwards.
 */
import { expressionBuilder, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { newId, toJson } from '../json';
import type { Database } from '../schema';

const eb = expressionBuilder<Database, never>();

/** True once the application event with this id has been written (the batch's anchor). */
export const eventExists = (eventId: string): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('application_events').select('id').where('id', '=', eventId));

/** True once the decision with this id has been written. */
export const decisionExists = (decisionId: string): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('decisions').select('id').where('id', '=', decisionId));

/** True once the audit row with this id has been written (the anchor of a round's batch). */
export const auditExists = (auditId: string): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('audit_log').select('id').where('id', '=', auditId));

/** The application is still at the version read before the batch was built. */
export const applicationAt = (id: string, version: number): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('applications').select('id').where('id', '=', id).where('version', '=', version));

export const applicationExists = (id: string): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('applications').select('id').where('id', '=', id));

/** The call's counter still holds the value the reference was computed from. */
export const referenceCounterAt = (callId: string, lastReference: number): Expression<SqlBool> =>
  eb.exists(eb.selectFrom('calls').select('id').where('id', '=', callId).where('last_reference', '=', lastReference));

export const all = (...conditions: Expression<SqlBool>[]): Expression<SqlBool> => eb.and(conditions);

/**
 * `insert into <table> (cols) select <values> where <condition>`: an insert that happens only if
 * the condition holds when the statement runs. Chain `.onConflict(...)` for insert-or-ignore or
 * upsert; SQLite parses that unambiguously because the select always has a WHERE clause.
 */
export function insertWhen<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  row: Insertable<Database[T]>,
  condition: Expression<SqlBool>,
) {
  const values = row as Record<string, unknown>;
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  // The builder's per-table typing cannot follow a generic table name; `row` is checked above.
  const anyDb = db as unknown as Kysely<any>;
  const select = anyDb.selectNoFrom((e) => keys.map((k) => e.val(values[k]).as(k))).where(condition);
  return anyDb.insertInto(table).columns(keys).expression(select);
}

export interface AuditWhen {
  /** Given when later statements are anchored on this row; a fresh id otherwise. */
  id?: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail?: unknown;
}

/** An audit row written only if `condition` holds when the batch runs. */
export function auditWhen(db: Kysely<Database>, entry: AuditWhen, condition: Expression<SqlBool>) {
  return insertWhen(
    db,
    'audit_log',
    {
      id: entry.id ?? newId(),
      at: entry.at,
      actor_ref: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: toJson(entry.detail ?? {}),
    },
    condition,
  );
}

/** Whether the audit row with this id is there: a batch anchored on it ran. */
export async function auditWritten(db: Kysely<Database>, auditId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('audit_log').select('id').where('id', '=', auditId).executeTakeFirst());
}
