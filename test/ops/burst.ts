/**
 * Realistic write traffic for operations tests: applicants submitting and reviewers deciding,
 * through the store the engine uses, with the outbox rows the engine writes alongside.
 */
import type { OutboundMessage } from '../../domain/messages';
import type { Store } from '../../domain/ports';
import type { Application, ApplicationAnswers, Decision } from '../../domain/types';
import { regionalGroupOf } from '../../domain/countries';
import { reviewCardKey } from '../../domain/notifications';

export const CALL_ID = 'cd-2023-firearms-ta';

export const answersFor = (i: number, over: Partial<ApplicationAnswers> = {}): ApplicationAnswers => ({
  dialogueIds: ['firearms', 'technical-assistance'],
  participation: 'online',
  organisationName: `Small Arms Survey ${i}`,
  stakeholderType: 'ngo',
  organisationFocus: 'none',
  country: i % 2 ? 'CH' : 'KE',
  website: 'https://example.org',
  areasOfWork: 'Research on illicit arms flows',
  relevance: { firearms: 'We study them', 'technical-assistance': 'We train officers' },
  representatives: [
    { name: `Ana Ruiz ${i}`, gender: 'female', email: `ana${i}@example.org`, role: 'Director', nationality: 'CH' },
    { name: `Ben Okafor ${i}`, gender: 'male', email: `ben${i}@example.org`, role: 'Researcher', nationality: 'NG' },
  ],
  travelSupport: false,
  travelJustification: null,
  consent: true,
  ...over,
});

const submitted =
  (userId: string) =>
  (app: Application): OutboundMessage[] => [
    {
      recipient: { platform: 'slack', kind: 'channel', address: 'C0REVIEWS' },
      purpose: 'review_card',
      dedupeKey: reviewCardKey(app, 'slack'),
      replies: [{ kind: 'text', text: `New application ${app.reference}` }],
    },
    {
      recipient: { platform: 'slack', kind: 'user', address: userId },
      purpose: 'confirmation',
      dedupeKey: `confirm:${app.id}:${app.updatedAt}`,
      replies: [{ kind: 'text', text: `Received ${app.reference}` }],
    },
  ];

const decided =
  (userId: string) =>
  (app: Application, d: Decision): OutboundMessage[] => [
    {
      recipient: { platform: 'slack', kind: 'user', address: userId },
      purpose: 'decision_notice',
      dedupeKey: `decision:${app.id}:${d.id}`,
      replies: [{ kind: 'text', text: `${app.reference}: ${d.outcome}` }],
    },
  ];

/** One applicant from first message to a reviewer's decision on their first dialogue. */
export async function applyAndDecide(
  store: Store,
  i: number,
  now: () => string,
  opts: { userId?: string; decide?: boolean } = {},
): Promise<Application> {
  const userId = opts.userId ?? `U${String(i).padStart(8, '0')}`;
  const person = await store.personFor({
    platform: 'slack',
    scope: 'T0TEAM',
    userId,
    displayName: `Applicant ${i}`,
    email: `applicant${i}@example.org`,
  });
  const draft = await store.openDraft({ callId: CALL_ID, personId: person.id, platform: 'slack', now: now() });
  const answers = answersFor(i);
  await store.saveStep({
    id: draft.id,
    answers: { organisationName: answers.organisationName },
    currentStep: 'organisation',
    now: now(),
    actorRef: `slack:${userId}`,
  });
  const result = await store.submit({
    id: draft.id,
    answers,
    regionalGroup: regionalGroupOf(answers.country),
    now: now(),
    actorRef: `slack:${userId}`,
    messages: submitted(userId),
  });
  if (!result.ok) throw new Error(`submission ${i} refused: ${result.reason}`);
  if (opts.decide ?? true) {
    await store.decide({
      applicationId: draft.id,
      dialogueId: 'firearms',
      outcome: i % 3 ? 'approve' : 'reject',
      reason: i % 3 ? null : 'Outside the scope',
      deciderName: 'Reviewer One',
      deciderRef: 'slack:U0REVIEWER',
      now: now(),
      messages: decided(userId),
    });
  }
  return result.application;
}
