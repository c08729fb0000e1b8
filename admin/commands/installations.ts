/**
 * An administrator turns a workspace or tenant off, or back on. The store writes the change and
 * its audit row in one batch; an uninstalled workspace comes back only by installing again.
 */
import { setInstallationStatus } from '../../db/store/installation-status';
import { actorRef } from '../audit';
import type { SessionUser } from '../env';
import type { CommandDeps } from './record';

export function setInstallation(
  deps: CommandDeps,
  by: Pick<SessionUser, 'id'>,
  id: string,
  to: 'active' | 'disabled',
): Promise<'changed' | 'not_found' | 'uninstalled'> {
  return setInstallationStatus(deps.db, deps.atomic, id, to, actorRef(by), deps.clock.now().toISOString());
}
