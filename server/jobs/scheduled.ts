/**
 * Time-driven messages: a reminder to unfinished drafts 7 days and 1 day before the deadline,
 * and a notice to people who asked to hear when a dialogue's call opens. Both go through the
 * outbox with dedupe keys, so running the job every minute (or twice) sends each message once.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../../db/schema';
import { parseJson, recipientJson } from '../../db/json';
import { callState, openCalls } from '../../domain/calls';
import { callOpenedNotice, draftReminder } from '../../domain/notifications';
import type { Clock } from '../../domain/clock';
import type { OutboundMessage } from '../../domain/messages';
import { personRecipients, toEach } from '../../bot/core/context';
import type { Store } from '../../domain/ports';
import type { Logger } from '../log';
import type { Atomic } from '../../db/atomic';
import { closeDueRounds } from './rounds';

export interface ScheduledDeps {
  db: Kysely<Database>;
  atomic: Atomic;
  store: Store;
  clock: Clock;
  log: Logger;
}

const REMINDERS = [
  { kind: '7d' as const, days: 7 },
  { kind: '1d' as const, days: 1 },
];

export async function sendDraftReminders(deps: ScheduledDeps): Promise<number> {
  const now = deps.clock.now();
  const calls = openCalls(await deps.store.listCalls(), now);
  const messages: OutboundMessage[] = [];
  for (const call of calls) {
    const closes = DateTime.fromISO(call.closesAt);
    const due = REMINDERS.filter((r) => now.getTime() >= closes.minus({ days: r.days }).toMillis());
    // Only the nearest reminder: a draft started 2 days before the deadline gets one, not two.
    const reminder = due.at(-1);
    if (!reminder) continue;
    const daysLeft = Math.max(1, Math.ceil(closes.diff(DateTime.fromJSDate(now), 'days').days));
    for (const app of await deps.store.unfinishedDrafts(call.id)) {
      const to = await personRecipients(deps.store, app.personId);
      if (to[0]) messages.push(...toEach(draftReminder(app, call, daysLeft, to[0], reminder.kind), to));
    }
  }
  const added = messages.length ? await deps.store.enqueue(messages, now.toISOString()) : 0;
  if (added) deps.log.info('reminders_enqueued', { count: added });
  return added;
}

export async function notifySubscribers(deps: ScheduledDeps): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const [calls, dialogues] = await Promise.all([deps.store.listCalls(), deps.store.listDialogues()]);
  const open = calls.filter((c) => !c.archived && callState(c, now) === 'open');
  if (open.length === 0) return 0;
  const subs = await deps.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('notified_at', 'is', null)
    .where(
      'dialogue_id',
      'in',
      open.flatMap((c) => c.dialogueIds),
    )
    .limit(500)
    .execute();
  let sent = 0;
  for (const sub of subs) {
    const call = open.find((c) => c.dialogueIds.includes(sub.dialogue_id));
    const dialogue = dialogues.find((d) => d.id === sub.dialogue_id);
    if (!call || !dialogue) continue;
    // The language is the person's now, not when they subscribed: they may have chosen another since.
    const person = await deps.store.getPerson(sub.person_id);
    const stored = parseJson(sub.recipient, recipientJson, 'subscription recipient');
    const to = person?.locale ? { ...stored, locale: person.locale } : stored;
    sent += await deps.store.enqueue([callOpenedNotice(sub.id, dialogue, call, to)], nowIso);
    await deps.db.updateTable('subscriptions').set({ notified_at: nowIso }).where('id', '=', sub.id).execute();
  }
  if (sent) deps.log.info('call_opened_enqueued', { count: sent });
  return sent;
}

/** Housekeeping that must not grow without bound: processed event ids older than a day. */
export async function pruneEvents(deps: ScheduledDeps): Promise<void> {
  // The same clock that stamped them (DIALOGUES_CLOCK may run the app in 2023).
  const before = new Date(deps.clock.now().getTime() - 24 * 3600_000).toISOString();
  await deps.db.deleteFrom('processed_events').where('received_at', '<', before).execute();
  // Sign-in codes are of no use after a day (not even to the hourly limits), sessions once expired.
  await deps.db.deleteFrom('sign_in_codes').where('created_at', '<', before).execute();
  await deps.db.deleteFrom('applicant_sessions').where('expires_at', '<', deps.clock.now().toISOString()).execute();
}

export async function runScheduled(deps: ScheduledDeps): Promise<void> {
  await closeDueRounds(deps);
  await sendDraftReminders(deps);
  await notifySubscribers(deps);
  await pruneEvents(deps);
}
