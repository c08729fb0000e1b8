/**
 * Reviewers named by id, per platform, who may decide on every application besides the members
 * of the channel each card went to.
 */
import type { SessionUser } from '../env';
import { actorRef } from '../audit';
import { record, type CommandDeps } from './record';

type Reviewer = { platform: 'slack' | 'teams'; user_id: string };

/** Adds a reviewer, or updates the note of one already named. */
export async function addReviewer(deps: CommandDeps, by: Pick<SessionUser, 'id'>, r: Reviewer & { label: string }): Promise<void> {
  const { platform, user_id, label } = r;
  await record(
    deps,
    by,
    (now) => [
      deps.db
        .insertInto('platform_reviewers')
        .values({ platform, user_id, label, added_by: actorRef(by), added_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['platform', 'user_id']).doUpdateSet({ label })),
    ],
    { action: 'reviewer.add', entity: 'platform_reviewer', entityId: `${platform}:${user_id}`, detail: { label } },
  );
}

export async function removeReviewer(deps: CommandDeps, by: Pick<SessionUser, 'id'>, r: Reviewer): Promise<void> {
  await record(
    deps,
    by,
    () => [deps.db.deleteFrom('platform_reviewers').where('platform', '=', r.platform).where('user_id', '=', r.user_id)],
    { action: 'reviewer.remove', entity: 'platform_reviewer', entityId: `${r.platform}:${r.user_id}` },
  );
}
