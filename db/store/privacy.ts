/**
 * The privacy port on Kysely: a person's data gathered for export, and their erasure
 * (db/store/erasure.ts). Reads only; every table that holds something about the person.
 */
import type { Kysely } from 'kysely';
import { PERSONAL_DATA_FORMAT, type PersonalData } from '../../domain/privacy';
import type { Atomic } from '../atomic';
import { answersRecordJson, parseJson, recipientJson, repliesJson } from '../json';
import type { Database } from '../schema';
import type { Platform } from '../../domain/types';
import { erasePerson } from './erasure';

export async function findPerson(
  db: Kysely<Database>,
  identity: { platform: Platform; scope: string; userId: string },
): Promise<{ id: string } | null> {
  const row = await db
    .selectFrom('identities')
    .select('person_id')
    .where('platform', '=', identity.platform)
    .where('scope', '=', identity.scope)
    .where('user_id', '=', identity.userId)
    .executeTakeFirst();
  return row ? { id: row.person_id } : null;
}

export async function personalData(db: Kysely<Database>, personId: string, now: string): Promise<PersonalData> {
  const [person, identities, apps, subscriptions, questions] = await Promise.all([
    db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst(),
    db.selectFrom('identities').selectAll().where('person_id', '=', personId).orderBy('created_at').execute(),
    db.selectFrom('applications').selectAll().where('person_id', '=', personId).orderBy('created_at').execute(),
    db.selectFrom('subscriptions').selectAll().where('person_id', '=', personId).orderBy('created_at').execute(),
    db.selectFrom('unanswered_questions').select(['text', 'asked_at']).where('person_id', '=', personId).orderBy('asked_at').execute(),
  ]);
  const appIds = apps.map((a) => a.id);
  const any = <T>(rows: T[]) => (appIds.length ? rows : []);
  const [dialogues, events, decisions] = appIds.length
    ? await Promise.all([
        db.selectFrom('application_dialogues').selectAll().where('application_id', 'in', appIds).execute(),
        db
          .selectFrom('application_events')
          .select(['application_id', 'at', 'kind'])
          .where('application_id', 'in', appIds)
          .orderBy('at')
          .execute(),
        db.selectFrom('decisions').selectAll().where('application_id', 'in', appIds).orderBy('decided_at').execute(),
      ])
    : [[], [], []];
  const userIds = identities.map((i) => i.user_id);
  // Messages to the person: addressed to one of their accounts.
  const outbox = userIds.length
    ? await db
        .selectFrom('outbox')
        .select(['purpose', 'platform', 'recipient', 'payload', 'status', 'delivered_at', 'created_at'])
        .where((eb) => eb.or(userIds.map((u) => eb('recipient', 'like', `%"address":${JSON.stringify(u)}%`))))
        .orderBy('created_at')
        .execute()
    : [];
  const reference = new Map(apps.map((a) => [a.id, a.reference]));
  return {
    format: PERSONAL_DATA_FORMAT,
    exportedAt: now,
    person: {
      displayName: person?.display_name ?? null,
      email: person?.email ?? null,
      timeZone: person?.time_zone ?? null,
      firstSeen: person?.created_at ?? now,
    },
    accounts: identities.map((i) => ({ platform: i.platform, workspace: i.scope, userId: i.user_id, since: i.created_at })),
    applications: apps.map((a) => ({
      reference: a.reference,
      call: a.call_id,
      status: a.status,
      answers: parseJson(a.answers, answersRecordJson, 'application answers'),
      dialogues: any(dialogues)
        .filter((d) => d.application_id === a.id)
        .map((d) => ({ dialogue: d.dialogue_id, status: d.status, round: d.round })),
      history: any(events)
        .filter((e) => e.application_id === a.id)
        .map((e) => ({ at: e.at, what: e.kind })),
      createdAt: a.created_at,
      submittedAt: a.submitted_at,
      withdrawnAt: a.withdrawn_at,
    })),
    decisions: any(decisions).map((d) => ({
      application: reference.get(d.application_id) ?? null,
      dialogue: d.dialogue_id,
      outcome: d.outcome,
      reason: d.reason,
      decidedAt: d.decided_at,
    })),
    messages: outbox
      .filter((m) => {
        const to = parseJson(m.recipient, recipientJson, 'outbox recipient');
        return to.kind === 'user' && userIds.includes(to.address);
      })
      .map((m) => ({
        purpose: m.purpose,
        platform: m.platform,
        sentAt: m.delivered_at,
        status: m.status,
        text: parseJson(m.payload, repliesJson, 'outbox payload').flatMap((r) =>
          r.kind === 'text' ? [r.text] : r.kind === 'card' ? [[r.card.title, r.card.text ?? ''].filter(Boolean).join('\n')] : [],
        ),
      })),
    subscriptions: subscriptions.map((s) => ({ dialogue: s.dialogue_id, since: s.created_at, notifiedAt: s.notified_at })),
    questions: questions.map((q) => ({ text: q.text, askedAt: q.asked_at })),
  };
}

export async function erasePersonData(db: Kysely<Database>, atomic: Atomic, personId: string, now: string) {
  const r = await erasePerson(db, atomic, personId, now);
  return {
    applications: r.applications,
    representatives: r.representatives,
    decisions: r.decisions,
    messages: r.messages,
    accounts: r.identities,
    subscriptions: r.subscriptions,
    questions: r.questions,
  };
}

export async function recordPrivacyRequest(
  db: Kysely<Database>,
  input: { personId: string; action: string; actor: string; via: string; detail: Record<string, unknown>; now: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: crypto.randomUUID(),
      at: input.now,
      actor_ref: input.actor,
      action: input.action,
      entity: 'person',
      entity_id: input.personId,
      detail: JSON.stringify({ via: input.via, ...input.detail }),
    })
    .execute();
}
