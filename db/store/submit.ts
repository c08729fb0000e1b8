/**
 * Submission and resubmission, in one guarded batch (see guards.ts).
 */
import type { Kysely } from 'kysely';
import type { SubmitInput, SubmitResult } from '../../domain/ports';
import type { Application, ApplicationAnswers, ApplicationDialogue } from '../../domain/types';
import type { Atomic } from '../atomic';
import { canonicalJson, fingerprint, newId, toJson } from '../json';
import type { Database } from '../schema';
import { MAX_TRIES, busyRetrying } from './applications';
import { all, applicationAt, eventExists, insertWhen, referenceCounterAt } from './guards';
import { enqueueWhen } from './outbox';
import { applicationRow, byDialogueId, eventWritten, getApplication, withDialogues } from './rows';

/** "CD-2023" and 7 -> "CD-2023-0007". */
export const formatReference = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(4, '0')}`;

/** One organisation per name and country, however the name is capitalised or spaced. */
export const organisationKey = (name: string): string => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Submits a draft or resubmits an edited application, atomically with its outbox messages.
 *
 * The rule: `applications.submit_token` holds a fingerprint (SHA-256) of the answers and regional
 * group last submitted.
 * - draft: first submission. The reference is the call's next number (`calls.last_reference + 1`),
 *   event 'submitted', every chosen dialogue 'pending' in round 1.
 * - submitted, same fingerprint: `already_submitted`, nothing written. (If form steps saved since
 *   then left other answers in the draft column, those are put back to what was submitted.)
 * - submitted, different fingerprint: resubmission. The reference and first `submitted_at` are
 *   kept; event 'edited'; every chosen dialogue back to 'pending' in round + 1 (a new round means a
 *   new decision); dialogues no longer chosen become 'withdrawn'.
 * - withdrawn: refused (`withdrawn`); a withdrawn application is not revived by a submission.
 *
 * The batch is anchored on the new event, written only if the application is still at the
 * version read (and, for a first submission, the call's counter still at the value the reference
 * came from). Two simultaneous submissions of the same draft: one writes, the other finds the
 * application submitted with the same fingerprint on its next read and returns
 * `already_submitted`. Two drafts of one call at once: the second retries with the next number.
 */
export async function submit(db: Kysely<Database>, atomic: Atomic, input: SubmitInput): Promise<SubmitResult> {
  const token = await fingerprint({ answers: input.answers, regionalGroup: input.regionalGroup });
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await applicationRow(db, input.id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.status === 'withdrawn') return { ok: false, reason: 'withdrawn' };
    if (row.status === 'submitted' && row.submit_token === token) {
      await restoreSubmittedAnswers(db, row.id, row.version, row.answers, input.answers);
      return { ok: false, reason: 'already_submitted' };
    }
    const [current] = await withDialogues(db, [row]);
    const call = await db
      .selectFrom('calls')
      .select(['reference_prefix', 'last_reference'])
      .where('id', '=', row.call_id)
      .executeTakeFirst();
    if (!current || !call) return { ok: false, reason: 'not_found' };

    const first = row.status === 'draft';
    const reference = row.reference ?? formatReference(call.reference_prefix, call.last_reference + 1);
    const chosen = [...new Set(input.answers.dialogueIds)];
    const next: Application = {
      ...current,
      status: 'submitted',
      reference,
      answers: input.answers,
      currentStep: null,
      dialogues: nextDialogues(current.dialogues, chosen),
      updatedAt: input.now,
      submittedAt: current.submittedAt ?? input.now,
    };
    const eventId = newId();
    await atomic.run(
      submissionBatch(db, { input, row, first, reference, chosen, next, token, eventId, lastReference: call.last_reference }),
    );
    if (await eventWritten(db, eventId)) {
      const application = await getApplication(db, input.id);
      if (application) return { ok: true, application, firstSubmission: first };
    }
  }
  throw busyRetrying();
}

function nextDialogues(current: ApplicationDialogue[], chosen: string[]): ApplicationDialogue[] {
  const byId = new Map(current.map((d) => [d.dialogueId, d]));
  const out: ApplicationDialogue[] = chosen.map((id) => {
    const was = byId.get(id);
    return { dialogueId: id, status: 'pending', round: was ? was.round + 1 : 1 };
  });
  for (const d of current) if (!chosen.includes(d.dialogueId)) out.push({ ...d, status: 'withdrawn' });
  return out.sort(byDialogueId);
}

interface BatchParts {
  input: SubmitInput;
  row: { id: string; call_id: string; version: number };
  first: boolean;
  reference: string;
  chosen: string[];
  next: Application;
  token: string;
  eventId: string;
  lastReference: number;
}

function submissionBatch(db: Kysely<Database>, p: BatchParts) {
  const { input, row, first, chosen, eventId } = p;
  const a = input.answers;
  const now = input.now;
  const anchored = eventExists(eventId);
  const nameKey = organisationKey(a.organisationName);
  const unchanged = first
    ? all(applicationAt(row.id, row.version), referenceCounterAt(row.call_id, p.lastReference))
    : applicationAt(row.id, row.version);

  const queries = [
    insertWhen(
      db,
      'application_events',
      {
        id: eventId,
        application_id: row.id,
        at: now,
        kind: first ? 'submitted' : 'edited',
        actor_ref: input.actorRef,
        detail: toJson({ reference: p.reference, dialogueIds: chosen }),
      },
      unchanged,
    ),
    ...(first
      ? [
          db
            .updateTable('calls')
            .set({ last_reference: p.lastReference + 1 })
            .where('id', '=', row.call_id)
            .where('last_reference', '=', p.lastReference)
            .where(anchored),
        ]
      : []),
    insertWhen(
      db,
      'organisations',
      {
        id: newId(),
        name: a.organisationName.trim(),
        name_key: nameKey,
        country: a.country,
        stakeholder_type: a.stakeholderType,
        website: a.website || null,
        created_at: now,
        updated_at: now,
      },
      anchored,
    ).onConflict((oc) =>
      oc.columns(['name_key', 'country']).doUpdateSet({
        name: a.organisationName.trim(),
        stakeholder_type: a.stakeholderType,
        website: a.website || null,
        updated_at: now,
      }),
    ),
    db
      .updateTable('applications')
      .set((eb) => ({
        status: 'submitted',
        reference: p.reference,
        answers: toJson(a),
        current_step: null,
        submit_token: p.token,
        version: eb('version', '+', 1),
        organisation_id: eb.selectFrom('organisations').select('id').where('name_key', '=', nameKey).where('country', '=', a.country),
        organisation_name: a.organisationName.trim(),
        stakeholder_type: a.stakeholderType,
        country: a.country,
        regional_group: input.regionalGroup,
        participation: a.participation,
        travel_support: a.travelSupport ? 1 : 0,
        updated_at: now,
        submitted_at: p.next.submittedAt,
      }))
      .where('id', '=', row.id)
      .where(anchored),
    db.deleteFrom('representatives').where('application_id', '=', row.id).where(anchored),
    ...a.representatives.map((r, position) =>
      insertWhen(
        db,
        'representatives',
        {
          application_id: row.id,
          position,
          name: r.name,
          gender: r.gender,
          email: r.email,
          role: r.role,
          nationality: r.nationality,
        },
        anchored,
      ),
    ),
    ...chosen.map((dialogueId) =>
      insertWhen(
        db,
        'application_dialogues',
        { application_id: row.id, dialogue_id: dialogueId, status: 'pending', round: 1, updated_at: now },
        anchored,
      ).onConflict((oc) =>
        oc.columns(['application_id', 'dialogue_id']).doUpdateSet((eb) => ({
          status: 'pending',
          round: eb(eb.ref('application_dialogues.round'), '+', 1),
          updated_at: now,
        })),
      ),
    ),
    db
      .updateTable('application_dialogues')
      .set({ status: 'withdrawn', updated_at: now })
      .where('application_id', '=', row.id)
      .where('status', '<>', 'withdrawn')
      .$if(chosen.length > 0, (qb) => qb.where('dialogue_id', 'not in', chosen))
      .where(anchored),
    ...enqueueWhen(db, input.messages(p.next), now, anchored),
  ];
  return queries;
}

/**
 * Form steps saved after a submission write into the same answers column; when the person then
 * submits exactly what they had submitted, the column goes back to the submitted answers so that
 * what the admin panel shows matches what the reviewers saw.
 */
async function restoreSubmittedAnswers(
  db: Kysely<Database>,
  id: string,
  version: number,
  stored: string,
  submitted: ApplicationAnswers,
): Promise<void> {
  let same = false;
  try {
    same = canonicalJson(JSON.parse(stored)) === canonicalJson(submitted);
  } catch {
    same = false;
  }
  if (same) return;
  await db
    .updateTable('applications')
    .set({ answers: toJson(submitted) })
    .where('id', '=', id)
    .where('version', '=', version)
    .execute();
}
