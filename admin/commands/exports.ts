/**
 * Exports carry personal data, so who exported what is recorded like any change.
 */
import type { SessionUser } from '../env';
import { record, type CommandDeps } from './record';

export async function recordExport(deps: CommandDeps, by: Pick<SessionUser, 'id'>, format: 'csv' | 'xlsx', filters: object): Promise<void> {
  await record(deps, by, () => [], {
    action: 'applications.export',
    entity: 'application',
    entityId: null,
    detail: { format, filters },
  });
}
