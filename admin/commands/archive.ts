/**
 * Archive and restore for the catalogue: calls and FAQ entries carry an `archived` flag, a
 * dialogue its status. Archiving hides a thing from the bot but keeps it (applications and
 * audit rows point at it), so restore is always possible.
 */
import type { Compilable } from 'kysely';
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

export type Archivable = 'call' | 'dialogue' | 'faq_entry';

interface Target {
  /** The row's current state, or undefined when there is none. */
  find(deps: CommandDeps, id: string): Promise<{ id: string; state: number | string } | undefined>;
  write(deps: CommandDeps, id: string, archive: boolean, now: string): Compilable;
  /** What the audit row says changed (FAQ entries have always logged the action alone). */
  detail(state: number | string, archive: boolean): unknown;
  prefix: string;
}

// Restoring a dialogue goes back to "announced": whether it is active again depends on a call, set there.
const dialogueStatus = (archive: boolean) => (archive ? 'archived' : 'announced');

const TARGETS: Record<Archivable, Target> = {
  call: {
    find: (deps, id) => deps.db.selectFrom('calls').select(['id', 'archived as state']).where('id', '=', id).executeTakeFirst(),
    write: (deps, id, archive, now) =>
      deps.db
        .updateTable('calls')
        .set({ archived: archive ? 1 : 0, updated_at: now })
        .where('id', '=', id),
    detail: (state, archive) => ({ archived: { from: state, to: archive ? 1 : 0 } }),
    prefix: 'call',
  },
  dialogue: {
    find: (deps, id) => deps.db.selectFrom('dialogues').select(['id', 'status as state']).where('id', '=', id).executeTakeFirst(),
    write: (deps, id, archive, now) =>
      deps.db
        .updateTable('dialogues')
        .set({ status: dialogueStatus(archive), updated_at: now })
        .where('id', '=', id),
    detail: (state, archive) => ({ status: { from: state, to: dialogueStatus(archive) } }),
    prefix: 'dialogue',
  },
  faq_entry: {
    find: (deps, id) => deps.db.selectFrom('faq_entries').select(['id', 'archived as state']).where('id', '=', id).executeTakeFirst(),
    write: (deps, id, archive, now) =>
      deps.db
        .updateTable('faq_entries')
        .set({ archived: archive ? 1 : 0, updated_at: now })
        .where('id', '=', id),
    detail: () => undefined,
    prefix: 'faq',
  },
};

/** Archives or restores one row with its audit entry; 'not_found' when there is no such row. */
export async function setArchived(
  deps: CommandDeps,
  by: Pick<SessionUser, 'id'>,
  kind: Archivable,
  id: string,
  archive: boolean,
): Promise<'done' | 'not_found'> {
  const target = TARGETS[kind];
  const found = await target.find(deps, id);
  if (!found) return 'not_found';
  const detail = target.detail(found.state, archive);
  await record(deps, by, (now) => [target.write(deps, found.id, archive, now.toISOString())], {
    action: `${target.prefix}.${archive ? 'archive' : 'restore'}`,
    entity: kind,
    entityId: found.id,
    ...(detail === undefined ? {} : { detail }),
  });
  return 'done';
}
