/**
 * Calls for participation as seen by the clock: whether one is open, and how its deadline reads
 * in the call's own zone and in the zone of whoever asks.
 */
import { DateTime } from 'luxon';
import { t, type Locale } from './i18n';
import type { Call } from './types';

export type CallState = 'upcoming' | 'open' | 'closed';

/** Where a call stands at `now`: open when opensAt <= now < closesAt. */
export function callState(call: Call, now: Date): CallState {
  const t = now.getTime();
  if (t < Date.parse(call.opensAt)) return 'upcoming';
  if (t < Date.parse(call.closesAt)) return 'open';
  return 'closed';
}

/** Calls accepting applications at `now` (archived calls never are), soonest deadline first. */
export function openCalls(calls: readonly Call[], now: Date): Call[] {
  return calls.filter((c) => !c.archived && callState(c, now) === 'open').sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
}

/**
 * The call a dialogue is applied for through. A dialogue can appear in more than one call over
 * the years; the live (not archived) one with the latest deadline wins, or, given `now`, an open
 * one first.
 */
export function callFor(calls: readonly Call[], dialogueId: string, now?: Date): Call | undefined {
  const rank = (c: Call): number => (c.archived ? 0 : now && callState(c, now) === 'open' ? 2 : 1);
  return calls
    .filter((c) => c.dialogueIds.includes(dialogueId))
    .sort((a, b) => rank(b) - rank(a) || Date.parse(b.closesAt) - Date.parse(a.closesAt))[0];
}

/** The open call closing first, else the next one to open; undefined when neither exists. */
export function currentOrNextCall(calls: readonly Call[], now: Date): Call | undefined {
  const open = openCalls(calls, now)[0];
  if (open) return open;
  return calls
    .filter((c) => !c.archived && callState(c, now) === 'upcoming')
    .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt))[0];
}

export interface DeadlineDescription {
  closed: boolean;
  /** The deadline day in the call's zone, "12 February 2023": how stored answers state it. */
  day: string;
  /** Whole calendar days until the deadline day in the call's zone; null once closed. */
  daysLeft: number | null;
  /** "12 February 2023, midnight (24:00) Vienna time (CET, UTC+1)" */
  callZoneText: string;
  /** "13 February 2023, 07:00 (Asia/Manila, UTC+8)"; null without a valid asker zone. */
  askerZoneText: string | null;
  /** A sentence for the bot to say, in the locale asked for. */
  sentence: string;
}

export function validZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  return DateTime.now().setZone(zone).isValid ? zone : null;
}

function utcOffset(dt: DateTime): string {
  const m = dt.offset;
  if (m === 0) return 'UTC+0';
  const sign = m > 0 ? '+' : '-';
  const h = Math.floor(Math.abs(m) / 60);
  const min = Math.abs(m) % 60;
  return `UTC${sign}${h}${min ? `:${String(min).padStart(2, '0')}` : ''}`;
}

// Intl only knows letter abbreviations for some zones and locales (EST in en-US, CET in en-GB);
// elsewhere it says "GMT+8", which the UTC offset already says better.
function abbreviation(dt: DateTime): string | null {
  for (const locale of ['en-US', 'en-GB']) {
    const name = dt.setLocale(locale).offsetNameShort;
    if (name && /^[A-Z]{2,5}$/.test(name) && name !== 'UTC') return name;
  }
  return null;
}

/** "Europe/Vienna" -> "Vienna", "America/New_York" -> "New York". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/**
 * The zone's name for a reader: "Vienna time" in English (as the call words it); in other
 * languages the runtime's CLDR name ("heure d’Europe centrale", "hora de Europa central").
 */
function zoneName(zone: string, dt: DateTime, locale: Locale): string {
  if (zone === 'UTC') return 'UTC';
  if (locale === 'en') return t(locale, 'dates.cityTime', { city: zoneCity(zone) });
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(dt.toJSDate())
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name) return name;
  } catch {
    /* an engine without the zone name falls through */
  }
  return t(locale, 'dates.cityTime', { city: zoneCity(zone) });
}

function zoneLabel(dt: DateTime): string {
  const abbr = abbreviation(dt);
  return abbr ? `${abbr}, ${utcOffset(dt)}` : utcOffset(dt);
}

function isMidnight(dt: DateTime): boolean {
  return dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0;
}

/** "12 February 2023", "12 février 2023", "12 de febrero de 2023". */
export function formatDay(dt: DateTime, locale: Locale = 'en'): string {
  return locale === 'en'
    ? dt.toFormat('d MMMM yyyy')
    : dt.setLocale(locale).toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' });
}

// A deadline at 00:00 is the end of the day before, which is how the call itself words it.
function dayAndTime(dt: DateTime, midnightWords: boolean, locale: Locale): string {
  if (isMidnight(dt)) {
    const day = formatDay(dt.minus({ days: 1 }), locale);
    return t(locale, midnightWords ? 'dates.dayMidnight' : 'dates.dayMidnightShort', { day });
  }
  return t(locale, 'dates.dayTime', { day: formatDay(dt, locale), time: dt.toFormat('HH:mm') });
}

/** "5 May 2023" for "2023-05-05" (in `locale`); the input unchanged when it is not a calendar date. */
export function formatDialogueDate(isoDate: string, locale: Locale = 'en'): string {
  const d = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return d.isValid ? formatDay(d, locale) : isoDate;
}

/**
 * An instant as wall-clock time in `zone`: "13 February 2023, 07:00 (Asia/Manila, UTC+8)".
 * An unknown zone falls back to UTC.
 */
export function formatInstant(iso: string, zone: string, locale: Locale = 'en'): string {
  const z = validZone(zone) ?? 'UTC';
  const dt = DateTime.fromISO(iso, { zone: z });
  return `${t(locale, 'dates.dayTime', { day: formatDay(dt, locale), time: dt.toFormat('HH:mm') })} (${z}, ${utcOffset(dt)})`;
}

// On the last day "today" would depend on whose day it is (it is already tomorrow in Manila
// when Vienna's day ends), so the time left is said instead.
function daysPhrase(daysLeft: number, msLeft: number, locale: Locale): string {
  if (daysLeft <= 0) {
    const minutes = Math.max(1, Math.floor(msLeft / 60_000));
    if (minutes < 60) return t(locale, 'dates.closesInMinutes', { minutes });
    const hours = Math.floor(minutes / 60);
    return minutes % 60
      ? t(locale, 'dates.closesInHoursMinutes', { hours, minutes: minutes % 60 })
      : t(locale, 'dates.closesInHours', { hours });
  }
  return t(locale, 'dates.daysLeft', { days: daysLeft });
}

/**
 * The deadline of `call` for someone asking at `now`, in the call's zone and, when a valid IANA
 * zone is given, in the asker's zone too; written in `locale`.
 */
export function describeDeadline(call: Call, now: Date, askerZone?: string | null, locale: Locale = 'en'): DeadlineDescription {
  // Time-zone arithmetic is the costly part of an answer, and the words only change by the day:
  // the same call, zone, language and minute give the same description.
  const key = `${call.id}|${call.opensAt}|${call.closesAt}|${call.zone}|${askerZone ?? ''}|${locale}|${callState(call, now)}|${Math.floor(now.getTime() / 60_000)}`;
  const hit = described.get(key);
  if (hit) return hit;
  if (described.size >= 2_000) described.clear();
  const d = computeDeadline(call, now, askerZone, locale);
  described.set(key, d);
  return d;
}

const described = new Map<string, DeadlineDescription>();

function computeDeadline(call: Call, now: Date, askerZone: string | null | undefined, locale: Locale): DeadlineDescription {
  const callZone = validZone(call.zone) ?? 'UTC';
  const close = DateTime.fromISO(call.closesAt, { zone: callZone });
  const city = zoneName(callZone, close, locale);
  const callZoneText = t(locale, 'dates.inZone', { time: dayAndTime(close, true, locale), zone: city, label: zoneLabel(close) });
  // `day` is how stored (English) answers state the deadline, so stays English for matching.
  const day = (isMidnight(close) ? close.minus({ days: 1 }) : close).toFormat('d MMMM yyyy');

  const zone = validZone(askerZone);
  let askerZoneText: string | null = null;
  let askerDiffers = false;
  if (zone) {
    const local = close.setZone(zone);
    askerZoneText = `${dayAndTime(local, false, locale)} (${zone}, ${utcOffset(local)})`;
    askerDiffers = local.offset !== close.offset;
  }

  const state = callState(call, now);
  if (state === 'closed') {
    const sentence = isMidnight(close)
      ? t(locale, 'dates.closedMidnight', { day: formatDay(close.minus({ days: 1 }), locale), zone: city })
      : t(locale, 'dates.closedAt', { day: formatDay(close, locale), time: close.toFormat('HH:mm'), zone: city });
    return { closed: true, day, daysLeft: null, callZoneText, askerZoneText, sentence };
  }

  // The deadline day is the day of the last moment applications are accepted.
  const deadlineDay = close.minus({ milliseconds: 1 }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: callZone }).startOf('day');
  const daysLeft = Math.max(0, Math.round(deadlineDay.diff(today, 'days').days));

  const local = askerZoneText && askerDiffers ? [t(locale, 'dates.whereYouAre', { time: askerZoneText })] : [];
  if (state === 'upcoming') {
    const opens = DateTime.fromISO(call.opensAt, { zone: callZone });
    const opensText = t(locale, 'dates.opensAt', {
      time: t(locale, 'dates.dayTime', { day: formatDay(opens, locale), time: opens.toFormat('HH:mm') }),
      zone: city,
    });
    const sentence = [t(locale, 'dates.upcoming', { opens: opensText, closes: callZoneText }), ...local].join(' ');
    return { closed: false, day, daysLeft, callZoneText, askerZoneText, sentence };
  }
  const sentence = [
    t(locale, 'dates.deadline', { deadline: callZoneText }),
    ...local,
    daysPhrase(daysLeft, close.toMillis() - now.getTime(), locale),
  ].join(' ');
  return { closed: false, day, daysLeft, callZoneText, askerZoneText, sentence };
}
