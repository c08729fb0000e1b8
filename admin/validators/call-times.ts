/**
 * The checks on a call that need more than one field or the database: local times that exist in
 * the chosen zone, the deadline after the opening, every dialogue after the deadline.
 */
import { DateTime } from 'luxon';
import type { DialogueRow } from '../../db/schema';
import type { Errors } from '../views/fields';
import type { CallInput } from './index';

/** A local "YYYY-MM-DDTHH:mm" in `zone` as a UTC instant, or null when the clock skips it (DST). */
export function localToUtc(local: string, zone: string): string | null {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid || dt.toFormat("yyyy-LL-dd'T'HH:mm") !== local) return null;
  return dt.toUTC().toISO({ suppressMilliseconds: false });
}

export type CallTimes = { ok: true; opensAt: string; closesAt: string } | { ok: false; errors: Errors };

export function checkCallTimes(input: CallInput, dialogues: DialogueRow[]): CallTimes {
  const errors: Errors = {};
  const opensAt = localToUtc(input.opens_local, input.zone);
  const closesAt = localToUtc(input.closes_local, input.zone);
  if (!opensAt) errors.opens_local = 'That time does not exist in this time zone (the clocks change then); choose another';
  if (!closesAt) errors.closes_local = 'That time does not exist in this time zone (the clocks change then); choose another';
  if (opensAt && closesAt && closesAt <= opensAt) errors.closes_local = 'The deadline must be after the opening';
  const byId = new Map(dialogues.map((d) => [d.id, d]));
  const unknown = input.dialogue_ids.filter((id) => !byId.has(id));
  if (unknown.length) errors.dialogue_ids = `Unknown dialogue: ${unknown.join(', ')}`;
  if (closesAt && !errors.dialogue_ids) {
    // The meeting day, taken in the call's zone, must start after applications have closed.
    const deadline = DateTime.fromISO(closesAt);
    const early = input.dialogue_ids
      .flatMap((id) => byId.get(id) ?? [])
      .filter((d) => d.date && DateTime.fromISO(d.date, { zone: input.zone }).startOf('day') < deadline);
    if (early.length) {
      errors.dialogue_ids = `The dialogue date must be after the deadline: ${early.map((d) => `${d.short_name} (${d.date})`).join(', ')}`;
    }
  }
  return opensAt && closesAt && Object.keys(errors).length === 0 ? { ok: true, opensAt, closesAt } : { ok: false, errors };
}
