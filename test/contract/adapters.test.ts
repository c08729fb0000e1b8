/**
 * The same conversations through every chat surface: a question answered, an application taken
 * step by step (with Back), submitted for a reference number, decided on the reviewers' card,
 * and the decision told to the applicant. What is asserted holds for every platform; how a
 * platform shows it (modals, Adaptive Cards, the playground page) is each driver's business.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_STEPS } from '../support/playground-client';
import type { ContractDriver, DriverFactory, Sent } from './driver';
import { playground } from './playground-driver';
import { slack } from './slack-driver';
import { teams } from './teams-driver';

const REFERENCE = /\bCD-2023-\d{4}\b/;
const APPLICANT_EMAIL = 'amina@wasan.example.org';
const REASON = 'Places in this dialogue are kept for organisations working on technical assistance.';
const INFO_WANTED = 'Please tell us which countries your paralegals work in.';

/** The same message (same text, same place) sent more than once. */
function sentTwice(sent: Sent[]): Sent[] {
  const seen = new Set<string>();
  return sent.filter((s) => {
    const key = JSON.stringify([s.to, s.kind, s.message, s.text]);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

const toChannel = (sent: Sent[]) => sent.filter((s) => s.to === 'reviewers');

/** Fills every step with the fixture's answers and sends the summary; the reference given. */
async function submitApplication(d: ContractDriver): Promise<{ reference: string; told: string }> {
  let step = await d.apply();
  for (let i = 0; i < 12 && step.id !== 'confirm'; i++) {
    step = await d.fill(FIXTURE_STEPS[step.id] ?? {});
    expect(step.errors, `step ${step.id}`).toEqual({});
  }
  expect(step.id).toBe('confirm');
  const told = await d.confirm();
  await d.deliver();
  const reference = REFERENCE.exec([told, ...(await d.applicantInbox())].join('\n'))?.[0];
  expect(reference, `a reference in ${told}`).toBeDefined();
  return { reference: reference!, told };
}

/** Calls whose reviewer decides alone: an approval is final and the applicant is told at once. */
async function secretariatDecides(d: ContractDriver): Promise<void> {
  await d.t.deps.db.updateTable('calls').set({ approval_body: 'secretariat' }).execute();
}

describe.each<DriverFactory>([slack, teams, playground])('$platform', (factory) => {
  let d: ContractDriver;
  afterEach(async () => d?.close());

  it('answers a question about the call once, even when the platform delivers it again', async () => {
    d = await factory.start();
    const answer = await d.ask('what is the deadline to apply?');
    expect(answer).toMatch(/12 February 2023/);
    if (d.redeliverLastQuestion) await d.redeliverLastQuestion();
    await d.deliver();
    const sent = await d.sent();
    expect(sent.filter((s) => s.to === 'applicant' && /12 February 2023/.test(s.text))).toHaveLength(1);
    expect(sentTwice(sent)).toEqual([]);
  });

  it('takes the application step by step: an empty step comes back with reasons, Back keeps the answers', async () => {
    d = await factory.start();
    const first = await d.apply();
    expect(first.id).toBe('dialogues');

    const empty = await d.fill({});
    expect(empty.id).toBe('dialogues');
    expect(Object.keys(empty.errors)).toContain('dialogueIds');

    const second = await d.fill(FIXTURE_STEPS.dialogues!);
    expect(second.id).toBe('organisation');
    expect(second.errors).toEqual({});

    const back = await d.back();
    expect(back.id).toBe('dialogues');
    expect(back.values.dialogueIds).toEqual(['firearms', 'technical-assistance']);
    expect(back.values.participation).toBe('in_person');

    const again = await d.fill({});
    expect(again.id).toBe('organisation');
  });

  it('gives a reference number for a submitted application and sends one review card without personal details', async () => {
    d = await factory.start();
    const { reference, told } = await submitApplication(d);
    expect(reference).toBe('CD-2023-0001');
    expect(told + (await d.applicantInbox()).join('\n')).toContain(reference);

    const card = await d.reviewCard();
    expect(card?.text).toContain(reference);
    expect(card?.text).toContain('Women Against Small Arms Network');
    expect(card?.text).not.toContain(APPLICANT_EMAIL);
    expect(card?.buttons.sort()).toEqual([
      'approve|firearms',
      'approve|technical-assistance',
      'reject|firearms',
      'reject|technical-assistance',
      'request_info|firearms',
      'request_info|technical-assistance',
    ]);
    const sent = await d.sent();
    expect(sent.filter((s) => s.to === 'reviewers' && s.kind === 'post' && s.text.includes(reference))).toHaveLength(1);
    expect(sentTwice(sent)).toEqual([]);
  });

  it('approves on the card: the card shows it, the applicant is told once, a second click changes nothing', async () => {
    d = await factory.start();
    await secretariatDecides(d);
    const { reference } = await submitApplication(d);
    const inboxBefore = (await d.applicantInbox()).length;

    const answer = await d.decide('reviewer', 'approve', 'firearms');
    expect(answer).toMatch(/approved/i);
    await d.deliver();
    const card = await d.reviewCard();
    expect(card?.text).toMatch(/Firearms: approved by/i);
    expect(card?.buttons).not.toContain('approve|firearms');
    expect(card?.buttons).toContain('approve|technical-assistance');
    const told = (await d.applicantInbox()).slice(inboxBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(reference);
    expect(told[0]).toMatch(/approved/i);

    const channelBefore = toChannel(await d.sent());
    const again = await d.decide('reviewer', 'approve', 'firearms');
    expect(again).toMatch(/already decided/i);
    await d.deliver();
    expect(toChannel(await d.sent())).toEqual(channelBefore);
    expect(await d.applicantInbox()).toHaveLength(inboxBefore + 1);
    expect(sentTwice(await d.sent())).toEqual([]);
  });

  it('rejects with a reason: the reason is required, then the card shows it and the applicant is told why', async () => {
    d = await factory.start();
    await secretariatDecides(d);
    const { reference } = await submitApplication(d);
    const inboxBefore = (await d.applicantInbox()).length;

    const refused = await d.decide('reviewer', 'reject', 'technical-assistance', '');
    expect(refused).toMatch(/reason/i);
    await d.deliver();
    expect((await d.applicantInbox()).length).toBe(inboxBefore);

    await d.decide('reviewer', 'reject', 'technical-assistance', REASON);
    await d.deliver();
    const card = await d.reviewCard();
    expect(card?.text).toMatch(/Technical Assistance: not approved by/i);
    expect(card?.buttons).not.toContain('reject|technical-assistance');
    const told = (await d.applicantInbox()).slice(inboxBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(reference);
    expect(told[0]).toContain(REASON);
    expect(sentTwice(await d.sent())).toEqual([]);
  });

  it("asks the applicant for more information with the reviewer's question", async () => {
    d = await factory.start();
    const { reference } = await submitApplication(d);
    const inboxBefore = (await d.applicantInbox()).length;

    await d.decide('reviewer', 'request_info', 'firearms', INFO_WANTED);
    await d.deliver();
    const card = await d.reviewCard();
    expect(card?.text).toMatch(/Firearms: more information requested by/i);
    const told = (await d.applicantInbox()).slice(inboxBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(reference);
    expect(told[0]).toContain(INFO_WANTED);
    expect(sentTwice(await d.sent())).toEqual([]);
  });

  it("under the States parties' approval a reviewer recommends, and the applicant is not told yet", async () => {
    d = await factory.start();
    await submitApplication(d);
    const inboxBefore = (await d.applicantInbox()).length;

    const answer = await d.decide('reviewer', 'approve', 'firearms');
    expect(answer).toMatch(/recommended/i);
    await d.deliver();
    const card = await d.reviewCard();
    expect(card?.text).toMatch(/Firearms: recommended by .*Awaiting approval by the States parties/s);
    expect(await d.applicantInbox()).toHaveLength(inboxBefore);
  });

  it('lets only reviewers decide: the applicant pressing Approve changes nothing', async () => {
    d = await factory.start();
    await secretariatDecides(d);
    await submitApplication(d);
    const channelBefore = toChannel(await d.sent());
    const inboxBefore = await d.applicantInbox();

    const answer = await d.decide('applicant', 'approve', 'firearms');
    expect(answer).toMatch(/only reviewers/i);
    await d.deliver();
    expect(toChannel(await d.sent())).toEqual(channelBefore);
    expect(await d.applicantInbox()).toEqual(inboxBefore);
    expect((await d.reviewCard())?.buttons).toContain('approve|firearms');
  });
});
