/**
 * How times and labels read in the panel. Every instant is shown in Vienna time (where the
 * secretariat works) with UTC beside it, so nobody converts in their head.
 */
import { DateTime } from 'luxon';

export const VIENNA = 'Europe/Vienna';

export function viennaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const dt = DateTime.fromISO(iso, { zone: VIENNA });
  return dt.isValid ? `${dt.toFormat('d LLL yyyy, HH:mm')} Vienna` : iso;
}

/** A deadline at 00:00 is the end of the day before, as the call words it: "12 Feb 2023, 24:00 Vienna". */
export function viennaDeadline(iso: string): string {
  const dt = DateTime.fromISO(iso, { zone: VIENNA });
  if (!dt.isValid) return iso;
  return dt.hour === 0 && dt.minute === 0 ? `${dt.minus({ days: 1 }).toFormat('d LLL yyyy')}, 24:00 (midnight) Vienna` : viennaTime(iso);
}

export function utcTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const dt = DateTime.fromISO(iso, { zone: 'UTC' });
  return dt.isValid ? `${dt.toFormat('d LLL yyyy, HH:mm')} UTC` : iso;
}

/** "in 3 d 4 h" / "2 h ago": a server-side countdown the script then keeps current. */
export function relative(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  const abs = Math.abs(ms);
  const m = Math.floor(abs / 60000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const text = `${d ? `${d} d ` : ''}${d || h ? `${h} h ` : ''}${m % 60} min`;
  return ms >= 0 ? text : `${text} ago`;
}

/** A UTC instant as the value of an <input type=datetime-local> in `zone`. */
export function toLocalInput(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { zone });
  return dt.isValid ? dt.toFormat("yyyy-LL-dd'T'HH:mm") : '';
}

let zones: string[] | null = null;
/** Every IANA zone the runtime knows, for the time-zone select. */
export function timeZones(): string[] {
  if (!zones) {
    zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [VIENNA, 'UTC'];
    if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  }
  return zones;
}

export function label(map: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return map[value] ?? value;
}

export const REVIEW_STATUS_LABELS: Record<string, string> = {
  pending: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  info_requested: 'Information requested',
  withdrawn: 'Withdrawn',
};

export const APPLICATION_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  withdrawn: 'Withdrawn',
};

export const OUTCOME_LABELS: Record<string, string> = {
  approve: 'Approve',
  reject: 'Reject',
  request_info: 'Ask for more information',
};
