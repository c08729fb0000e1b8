/**
 * Facts of the call said in the asker's language: the deadline from the clock (luxon, in the
 * locale's own date words), dialogue lines, what comes next. English keeps the wording of
 * domain/calls.ts, which the rest of the product (cards, reminders) shares.
 */
import { ACTIONS } from '../../domain/actions';
import { DateTime } from 'luxon';
import { callState, describeDeadline, formatDialogueDate } from '../../domain/calls';
import { translator, type Locale } from '../../domain/i18n';
import { dialogueIn } from '../../domain/localized';
import type { CardAction } from '../../domain/messages';
import type { Place } from '../../domain/knowledge-places';
import type { Call, Dialogue } from '../../domain/types';
import type { Catalog } from './context';

// English dates read "5 May 2023" across the product; Intl's en-GB says the same.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr', es: 'es' };
const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/** "5 May 2023", "5 mai 2023", "5 de mayo de 2023". */
export function formatDay(dt: DateTime, locale: Locale): string {
  return dt.setLocale(INTL_LOCALE[locale]).toLocaleString(DAY);
}

export function dialogueDate(isoDate: string, locale: Locale): string {
  if (locale === 'en') return formatDialogueDate(isoDate);
  const d = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return d.isValid ? formatDay(d, locale) : isoDate;
}

export interface LocalDeadline {
  closed: boolean;
  /** The deadline day as stored answers in this locale state it. */
  day: string;
  /** The whole computed sentence(s): deadline or closing, time left, the asker's own time. */
  sentence: string;
  /** Just "The call closed on …" once it has; null while open. */
  closedSentence: string | null;
  /** What follows the deadline itself while open (the asker's own time, the time left); may be empty. */
  extras: string;
}

const isMidnight = (dt: DateTime) => dt.hour === 0 && dt.minute === 0 && dt.second === 0;

function validZone(zone: string | null | undefined): string | null {
  return zone && DateTime.now().setZone(zone).isValid ? zone : null;
}

/**
 * "Nairobi time: 13 February 2023, 02:00 (UTC+03).": the deadline where the question said, while
 * the call has not closed and when that place's clock differs from the call's.
 */
function placeSentence(call: Call, close: DateTime, now: Date, place: Place | null | undefined, locale: Locale): string | null {
  if (!place || callState(call, now) === 'closed') return null;
  const local = close.setZone(place.zone).setLocale(INTL_LOCALE[locale]);
  if (!local.isValid || local.offset === close.offset) return null;
  const when = `${formatDay(local, locale)}, ${local.toFormat('HH:mm')} (UTC${local.toFormat('ZZ').replace(':00', '')})`;
  return translator(locale)('answers.deadline.place', { place: place.name, when });
}

/**
 * The deadline of `call` at `now` for someone in `askerZone`, in `locale`; with the time at
 * `place` too when the question named one.
 */
export function deadlineIn(
  call: Call,
  now: Date,
  askerZone: string | null | undefined,
  locale: Locale,
  place?: Place | null,
): LocalDeadline {
  const zone = validZone(call.zone) ?? 'UTC';
  const close = DateTime.fromISO(call.closesAt, { zone }).setLocale(INTL_LOCALE[locale]);
  const there = placeSentence(call, close, now, place, locale);
  const d = deadlineHere(call, now, askerZone, locale, close, zone);
  if (!there) return d;
  return { ...d, sentence: `${d.sentence} ${there}`, extras: [d.extras, there].filter(Boolean).join(' ') };
}

function deadlineHere(
  call: Call,
  now: Date,
  askerZone: string | null | undefined,
  locale: Locale,
  close: DateTime,
  zone: string,
): LocalDeadline {
  const tr = translator(locale);
  // A deadline at 00:00 is the end of the day before, which is how the call itself words it.
  const lastDay = isMidnight(close) ? close.minus({ days: 1 }) : close;
  const day = formatDay(lastDay, locale);
  const state = callState(call, now);
  if (locale === 'en') {
    const d = describeDeadline(call, now, askerZone);
    return { closed: d.closed, day: d.day, sentence: d.sentence, closedSentence: d.closed ? d.sentence : null, extras: '' };
  }
  const zoneName = `${close.offsetNameLong ?? zone}, UTC${close.toFormat('ZZ').replace(':00', '')}`;
  const time = isMidnight(close)
    ? tr('answers.time.midnight', { zone: zoneName })
    : tr('answers.time.clock', { clock: close.toFormat('HH:mm'), zone: zoneName });
  if (state === 'closed') {
    const sentence = tr('answers.state.closed', { day, time });
    return { closed: true, day, sentence, closedSentence: sentence, extras: '' };
  }
  if (state === 'upcoming') {
    const opens = DateTime.fromISO(call.opensAt, { zone }).setLocale(INTL_LOCALE[locale]);
    const upcoming = tr('answers.state.upcoming', { day: formatDay(opens, locale) });
    return {
      closed: false,
      day,
      sentence: `${upcoming} ${tr('answers.deadline.open', { day, time })}`,
      closedSentence: null,
      extras: upcoming,
    };
  }
  const parts = [tr('answers.deadline.open', { day, time })];
  const asker = validZone(askerZone);
  if (asker) {
    const local = close.setZone(asker);
    if (local.offset !== close.offset) {
      parts.push(tr('answers.deadline.local', { when: `${formatDay(local, locale)}, ${local.toFormat('HH:mm')} (${asker})` }));
    }
  }
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const daysLeft = Math.max(0, Math.round(close.minus({ milliseconds: 1 }).startOf('day').diff(today, 'days').days));
  if (daysLeft > 0) parts.push(tr('answers.deadline.daysLeft', { count: daysLeft }));
  else {
    const minutes = Math.max(1, Math.floor((close.toMillis() - now.getTime()) / 60_000));
    parts.push(tr('answers.deadline.hoursLeft', { hours: Math.floor(minutes / 60), minutes }));
  }
  return { closed: false, day, sentence: parts.join(' '), closedSentence: null, extras: parts.slice(1).join(' ') };
}

/** "A, B and C" in the locale's own way. */
export function listOf(items: string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(items);
}

/** Format and place only for dialogues whose call has said them; announced ones get their call note. */
export function dialogueBullet(d: Dialogue, locale: Locale): string {
  const tr = translator(locale);
  const text = dialogueIn(d, locale);
  const date = d.date ? dialogueDate(d.date, locale) : tr('answers.dialogue.tba');
  if (d.status !== 'announced')
    return tr('answers.dialogue.bullet', { name: text.shortName, date, format: tr(`answers.format.${d.format}`), location: text.location });
  return text.callNote
    ? tr('answers.dialogue.bulletAnnounced', { name: text.shortName, date, note: text.callNote.replace(/\.$/, '') })
    : tr('answers.dialogue.bulletDate', { name: text.shortName, date });
}

export function dialogueLine(d: Dialogue, locale: Locale): string {
  const tr = translator(locale);
  const text = dialogueIn(d, locale);
  const date = d.date ? dialogueDate(d.date, locale) : tr('answers.dialogue.tba');
  if (d.status === 'announced')
    return tr('answers.dialogue.lineAnnounced', { name: text.name, date, description: text.description }).trim();
  return tr('answers.dialogue.line', {
    name: text.name,
    date,
    format: tr(`answers.format.${d.format}`),
    location: text.location,
    description: text.description,
  }).trim();
}

/** Dialogues announced without an open call yet, with what the call says about them. */
export function comingNext(catalog: Catalog, now: Date, locale: Locale): { text: string; actions: CardAction[] } {
  const tr = translator(locale);
  const open = new Set(catalog.calls.filter((c) => callState(c, now) !== 'closed').flatMap((c) => c.dialogueIds));
  const later = catalog.dialogues.filter((d) => d.status === 'announced' && !open.has(d.id));
  if (later.length === 0) return { text: '', actions: [] };
  const names = later.map((d) => {
    const name = dialogueIn(d, locale).name;
    return d.date ? tr('answers.dialogue.withDate', { name, date: dialogueDate(d.date, locale) }) : name;
  });
  const note = later.map((d) => dialogueIn(d, locale).callNote).find(Boolean) ?? '';
  return {
    text: [tr('answers.comingNext', { list: listOf(names, locale) }), note].filter(Boolean).join(' '),
    actions: later
      .slice(0, 5)
      .map((d) => ({ id: ACTIONS.subscribe, label: tr('answers.action.notify', { name: dialogueIn(d, locale).shortName }), value: d.id })),
  };
}
