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

/** "3 Feb 2023, 24:00" in `zone` and `locale`: midnight reads as the end of the day before, as the call words it. */
export function dayTime(iso: string, zone: string, locale = 'en'): string {
  const dt = DateTime.fromISO(iso, { zone }).setLocale(locale);
  if (!dt.isValid) return iso;
  return dt.hour === 0 && dt.minute === 0 ? `${dt.minus({ days: 1 }).toFormat('d LLL yyyy')}, 24:00` : dt.toFormat('d LLL yyyy, HH:mm');
}

/** `dayTime` with the zone named. */
export function localTime(iso: string, zone: string, locale = 'en'): string {
  return `${dayTime(iso, zone, locale)} (${zone})`;
}
