/**
 * What the platform suites drive through Slack and Teams: the seeded 2023 call (reminders, the
 * closed call, asking to be told about later dialogues), then a second call with all five
 * dialogues, filled in with the longest answers the form takes.
 */
import type { RawValues } from '../../../bot/core/types';
import { FAQ_QUESTIONS, MULTI_QUESTIONS } from '../../fixtures/faq-questions';
import type { TestApp } from '../../support/harness';

export const ALL_DIALOGUES = [
  'firearms',
  'technical-assistance',
  'international-cooperation',
  'trafficking-in-persons',
  'smuggling-of-migrants',
];
export const SECOND_CALL = 'cd-2023-all';

/** Every question of the FAQ fixtures, and a few that the bot cannot answer. */
export const QUESTIONS = [
  ...FAQ_QUESTIONS.map((c) => c.q),
  ...MULTI_QUESTIONS.map((c) => c.q),
  'help',
  'status',
  'Who won the football world cup in 1998?',
];

const SENTENCES = [
  'Our network of community paralegals documents how illicit small arms reach rural markets across three borders.',
  'Since 2015 we have trained survivors of trafficking to lead peer support groups in eleven districts.',
  'We publish an annual review of national firearms legislation with recommendations for parliament.',
  'Our volunteers work with border communities, customs officers and local courts on prevention.',
];

/** Realistic prose of exactly `n` characters, in paragraphs as people type them. */
export function prose(n: number, seed = 0): string {
  let out = '';
  for (let i = seed; out.length < n; i++) out += (out ? (i % 3 === 0 ? '\n\n' : ' ') : '') + SENTENCES[i % SENTENCES.length];
  return out.slice(0, n).replace(/\s+$/, '.').padEnd(n, '.');
}

const longName = (n: number) => prose(n, 2).replace(/\n+/g, ' ');

/** An address of exactly 254 characters (the longest there is). */
export function longestEmail(tag: string): string {
  const local = `${tag}.representative.for.the.constructive.dialogues`.slice(0, 64);
  const labels: string[] = [];
  let domain = 'example.org';
  while (local.length + 1 + domain.length < 254) {
    const room = 254 - local.length - 1 - domain.length - 1;
    labels.push('a'.repeat(Math.min(63, room)));
    domain = `${labels.join('.')}.example.org`;
  }
  return `${local}@${domain}`.slice(0, 254);
}

/** Every step of the form with the longest answers it accepts, all five dialogues and travel support. */
export function longestAnswers(): Record<string, RawValues> {
  const rep = (n: number, gender: string, country: string) => ({
    [`rep${n}_name`]: longName(200),
    [`rep${n}_gender`]: gender,
    [`rep${n}_email`]: longestEmail(`rep${n}`),
    [`rep${n}_role`]: longName(200),
    [`rep${n}_nationality`]: country,
  });
  return {
    dialogues: { dialogueIds: ALL_DIALOGUES, participation: 'in_person' },
    organisation: {
      organisationName: longName(200),
      stakeholderType: 'ngo_ecosoc',
      organisationFocus: 'grassroots',
      // The longest country name in the list.
      country: 'GB',
      website: `https://${'w'.repeat(40)}.example.org/${'about-our-network/'.repeat(13)}`.slice(0, 300),
      areasOfWork: prose(1500),
    },
    relevance: Object.fromEntries(ALL_DIALOGUES.map((d, i) => [`relevance_${d}`, prose(1500, i)])),
    representatives: { ...rep(1, 'female', 'GB'), ...rep(2, 'male', 'VE'), ...rep(3, 'prefer_not_to_say', 'CD') },
    travel: { travelSupport: 'yes', travelJustification: prose(1500, 3) },
    consent: { consent: 'true' },
  };
}

export const LONGEST_REASON = prose(1000, 1);
export const LONGEST_INFO_ANSWER = prose(3000, 2);

/** Adds a second call (15 March to 15 May 2023, Vienna) with all five dialogues. */
export async function addFiveDialogueCall(t: TestApp): Promise<void> {
  const now = t.clock.now().toISOString();
  await t.deps.db
    .insertInto('calls')
    .values({
      id: SECOND_CALL,
      title: 'Constructive Dialogues, second half of 2023',
      reference_prefix: 'CD-2023B',
      opens_at: '2023-03-15T08:00:00.000Z',
      closes_at: '2023-05-15T21:59:59.999Z',
      zone: 'Europe/Vienna',
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await t.deps.db
    .insertInto('call_dialogues')
    .values(ALL_DIALOGUES.map((d) => ({ call_id: SECOND_CALL, dialogue_id: d })))
    .execute();
}
