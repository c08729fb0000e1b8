/**
 * When each call's personal data is due to be erased (see server/jobs/retention.ts for the
 * rule). A read of the catalogue, shared by the retention job and the admin panel.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { CallRetention } from '../../domain/privacy-notice';
import type { Database } from '../schema';

export type { CallRetention };

export const DRAFT_DAYS_AFTER_CLOSE = 30;

/** When each call's personal data is due to be erased, from its dialogues' dates. */
export async function retentionPlan(db: Kysely<Database>): Promise<CallRetention[]> {
  const [calls, links] = await Promise.all([
    db.selectFrom('calls').select(['id', 'zone', 'closes_at', 'retention_months']).execute(),
    db.selectFrom('call_dialogues as cd').innerJoin('dialogues as d', 'd.id', 'cd.dialogue_id').select(['cd.call_id', 'd.date']).execute(),
  ]);
  return calls.map((call) => {
    const dates = links.filter((l) => l.call_id === call.id).map((l) => l.date);
    const known = dates.length > 0 && dates.every((d): d is string => typeof d === 'string' && DateTime.fromISO(d).isValid);
    const lastDialogue = known ? ([...dates].sort().at(-1) ?? null) : null;
    const lastDay = lastDialogue ? DateTime.fromISO(lastDialogue, { zone: call.zone }).endOf('day') : null;
    return {
      callId: call.id,
      retentionMonths: call.retention_months,
      lastDialogue,
      eraseAt: lastDay ? lastDay.plus({ months: call.retention_months }).toUTC().toISO() : null,
      draftsEraseAt: DateTime.fromISO(call.closes_at).plus({ days: DRAFT_DAYS_AFTER_CLOSE }).toUTC().toISO() ?? call.closes_at,
    };
  });
}
