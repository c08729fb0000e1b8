/**
 * The viewer's time zone, as their browser reported it (admin.js sets the dd_tz cookie), so that
 * closing times can be drawn in each viewer's zone beside Vienna time. Only a zone luxon knows
 * is accepted; anything else is ignored.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { DateTime, IANAZone } from 'luxon';

export function viewerZone(c: Context): string | null {
  const raw = getCookie(c, 'dd_tz');
  if (!raw || raw.length > 64) return null;
  return IANAZone.isValidZone(raw) ? raw : null;
}

/** "26 Jan 2023, 24:00" style: midnight reads as the end of the day before, as the call words it. */
export function localTime(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) return iso;
  const text = dt.hour === 0 && dt.minute === 0 ? `${dt.minus({ days: 1 }).toFormat('d LLL yyyy')}, 24:00` : dt.toFormat('d LLL yyyy, HH:mm');
  return `${text} (${zone})`;
}
