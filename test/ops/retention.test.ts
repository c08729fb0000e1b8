import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceFor } from '../../admin/queries/balance';
import { retentionPlan } from '../../server/jobs/retention';
import { createTestApp, type TestApp } from '../support/harness';
import { CALL_ID, applyAndDecide } from './burst';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
});
afterEach(async () => {
  await t.close();
});

const at = (iso: string) => t.clock.set(new Date(iso));
const now = () => t.clock.now().toISOString();
const db = () => t.deps.db;

async function everything(): Promise<string> {
  const tables = [
    'applications',
    'representatives',
    'application_events',
    'decisions',
    'people',
    'identities',
    'outbox',
    'organisations',
    'subscriptions',
    'conversation_state',
    'unanswered_questions',
  ] as const;
  const dump: Record<string, unknown> = {};
  for (const table of tables) dump[table] = await db().selectFrom(table).selectAll().execute();
  return JSON.stringify(dump);
}

async function audit(action: string) {
  return db().selectFrom('audit_log').selectAll().where('action', '=', action).execute();
}

/** Three decided applications, one submitted awaiting review, one draft left half-way. */
async function fillCall() {
  for (let i = 1; i <= 3; i++) await applyAndDecide(t.deps.store, i, now);
  await applyAndDecide(t.deps.store, 4, now, { decide: false });
  const person = await t.deps.store.personFor({
    platform: 'teams',
    scope: 'tenant-1',
    userId: 'aad-draft-5',
    displayName: 'Dana Draft',
    email: 'dana@example.org',
  });
  const draft = await t.deps.store.openDraft({ callId: CALL_ID, personId: person.id, platform: 'teams', now: now() });
  await t.deps.store.saveStep({
    id: draft.id,
    answers: { organisationName: 'Half Done Network', areasOfWork: 'Youth outreach in Nairobi' },
    currentStep: 'organisation',
    now: now(),
    actorRef: 'teams:aad-draft-5',
  });
  await t.drainOutbox();
  return { draftId: draft.id };
}

describe('retention, driven by the clock', () => {
  it('erases unsubmitted drafts 30 days after the call closes, and nothing else', async () => {
    const { draftId } = await fillCall();
    const before = await everything();
    // Deadline: 12 February 2023, midnight Vienna time (23:00 UTC). 29 days later: nothing.
    at('2023-03-14T22:00:00Z');
    await t.built.scheduled();
    expect(await everything()).toBe(before);
    at('2023-03-14T23:00:00Z');
    await t.built.scheduled();
    const draft = await db().selectFrom('applications').selectAll().where('id', '=', draftId).executeTakeFirstOrThrow();
    expect(draft.erased_at).toBe('2023-03-14T23:00:00.000Z');
    expect(draft.answers).not.toContain('Half Done');
    expect(draft.answers).not.toContain('Nairobi');
    const submitted = await db()
      .selectFrom('applications')
      .select(['organisation_name', 'erased_at'])
      .where('status', '=', 'submitted')
      .execute();
    expect(submitted).toHaveLength(4);
    expect(submitted.every((a) => a.organisation_name?.startsWith('Small Arms Survey') && a.erased_at === null)).toBe(true);
    // The draft's author had nothing else: name, email and Teams id are gone too.
    expect(await db().selectFrom('identities').selectAll().where('user_id', '=', 'aad-draft-5').execute()).toEqual([]);
    expect(JSON.stringify(await db().selectFrom('people').selectAll().execute())).not.toContain('Dana');
    const [row] = await audit('retention.drafts_erased');
    expect(row).toMatchObject({ actor_ref: 'system:retention', entity: 'call', entity_id: CALL_ID });
    expect(JSON.parse(row!.detail)).toMatchObject({ applications: 1, people: 1, due: '2023-03-14T23:00:00.000Z' });
    expect(row!.detail).not.toMatch(/Dana|Half Done|aad-draft/);
  });

  it('keeps personal data until 12 months after the last dialogue, then keeps only the anonymous facts', async () => {
    await fillCall();
    const plan = (await retentionPlan(db())).find((p) => p.callId === CALL_ID)!;
    // The last dialogue (Technical Assistance) is on 31 May 2023; the day ends at 22:00 UTC in Vienna.
    expect(plan).toMatchObject({ lastDialogue: '2023-05-31', retentionMonths: 12, eraseAt: '2024-05-31T21:59:59.999Z' });
    const balanceBefore = await balanceFor(db(), 'firearms');
    const decisionsBefore = await db()
      .selectFrom('decisions')
      .select(['id', 'outcome', 'decided_at', 'dialogue_id'])
      .orderBy('id')
      .execute();

    at('2024-05-31T21:59:00Z');
    await t.built.scheduled();
    expect(
      await db().selectFrom('applications').select('id').where('erased_at', 'is not', null).where('status', '=', 'submitted').execute(),
    ).toEqual([]);

    at('2024-05-31T22:00:00Z');
    await t.built.scheduled();
    const data = await everything();
    for (const personal of [
      'Ana Ruiz',
      'ana1@example.org',
      'Ben Okafor',
      'Small Arms Survey',
      'We study them',
      'Outside the scope',
      'U00000001',
      'applicant1@example.org',
      'Applicant 1',
    ]) {
      expect(data).not.toContain(personal);
    }
    // What the statistics need is all still there.
    expect(await balanceFor(db(), 'firearms')).toEqual(balanceBefore);
    expect(await db().selectFrom('decisions').select(['id', 'outcome', 'decided_at', 'dialogue_id']).orderBy('id').execute()).toEqual(
      decisionsBefore,
    );
    const apps = await db().selectFrom('applications').selectAll().where('status', '=', 'submitted').execute();
    expect(apps).toHaveLength(4);
    for (const a of apps) {
      expect(a).toMatchObject({
        call_id: CALL_ID,
        stakeholder_type: 'ngo',
        participation: 'online',
        erased_at: '2024-05-31T22:00:00.000Z',
      });
      expect(a.reference).toMatch(/^CD-2023-\d{4}$/);
      expect(JSON.parse(a.answers)).toEqual({
        dialogueIds: ['firearms', 'technical-assistance'],
        participation: 'online',
        stakeholderType: 'ngo',
        organisationFocus: 'none',
        country: a.country,
        travelSupport: false,
        consent: true,
      });
    }
    const reps = await db().selectFrom('representatives').select(['name', 'email', 'gender']).execute();
    expect(reps.map((r) => r.gender).sort()).toEqual(['female', 'female', 'female', 'female', 'male', 'male', 'male', 'male']);
    expect(reps.every((r) => r.name === '' && r.email === '')).toBe(true);

    const rows = await audit('retention.erased');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({
      applications: 4,
      representatives: 8,
      decisions: 3,
      people: 4,
      retentionMonths: 12,
      lastDialogue: '2023-05-31',
    });

    // The next runs find nothing to do and write nothing.
    const after = await everything();
    t.clock.advance(60_000);
    await t.built.scheduled();
    expect(await everything()).toBe(after);
    expect(await audit('retention.erased')).toHaveLength(1);
  });

  it('never touches a call whose last dialogue is still to come or has no date, whatever the retention', async () => {
    await fillCall();
    await db().updateTable('calls').set({ retention_months: 1 }).where('id', '=', CALL_ID).execute();
    await db().updateTable('dialogues').set({ date: '2031-06-30' }).where('id', '=', 'technical-assistance').execute();
    const submittedBefore = JSON.stringify(await db().selectFrom('applications').selectAll().where('status', '=', 'submitted').execute());
    at('2031-06-29T12:00:00Z');
    await t.built.scheduled();
    expect(JSON.stringify(await db().selectFrom('applications').selectAll().where('status', '=', 'submitted').execute())).toBe(
      submittedBefore,
    );
    expect(await audit('retention.erased')).toEqual([]);

    await db().updateTable('dialogues').set({ date: null }).where('id', '=', 'technical-assistance').execute();
    at('2040-01-01T00:00:00Z');
    await t.built.scheduled();
    expect(JSON.stringify(await db().selectFrom('applications').selectAll().where('status', '=', 'submitted').execute())).toBe(
      submittedBefore,
    );
    expect((await retentionPlan(db())).find((p) => p.callId === CALL_ID)).toMatchObject({ lastDialogue: null, eraseAt: null });
  });
});
