/**
 * Applications: reads, drafts, withdrawal and answers to requests for information.
 * Submission is in submit.ts, decisions in decisions.ts.
 *
 * Writes that touch several rows follow one pattern (see guards.ts): read, build the Application
 * as it will be, ask the caller for its messages, then one guarded batch anchored on a new
 * application event. If a concurrent change got there first the batch is a no-op and the
 * operation starts again from a fresh read.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../domain/errors';
import type { OutboundMessage } from '../../domain/messages';
import type { Application, ApplicationAnswers, Platform } from '../../domain/types';
import type { Atomic } from '../atomic';
import { newId, toJson } from '../json';
import type { Database } from '../schema';
import { applicationAt, applicationExists, eventExists, insertWhen } from './guards';
import { enqueueWhen } from './outbox';
import { applicationRow, eventWritten, getApplication, withDialogues } from './rows';

/** Concurrent writers retry from a fresh read; this bounds it so a bug cannot spin forever. */
export const MAX_TRIES = 25;

export const busyRetrying = () =>
  new AppError('conflict', 'concurrent_change', 'The application was changed by someone else at the same moment. Please try again.');

export { getApplication };

export async function findForPerson(db: Kysely<Database>, personId: string, callId: string): Promise<Application | null> {
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('person_id', '=', personId)
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return row ? ((await withDialogues(db, [row]))[0] ?? null) : null;
}

export async function listForPerson(db: Kysely<Database>, personId: string): Promise<Application[]> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return withDialogues(db, rows);
}

/** Drafts of a call with no submission yet, for reminders. */
export async function countAwaitingDecision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('application_dialogues')
    .innerJoin('applications', 'applications.id', 'application_dialogues.application_id')
    .where('application_dialogues.status', '=', 'pending')
    .where('applications.status', '=', 'submitted')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function unfinishedDrafts(db: Kysely<Database>, callId: string): Promise<Application[]> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('call_id', '=', callId)
    .where('status', '=', 'draft')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return withDialogues(db, rows);
}

/**
 * The person's application for the call, creating an empty draft if there is none. Insert-or-
 * ignore on (call, person) makes two simultaneous "apply" clicks open the same row.
 */
export async function openDraft(
  db: Kysely<Database>,
  atomic: Atomic,
  input: { callId: string; personId: string; platform: Platform; now: string },
): Promise<Application> {
  const existing = await findForPerson(db, input.personId, input.callId);
  if (existing) return existing;
  const id = newId();
  await atomic.run([
    db
      .insertInto('applications')
      .values({
        id,
        call_id: input.callId,
        person_id: input.personId,
        platform: input.platform,
        status: 'draft',
        answers: '{}',
        created_at: input.now,
        updated_at: input.now,
      })
      .onConflict((oc) => oc.columns(['call_id', 'person_id']).doNothing()),
    insertWhen(
      db,
      'application_events',
      {
        id: newId(),
        application_id: id,
        at: input.now,
        kind: 'created',
        actor_ref: `person:${input.personId}`,
        detail: '{}',
      },
      applicationExists(id),
    ),
  ]);
  const app = await findForPerson(db, input.personId, input.callId);
  if (!app) throw new AppError('not_found', 'application_not_found', 'That application could not be opened.');
  return app;
}

/** Saves a form step's answers (last write wins: the form always sends the whole answer set). */
export async function saveStep(
  db: Kysely<Database>,
  atomic: Atomic,
  input: { id: string; answers: Partial<ApplicationAnswers>; currentStep: string | null; now: string; actorRef: string },
): Promise<Application> {
  await atomic.run([
    db
      .updateTable('applications')
      .set((eb) => ({
        answers: toJson(input.answers),
        current_step: input.currentStep,
        updated_at: input.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id),
    insertWhen(
      db,
      'application_events',
      {
        id: newId(),
        application_id: input.id,
        at: input.now,
        kind: 'step_saved',
        actor_ref: input.actorRef,
        detail: toJson({ step: input.currentStep }),
      },
      applicationExists(input.id),
    ),
  ]);
  const app = await getApplication(db, input.id);
  if (!app) throw new AppError('not_found', 'application_not_found', 'That application no longer exists.');
  return app;
}

/**
 * Withdraws the application from every dialogue. Returns null if it does not exist; withdrawing
 * twice returns the withdrawn application and writes nothing.
 */
export async function withdraw(
  db: Kysely<Database>,
  atomic: Atomic,
  input: { id: string; now: string; actorRef: string; messages: (application: Application) => OutboundMessage[] },
): Promise<Application | null> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await applicationRow(db, input.id);
    if (!row) return null;
    const [current] = await withDialogues(db, [row]);
    if (!current || current.status === 'withdrawn') return current ?? null;
    const next: Application = {
      ...current,
      status: 'withdrawn',
      dialogues: current.dialogues.map((d) => ({ ...d, status: 'withdrawn' })),
      updatedAt: input.now,
    };
    const eventId = newId();
    const anchored = eventExists(eventId);
    await atomic.run([
      insertWhen(
        db,
        'application_events',
        {
          id: eventId,
          application_id: input.id,
          at: input.now,
          kind: 'withdrawn',
          actor_ref: input.actorRef,
          detail: '{}',
        },
        applicationAt(input.id, row.version),
      ),
      db
        .updateTable('applications')
        .set((eb) => ({ status: 'withdrawn', withdrawn_at: input.now, updated_at: input.now, version: eb('version', '+', 1) }))
        .where('id', '=', input.id)
        .where(anchored),
      db
        .updateTable('application_dialogues')
        .set({ status: 'withdrawn', updated_at: input.now })
        .where('application_id', '=', input.id)
        .where('status', '<>', 'withdrawn')
        .where(anchored),
      ...enqueueWhen(db, input.messages(next), input.now, anchored),
    ]);
    if (await eventWritten(db, eventId)) return getApplication(db, input.id);
  }
  throw busyRetrying();
}

/**
 * The applicant's answer to a request for information: every dialogue waiting for it goes back
 * to 'pending' in a new round. Returns null when the application does not exist or nothing is
 * waiting for an answer (so the engine can say so), and then writes nothing.
 */
export async function answerInfoRequest(
  db: Kysely<Database>,
  atomic: Atomic,
  input: { id: string; text: string; now: string; actorRef: string; messages: (application: Application) => OutboundMessage[] },
): Promise<Application | null> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await applicationRow(db, input.id);
    if (!row || row.status !== 'submitted') return null;
    const [current] = await withDialogues(db, [row]);
    const waiting = current?.dialogues.filter((d) => d.status === 'info_requested') ?? [];
    if (!current || waiting.length === 0) return null;
    const next: Application = {
      ...current,
      dialogues: current.dialogues.map((d) => (d.status === 'info_requested' ? { ...d, status: 'pending', round: d.round + 1 } : d)),
      updatedAt: input.now,
    };
    const eventId = newId();
    const anchored = eventExists(eventId);
    await atomic.run([
      insertWhen(
        db,
        'application_events',
        {
          id: eventId,
          application_id: input.id,
          at: input.now,
          kind: 'info_answer',
          actor_ref: input.actorRef,
          detail: toJson({ text: input.text, dialogueIds: waiting.map((d) => d.dialogueId) }),
        },
        applicationAt(input.id, row.version),
      ),
      db
        .updateTable('application_dialogues')
        .set((eb) => ({ status: 'pending', round: eb('round', '+', 1), updated_at: input.now }))
        .where('application_id', '=', input.id)
        .where('status', '=', 'info_requested')
        .where(anchored),
      db
        .updateTable('applications')
        .set((eb) => ({ updated_at: input.now, version: eb('version', '+', 1) }))
        .where('id', '=', input.id)
        .where(anchored),
      ...enqueueWhen(db, input.messages(next), input.now, anchored),
    ]);
    if (await eventWritten(db, eventId)) return getApplication(db, input.id);
  }
  throw busyRetrying();
}
