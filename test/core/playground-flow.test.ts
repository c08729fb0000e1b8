import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { actionsOf, allText, formOf, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
afterEach(async () => t?.close());

describe('a newcomer in the playground, on 20 January 2023', () => {
  it('asks about the call, applies to both dialogues, is reviewed and sees both outcomes', async () => {
    t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
    const amina = new PlaygroundClient(t.app, 'amina');

    const deadline = await amina.say("what's the last day i can send my application");
    expect(allText(deadline.replies)).toMatch(/12 February 2023/);
    expect(allText(deadline.replies)).toMatch(/Vienna/);
    expect(allText(deadline.replies)).toMatch(/23 days left/);

    const ecosoc = await amina.say("We're ECOSOC accredited, do we have to fill the form anyway?");
    expect(allText(ecosoc.replies)).toMatch(/also required to apply/i);

    const travel = await amina.say('we are a small grassroots group, is there financial help');
    expect(allText(travel.replies)).toMatch(/grassroots/i);
    expect(allText(travel.replies)).toMatch(/case.by.case/i);

    const later = await amina.say('Is there a dialogue about human trafficking?');
    expect(allText(later.replies)).toMatch(/4 October 2023/);
    expect(allText(later.replies)).toMatch(/March 2023/);

    const summary = await amina.fillForm(await amina.say('apply'));
    expect(summary.summary?.map((f) => f.value).join(' ')).toMatch(/Women Against Small Arms Network/);
    const done = await amina.submit(summary, {});
    expect(done.closeForm).toBe(true);
    const reference = allText(done.replies).match(/CD-2023-\d{4}/)?.[0];
    expect(reference).toBe('CD-2023-0001');

    await t.drainOutbox();
    const reviewer = new PlaygroundClient(t.app, 'reviewer');
    const cards = await reviewer.feed();
    const card = cards.find((m) => m.purpose === 'review_card');
    expect(card).toBeDefined();
    expect(allText(card!.replies)).not.toMatch(/amina@/);
    const actions = actionsOf(card!.replies);
    const approveFirearms = actions.find((a) => a.id === 'review.approve' && a.value?.endsWith('|firearms'))!;
    const rejectTa = actions.find((a) => a.id === 'review.reject' && a.value?.endsWith('|technical-assistance'))!;

    // Under the 2023 call the reviewer's approval is a recommendation to the States parties.
    expect(allText(card!.replies)).toMatch(
      /Firearms balance: would be the first from African States; no one recommended or approved so far\. This application adds 1 woman and 0 men\./,
    );
    const approved = await reviewer.click(approveFirearms.id, approveFirearms.value);
    expect(allText(approved.replies)).toMatch(/you recommended CD-2023-0001 for Firearms\. It goes to the States parties for approval/);
    const prompt = await reviewer.click(rejectTa.id, rejectTa.value);
    const p = prompt.replies[0];
    expect(p?.kind).toBe('prompt');
    if (p?.kind !== 'prompt') return;
    const tooShort = await reviewer.send({
      kind: 'submission',
      formId: p.prompt.formId,
      contextId: p.prompt.contextId,
      values: { text: 'no' },
    });
    expect(tooShort.fieldErrors?.text).toBeTruthy();
    await reviewer.send({
      kind: 'submission',
      formId: p.prompt.formId,
      contextId: p.prompt.contextId,
      values: { text: 'Places for this dialogue are limited to organisations working on technical assistance.' },
    });

    // A second click after the decision changes nothing and says so.
    const again = await reviewer.click(approveFirearms.id, approveFirearms.value);
    expect(allText(again.replies)).toMatch(/already decided|changed nothing|Nothing changed/i);

    await t.drainOutbox();
    // The applicant hears the rejection, which is final, and nothing yet about the recommendation.
    const notices = (await amina.feed()).map((m) => allText(m.replies)).join('\n');
    expect(notices).toMatch(/not approved/);
    expect(notices).not.toMatch(/has been approved|recommended/);

    const status = await amina.say('status');
    expect(allText(status.replies)).toMatch(/Firearms: Recommended, awaiting approval by the States parties/);
    expect(allText(status.replies)).toMatch(/Technical Assistance: Not approved/);

    // A restart loses nothing.
    t = await t.restart();
    const after = await new PlaygroundClient(t.app, 'amina').say('when will I know?');
    expect(allText(after.replies)).toMatch(/CD-2023-0001/);
    expect(allText(after.replies)).toMatch(/It goes next to the States parties for approval/);
  });

  it('resumes a half-filled application after a restart, keeping every answer', async () => {
    t = await createTestApp();
    const ben = new PlaygroundClient(t.app, 'ben');
    const first = formOf(await ben.say('apply'));
    const second = formOf(await ben.submit(first, { dialogueIds: ['firearms'], participation: 'online' }));
    expect(second.stepId).toBe('organisation');
    t = await t.restart();
    const resumed = formOf(await new PlaygroundClient(t.app, 'ben').say('apply'));
    expect(resumed.stepId).toBe('organisation');
    expect(resumed.draftId).toBe(first.draftId);
  });

  it('re-asks an invalid step with the reason and keeps what was typed', async () => {
    t = await createTestApp();
    const c = new PlaygroundClient(t.app, 'carla');
    const form = await c.fillForm(await c.say('apply'), {}).catch(() => null);
    expect(form?.stepId).toBe('confirm');
    const fresh = new PlaygroundClient(t.app, 'dora');
    const s1 = formOf(await fresh.say('apply'));
    const s2 = formOf(await fresh.submit(s1, { dialogueIds: ['firearms'], participation: 'in_person' }));
    const bad = await fresh.submit(s2, {
      organisationName: 'Dora Institute',
      stakeholderType: 'academia',
      organisationFocus: 'none',
      country: 'Atlantis',
      website: 'not a url',
      areasOfWork: 'Research',
    });
    expect(bad.fieldErrors?.country).toBeTruthy();
    expect(bad.fieldErrors?.website).toBeTruthy();
    const redisplayed = formOf(bad);
    expect(redisplayed.fields.find((f) => f.id === 'organisationName')?.value).toBe('Dora Institute');
  });

  it('a double submission yields one application and one reviewer card', async () => {
    t = await createTestApp();
    const c = new PlaygroundClient(t.app, 'eve');
    const summary = await c.fillForm(await c.say('apply'));
    const [a, b] = await Promise.all([c.submit(summary, {}), c.submit(summary, {})]);
    const refs = [allText(a.replies), allText(b.replies)].map((x) => x.match(/CD-2023-\d{4}/)?.[0]);
    expect(refs[0]).toBe(refs[1]);
    const apps = await t.deps.db.selectFrom('applications').select('reference').where('status', '=', 'submitted').execute();
    expect(apps).toHaveLength(1);
    const cards = await t.deps.db.selectFrom('outbox').select('id').where('purpose', '=', 'review_card').execute();
    expect(cards).toHaveLength(1);
  });

  it('after the deadline says the call closed, what comes next, and creates no application', async () => {
    t = await createTestApp({ now: '2023-03-01T10:00:00Z' });
    const c = new PlaygroundClient(t.app, 'fatima');
    const late = await c.say('Is it too late to register?');
    expect(allText(late.replies)).toMatch(/closed on 12 February 2023/);
    const apply = await c.say('apply');
    expect(allText(apply.replies)).toMatch(/closed/i);
    expect(actionsOf(apply.replies).some((a) => a.id === 'subscribe')).toBe(true);
    const apps = await t.deps.db.selectFrom('applications').select('id').execute();
    expect(apps).toHaveLength(0);
  });

  it('does not invent: an off-topic question gets the contact address and is recorded', async () => {
    t = await createTestApp();
    const c = new PlaygroundClient(t.app, 'gil');
    const r = await c.say("What's the capital of France?");
    expect(allText(r.replies)).toMatch(/unodc-se4u@un\.org/);
    const recorded = await t.deps.db.selectFrom('unanswered_questions').select('text').execute();
    expect(recorded.map((q) => q.text)).toContain("What's the capital of France?");
  });
});
