/**
 * Calls for participation as seen by the clock: whether one is open, and how its deadline reads
 * in the call's own zone and in the zone of whoever asks.
 */
import { DateTime } from 'luxon';
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
  return calls
    .filter((c) => !c.archived && callState(c, now) === 'open')
    .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
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
  /** A plain English sentence for the bot to say. */
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

function zoneLabel(dt: DateTime): string {
  const abbr = abbreviation(dt);
  return abbr ? `${abbr}, ${utcOffset(dt)}` : utcOffset(dt);
}

function isMidnight(dt: DateTime): boolean {
  return dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0;
}

// A deadline at 00:00 is the end of the day before, which is how the call itself words it.
function dayAndTime(dt: DateTime, midnightWords: boolean): string {
  if (isMidnight(dt)) {
    const day = dt.minus({ days: 1 }).toFormat('d MMMM yyyy');
    return `${day}, ${midnightWords ? 'midnight (24:00)' : '24:00'}`;
  }
  return dt.toFormat('d MMMM yyyy, HH:mm');
}

/** "5 May 2023" for "2023-05-05"; the input unchanged when it is not a calendar date. */
export function formatDialogueDate(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return d.isValid ? d.toFormat('d MMMM yyyy') : isoDate;
}

/**
 * An instant as wall-clock time in `zone`: "13 February 2023, 07:00 (Asia/Manila, UTC+8)".
 * An unknown zone falls back to UTC.
 */
export function formatInstant(iso: string, zone: string): string {
  const z = validZone(zone) ?? 'UTC';
  const dt = DateTime.fromISO(iso, { zone: z });
  return `${dt.toFormat('d MMMM yyyy, HH:mm')} (${z}, ${utcOffset(dt)})`;
}

// On the last day "today" would depend on whose day it is (it is already tomorrow in Manila
// when Vienna's day ends), so the time left is said instead.
function daysPhrase(daysLeft: number, msLeft: number): string {
  if (daysLeft <= 0) {
    const minutes = Math.max(1, Math.floor(msLeft / 60_000));
    if (minutes < 60) return `The call closes in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    const hours = Math.floor(minutes / 60);
    return `The call closes in ${hours === 1 ? 'an hour' : `${hours} hours`}${minutes % 60 ? ` and ${minutes % 60} minute${minutes % 60 === 1 ? '' : 's'}` : ''}.`;
  }
  if (daysLeft === 1) return '1 day left.';
  return `${daysLeft} days left.`;
}

/**
 * The deadline of `call` for someone asking at `now`, in the call's zone and, when a valid IANA
 * zone is given, in the asker's zone too.
 */
export function describeDeadline(call: Call, now: Date, askerZone?: string | null): DeadlineDescription {
  // Time-zone arithmetic is the costly part of an answer, and the words only change by the day:
  // the same call, zone and minute give the same description.
  const key = `${call.id}|${call.opensAt}|${call.closesAt}|${call.zone}|${askerZone ?? ''}|${callState(call, now)}|${Math.floor(now.getTime() / 60_000)}`;
  const hit = described.get(key);
  if (hit) return hit;
  if (described.size >= 2_000) described.clear();
  const d = computeDeadline(call, now, askerZone);
  described.set(key, d);
  return d;
}

const described = new Map<string, DeadlineDescription>();

function computeDeadline(call: Call, now: Date, askerZone?: string | null): DeadlineDescription {
  const callZone = validZone(call.zone) ?? 'UTC';
  const close = DateTime.fromISO(call.closesAt, { zone: callZone });
  const city = callZone === 'UTC' ? 'UTC' : `${zoneCity(callZone)} time`;
  const callZoneText = `${dayAndTime(close, true)} ${city} (${zoneLabel(close)})`;
  const day = (isMidnight(close) ? close.minus({ days: 1 }) : close).toFormat('d MMMM yyyy');

  const zone = validZone(askerZone);
  let askerZoneText: string | null = null;
  let askerDiffers = false;
  if (zone) {
    const local = close.setZone(zone);
    askerZoneText = `${dayAndTime(local, false)} (${zone}, ${utcOffset(local)})`;
    askerDiffers = local.offset !== close.offset;
  }

  const state = callState(call, now);
  if (state === 'closed') {
    const when = isMidnight(close)
      ? `${close.minus({ days: 1 }).toFormat('d MMMM yyyy')} at midnight`
      : `${close.toFormat('d MMMM yyyy')} at ${close.toFormat('HH:mm')}`;
    return { closed: true, day, daysLeft: null, callZoneText, askerZoneText, sentence: `The call closed on ${when} ${city}.` };
  }

  // The deadline day is the day of the last moment applications are accepted.
  const deadlineDay = close.minus({ milliseconds: 1 }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: callZone }).startOf('day');
  const daysLeft = Math.max(0, Math.round(deadlineDay.diff(today, 'days').days));

  const local = askerZoneText && askerDiffers ? ` That is ${askerZoneText} where you are.` : '';
  if (state === 'upcoming') {
    const opens = DateTime.fromISO(call.opensAt, { zone: callZone });
    const opensText = `${opens.toFormat('d MMMM yyyy, HH:mm')} ${city}`;
    const sentence = `Applications open on ${opensText} and close on ${callZoneText}.${local}`;
    return { closed: false, day, daysLeft, callZoneText, askerZoneText, sentence };
  }
  const sentence = `The deadline for applications is ${callZoneText}.${local} ${daysPhrase(daysLeft, close.toMillis() - now.getTime())}`;
  return { closed: false, day, daysLeft, callZoneText, askerZoneText, sentence };
}
