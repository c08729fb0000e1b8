/**
 * The admin panel's Installations page: every workspace and tenant, and an administrator's
 * disable or enable of one.
 */
import type { Kysely } from 'kysely';
import type { Atomic } from '../atomic';
import type { Database, InstallationStatus } from '../schema';
import { installationAudit } from './installations';

export interface InstallationListRow {
  id: string;
  platform: 'slack' | 'teams';
  teamId: string;
  teamName: string;
  enterpriseId: string | null;
  installedBy: string;
  installedAt: string;
  status: InstallationStatus;
  statusReason: string | null;
  updatedAt: string;
}

export async function listInstallations(db: Kysely<Database>): Promise<InstallationListRow[]> {
  const rows = await db
    .selectFrom('installations')
    .select([
      'id',
      'platform',
      'team_id',
      'team_name',
      'enterprise_id',
      'installed_by',
      'installed_at',
      'status',
      'status_reason',
      'updated_at',
    ])
    .orderBy('platform')
    .orderBy('installed_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    teamId: r.team_id,
    teamName: r.team_name,
    enterpriseId: r.enterprise_id,
    installedBy: r.installed_by,
    installedAt: r.installed_at,
    status: r.status,
    statusReason: r.status_reason,
    updatedAt: r.updated_at,
  }));
}

/**
 * An administrator's disable or enable, with its audit row in the same batch. Enabling an
 * uninstalled row is refused: its token is gone, only a reinstall brings it back.
 */
export async function setInstallationStatus(
  db: Kysely<Database>,
  atomic: Atomic,
  id: string,
  to: 'active' | 'disabled',
  actor: string,
  now: string,
): Promise<'changed' | 'not_found' | 'uninstalled'> {
  const row = await db.selectFrom('installations').select(['status']).where('id', '=', id).executeTakeFirst();
  if (!row) return 'not_found';
  if (row.status === 'uninstalled') return 'uninstalled';
  if (row.status === to) return 'changed';
  await atomic.run([
    db
      .updateTable('installations')
      .set({ status: to, status_reason: actor, updated_at: now })
      .where('id', '=', id)
      .where('status', '<>', 'uninstalled'),
    installationAudit(db, actor, to === 'disabled' ? 'installation.disable' : 'installation.enable', id, { from: row.status, to }, now),
  ]);
  return 'changed';
}
