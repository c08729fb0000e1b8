import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '../../db/connect-node';
import { migrateToLatest } from '../../db/migrate';
import { seedIfEmpty } from '../../db/seed';
import { createStore } from '../../db/store';
import type { OutboundMessage } from '../../domain/messages';
import type { Store } from '../../domain/ports';
import type { Application, ApplicationAnswers, Decision } from '../../domain/types';

const T0 = '2023-01-10T09:00:00.000Z';
const T1 = '2023-01-11T09:00:00.000Z';
const T2 = '2023-01-12T09:00:00.000Z';

const answers = (over: Partial<ApplicationAnswers> = {}): ApplicationAnswers => ({
  dialogueIds: ['firearms', 'ta'],
  participation: 'online',
  organisationName: 'Small  Arms Survey',
  stakeholderType: 'ngo',
  organisationFocus: 'none',
  country: 'CH',
  website: 'https://example.org',
  areasOfWork: 'Research',
  relevance: { firearms: 'we study them', ta: 'we train' },
  representatives: [
    { name: 'Ana', gender: 'female', email: 'ana@example.org', role: 'Director', nationality: 'CH' },
    { name: 'Ben', gender: 'male', email: 'ben@example.org', role: 'Researcher', nationality: 'FR' },
  ],
  travelSupport: false,
  travelJustification: null,
  consent: true,
  ...over,
});

// Messages carry the reference and round they were built with, so tests see what the caller saw.
const submitted = (app: Application): OutboundMessage[] => [
  {
    recipient: { platform: 'slack', kind: 'channel', address: 'C-REVIEW' },
    purpose: 'review_card',
    dedupeKey: `review:${app.id}:${app.dialogues.map((d) => `${d.dialogueId}@${d.round}`).join(',')}`,
    replies: [{ kind: 'text', text: `New application ${app.reference}` }],
  },
  {
    recipient: { platform: 'slack', kind: 'user', address: 'U1' },
    purpose: 'confirmation',
    dedupeKey: `confirm:${app.id}:${app.updatedAt}`,
    replies: [{ kind: 'text', text: `Received ${app.reference}` }],
  },
];
const decided = (app: Application, d: Decision): OutboundMessage[] => [
  {
    recipient: { platform: 'slack', kind: 'user', address: 'U1' },
    purpose: 'decision_notice',
    dedupeKey: `decision:${d.id}`,
    replies: [{ kind: 'text', text: `${app.reference}: ${d.outcome}` }],
  },
];

let dir: string;
let h: SqliteHandle;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-app-'));
  h = openSqlite(`file:${join(dir, 'desk.sqlite')}`);
  await migrateToLatest(h.db);
  await seedIfEmpty(
    h.db,
    {
      dialogues: ['firearms', 'ta', 'tip'].map((id, i) => ({
        id,
        name: id,
        shortName: id,
        date: null,
        format: 'hybrid',
        location: 'Vienna',
        description: id,
        status: 'active',
        callNote: null,
        sortOrder: i,
      })),
      calls: [
        {
          id: 'cd-2023',
          title: 'Call',
          referencePrefix: 'CD-2023',
          dialogueIds: ['firearms', 'ta', 'tip'],
          opensAt: '2023-01-04T23:00:00.000Z',
          closesAt: '2023-02-12T23:00:00.000Z',
          zone: 'Europe/Vienna',
          archived: false,
        },
      ],
      faq: [],
      settings: {},
    },
    T0,
    h.atomic,
  );
  store = createStore(h.db, h.atomic);
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function draftFor(userId: string): Promise<Application> {
  const person = await store.personFor({ platform: 'slack', scope: 'T1', userId, displayName: userId });
  return store.openDraft({ callId: 'cd-2023', personId: person.id, platform: 'slack', now: T0 });
}
const submit = (id: string, a = answers(), now = T1) =>
  store.submit({ id, answers: a, regionalGroup: 'WEOG', now, actorRef: 'slack:T1/U1', messages: submitted });
const outboxCount = async () => (await h.db.selectFrom('outbox').select('id').execute()).length;

describe('people', () => {
  it('creates one person per identity, even when asked twice at once, and refreshes details', async () => {
    const [a, b] = await Promise.all([
      store.personFor({ platform: 'slack', scope: 'T1', userId: 'U1' }),
      store.personFor({ platform: 'slack', scope: 'T1', userId: 'U1' }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await h.db.selectFrom('people').select('id').execute()).toHaveLength(1);
    const c = await store.personFor({
      platform: 'slack',
      scope: 'T1',
      userId: 'U1',
      displayName: 'Ana',
      email: 'a@x.org',
      timeZone: 'Asia/Tokyo',
    });
    expect(c).toEqual({ id: a.id, displayName: 'Ana', email: 'a@x.org', timeZone: 'Asia/Tokyo' });
    expect(await store.identitiesOf(a.id)).toMatchObject([{ platform: 'slack', scope: 'T1', userId: 'U1' }]);
  });
});

describe('applications', () => {
  it('opens one draft for two simultaneous apply clicks', async () => {
    const person = await store.personFor({ platform: 'slack', scope: 'T1', userId: 'U1' });
    const input = { callId: 'cd-2023', personId: person.id, platform: 'slack' as const, now: T0 };
    const [a, b] = await Promise.all([store.openDraft(input), store.openDraft(input)]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ status: 'draft', answers: {}, reference: null, dialogues: [] });
    expect(await h.db.selectFrom('applications').select('id').execute()).toHaveLength(1);
    expect(await store.unfinishedDrafts('cd-2023')).toHaveLength(1);
  });

  it('saves steps, submits with references in order, and denormalises the record', async () => {
    const draft = await draftFor('U1');
    const saved = await store.saveStep({
      id: draft.id,
      answers: { organisationName: 'X' },
      currentStep: 'organisation',
      now: T0,
      actorRef: 'slack:T1/U1',
    });
    expect(saved).toMatchObject({ answers: { organisationName: 'X' }, currentStep: 'organisation' });

    const first = await submit(draft.id);
    expect(first).toMatchObject({ ok: true, firstSubmission: true });
    if (!first.ok) throw new Error('unreachable');
    expect(first.application).toMatchObject({ reference: 'CD-2023-0001', status: 'submitted', submittedAt: T1, currentStep: null });
    expect(first.application.dialogues).toEqual([
      { dialogueId: 'firearms', status: 'pending', round: 1 },
      { dialogueId: 'ta', status: 'pending', round: 1 },
    ]);
    const row = await h.db.selectFrom('applications').selectAll().where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      organisation_name: 'Small  Arms Survey',
      stakeholder_type: 'ngo',
      country: 'CH',
      regional_group: 'WEOG',
      participation: 'online',
      travel_support: 0,
    });
    const org = await h.db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ id: row.organisation_id, name_key: 'small arms survey', country: 'CH' });
    expect(await h.db.selectFrom('representatives').select('name').orderBy('position').execute()).toEqual([
      { name: 'Ana' },
      { name: 'Ben' },
    ]);
    const outbox = await h.db.selectFrom('outbox').selectAll().orderBy('purpose').execute();
    expect(outbox.map((o) => [o.purpose, o.status, o.platform])).toEqual([
      ['confirmation', 'pending', 'slack'],
      ['review_card', 'pending', 'slack'],
    ]);
    expect(JSON.parse(outbox[1]!.payload)).toEqual([{ kind: 'text', text: 'New application CD-2023-0001' }]);
    expect(await store.unfinishedDrafts('cd-2023')).toHaveLength(0);

    const second = await submit((await draftFor('U2')).id);
    expect(second.ok && second.application.reference).toBe('CD-2023-0002');
    // Same organisation, spelt differently: still one row.
    expect(await h.db.selectFrom('organisations').select('id').execute()).toHaveLength(1);
  });

  it('gives one reference and one set of outbox rows to a double submission', async () => {
    const draft = await draftFor('U1');
    const results = await Promise.all([submit(draft.id), submit(draft.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'already_submitted' }]);
    expect(await outboxCount()).toBe(2);
    const call = await h.db.selectFrom('calls').select('last_reference').executeTakeFirstOrThrow();
    expect(call.last_reference).toBe(1);
    const events = await h.db.selectFrom('application_events').select('kind').where('kind', '=', 'submitted').execute();
    expect(events).toHaveLength(1);
    // And once more later: nothing written.
    expect(await submit(draft.id)).toEqual({ ok: false, reason: 'already_submitted' });
    expect(await outboxCount()).toBe(2);
  });

  it('numbers simultaneous submissions of different drafts without gaps or duplicates', async () => {
    const drafts = await Promise.all(['U1', 'U2', 'U3', 'U4', 'U5'].map(draftFor));
    const results = await Promise.all(drafts.map((d) => submit(d.id)));
    const refs = results.map((r) => (r.ok ? r.application.reference : null)).sort();
    expect(refs).toEqual(['CD-2023-0001', 'CD-2023-0002', 'CD-2023-0003', 'CD-2023-0004', 'CD-2023-0005']);
  });

  it('keeps the reference on resubmission and opens a new round', async () => {
    const draft = await draftFor('U1');
    await submit(draft.id);
    // Editing steps after submission, then resubmitting with a dialogue dropped and one added.
    await store.saveStep({
      id: draft.id,
      answers: { ...answers(), website: 'https://changed.example' },
      currentStep: 'summary',
      now: T2,
      actorRef: 'slack:T1/U1',
    });
    const edited = await submit(draft.id, answers({ dialogueIds: ['firearms', 'tip'], website: 'https://changed.example' }), T2);
    expect(edited).toMatchObject({ ok: true, firstSubmission: false });
    if (!edited.ok) throw new Error('unreachable');
    expect(edited.application).toMatchObject({ reference: 'CD-2023-0001', submittedAt: T1, updatedAt: T2 });
    expect(edited.application.dialogues).toEqual([
      { dialogueId: 'firearms', status: 'pending', round: 2 },
      { dialogueId: 'ta', status: 'withdrawn', round: 1 },
      { dialogueId: 'tip', status: 'pending', round: 1 },
    ]);
    expect((await h.db.selectFrom('calls').select('last_reference').executeTakeFirstOrThrow()).last_reference).toBe(1);
    expect(await outboxCount()).toBe(4);
    const kinds = await h.db.selectFrom('application_events').select('kind').where('application_id', '=', draft.id).orderBy('at').execute();
    expect(kinds.map((k) => k.kind)).toEqual(['created', 'submitted', 'step_saved', 'edited']);
  });

  it('puts the submitted answers back when the same content is submitted after steps were saved', async () => {
    const draft = await draftFor('U1');
    await submit(draft.id);
    await store.saveStep({
      id: draft.id,
      answers: { ...answers(), website: 'https://draft.example' },
      currentStep: 'org',
      now: T2,
      actorRef: 'x',
    });
    expect(await submit(draft.id)).toEqual({ ok: false, reason: 'already_submitted' });
    expect((await store.get(draft.id))?.answers.website).toBe('https://example.org');
  });

  it('lets the first of two simultaneous decisions win', async () => {
    const draft = await draftFor('U1');
    await submit(draft.id);
    const decide = (outcome: 'approve' | 'reject', who: string) =>
      store.decide({
        applicationId: draft.id,
        dialogueId: 'firearms',
        outcome,
        reason: null,
        deciderName: who,
        deciderRef: `slack:T1/${who}`,
        now: T2,
        messages: decided,
      });
    const [a, b] = await Promise.all([decide('approve', 'R1'), decide('reject', 'R2')]);
    const winner = [a, b].find((r) => r.ok);
    const loser = [a, b].find((r) => !r.ok);
    expect(winner && winner.ok && winner.decision.outcome).toBe('approve');
    expect(loser).toMatchObject({ ok: false, reason: 'already_decided', existing: { outcome: 'approve', deciderName: 'R1', round: 1 } });
    expect(await store.decisionsFor(draft.id)).toHaveLength(1);
    expect((await store.get(draft.id))?.dialogues.find((d) => d.dialogueId === 'firearms')?.status).toBe('approved');
    expect(await h.db.selectFrom('outbox').select('id').where('purpose', '=', 'decision_notice').execute()).toHaveLength(1);
    expect(await decide('approve', 'R3')).toMatchObject({ ok: false, reason: 'already_decided' });
    expect(
      await store.decide({
        applicationId: draft.id,
        dialogueId: 'nope',
        outcome: 'approve',
        reason: null,
        deciderName: 'R',
        deciderRef: 'r',
        now: T2,
        messages: decided,
      }),
    ).toEqual({ ok: false, reason: 'not_found' });
  });

  it('sends a request for information back to review in round 2 when answered', async () => {
    const draft = await draftFor('U1');
    await submit(draft.id);
    expect(await store.answerInfoRequest({ id: draft.id, text: 'early', now: T2, actorRef: 'a', messages: () => [] })).toBeNull();
    const asked = await store.decide({
      applicationId: draft.id,
      dialogueId: 'ta',
      outcome: 'request_info',
      reason: 'Which unit?',
      deciderName: 'R1',
      deciderRef: 'slack:T1/R1',
      now: T2,
      messages: decided,
    });
    expect(asked.ok && asked.application.dialogues.find((d) => d.dialogueId === 'ta')).toEqual({
      dialogueId: 'ta',
      status: 'info_requested',
      round: 1,
    });
    const answered = await store.answerInfoRequest({
      id: draft.id,
      text: 'The training unit.',
      now: T2,
      actorRef: 'slack:T1/U1',
      messages: (app) => [
        {
          recipient: { platform: 'slack', kind: 'channel', address: 'C-REVIEW' },
          purpose: 'review_card_update',
          dedupeKey: `info:${app.id}:${app.dialogues.map((d) => d.round).join('')}`,
          replies: [],
        },
      ],
    });
    expect(answered?.dialogues.find((d) => d.dialogueId === 'ta')).toEqual({ dialogueId: 'ta', status: 'pending', round: 2 });
    const event = await h.db.selectFrom('application_events').select('detail').where('kind', '=', 'info_answer').executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail)).toEqual({ text: 'The training unit.', dialogueIds: ['ta'] });
    const again = await store.decide({
      applicationId: draft.id,
      dialogueId: 'ta',
      outcome: 'approve',
      reason: null,
      deciderName: 'R2',
      deciderRef: 'slack:T1/R2',
      now: T2,
      messages: decided,
    });
    expect(again.ok && again.decision.round).toBe(2);
  });

  it('withdraws every dialogue once, and refuses to resubmit or decide afterwards', async () => {
    const draft = await draftFor('U1');
    await submit(draft.id);
    const notice = (app: Application): OutboundMessage[] => [
      {
        recipient: { platform: 'slack', kind: 'channel', address: 'C' },
        purpose: 'review_card_update',
        dedupeKey: `withdrawn:${app.id}`,
        replies: [],
      },
    ];
    const w = await store.withdraw({ id: draft.id, now: T2, actorRef: 'slack:T1/U1', messages: notice });
    expect(w).toMatchObject({ status: 'withdrawn', reference: 'CD-2023-0001' });
    expect(w?.dialogues.every((d) => d.status === 'withdrawn')).toBe(true);
    const before = await outboxCount();
    expect((await store.withdraw({ id: draft.id, now: T2, actorRef: 'x', messages: notice }))?.status).toBe('withdrawn');
    expect(await outboxCount()).toBe(before);
    expect(await submit(draft.id, answers({ website: 'https://x.example' }))).toEqual({ ok: false, reason: 'withdrawn' });
    expect(
      await store.decide({
        applicationId: draft.id,
        dialogueId: 'firearms',
        outcome: 'approve',
        reason: null,
        deciderName: 'R',
        deciderRef: 'r',
        now: T2,
        messages: decided,
      }),
    ).toEqual({ ok: false, reason: 'not_pending' });
    expect(await store.withdraw({ id: 'missing', now: T2, actorRef: 'x', messages: notice })).toBeNull();
    expect(await submit('missing')).toEqual({ ok: false, reason: 'not_found' });
  });
});
