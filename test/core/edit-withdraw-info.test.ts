import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { actionsOf, allText, formOf, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
afterEach(async () => t?.close());

async function applied(name: string) {
  const c = new PlaygroundClient(t.app, name);
  const done = await c.submit(await c.fillForm(await c.say('apply')), {});
  const reference = allText(done.replies).match(/CD-2023-\d{4}/)![0];
  const appId = actionsOf(done.replies).find((a) => a.id === 'edit')!.value!;
  await t.drainOutbox();
  return { c, reference, appId };
}

const reviewer = () => new PlaygroundClient(t.app, 'reviewer');

async function latestCardActions() {
  const cards = (await reviewer().feed()).filter((m) => m.purpose === 'review_card');
  return actionsOf(cards[cards.length - 1]!.replies);
}

describe('after submission', () => {
  it('an edit keeps the reference, leaves the submitted answers alone until confirmed, and goes back to review', async () => {
    t = await createTestApp();
    const { c, reference, appId } = await applied('ines');
    const approve = (await latestCardActions()).find((a) => a.id === 'review.approve' && a.value?.endsWith('|firearms'))!;
    await reviewer().click(approve.id, approve.value);

    const first = formOf(await c.click('edit', appId));
    const second = formOf(await c.submit(first, { dialogueIds: ['firearms'], participation: 'online' }));
    const stored = await t.deps.store.get(appId);
    expect(stored?.answers.participation).toBe('in_person'); // unchanged until the edit is confirmed

    const summary = await c.fillForm({ replies: [{ kind: 'form', form: second }] });
    const done = await c.submit(summary, {});
    expect(allText(done.replies)).toContain(`Application updated: ${reference}`);
    const after = await t.deps.store.get(appId);
    expect(after?.reference).toBe(reference);
    expect(after?.answers.participation).toBe('online');
    expect(after?.dialogues.find((d) => d.dialogueId === 'firearms')).toMatchObject({ status: 'pending', round: 2 });
    expect(after?.dialogues.find((d) => d.dialogueId === 'technical-assistance')?.status).toBe('withdrawn');

    await t.drainOutbox();
    const cards = (await reviewer().feed()).filter((m) => m.purpose === 'review_card');
    expect(cards).toHaveLength(2);
    expect(allText(cards[1]!.replies)).toMatch(/Updated and back for review/);
  });

  it('withdrawal asks for confirmation, then tells the reviewer card and stops decisions', async () => {
    t = await createTestApp();
    const { c, reference, appId } = await applied('jonas');
    const ask = await c.click('withdraw', appId);
    expect(actionsOf(ask.replies).map((a) => a.id)).toContain('withdraw.confirm');
    const done = await c.click('withdraw.confirm', appId);
    expect(allText(done.replies)).toContain(`${reference} is withdrawn`);
    await t.drainOutbox();
    expect((await reviewer().feed()).some((m) => m.purpose === 'review_card_update')).toBe(true);
    const approve = (await latestCardActions()).find((a) => a.id === 'review.approve')!;
    const late = await reviewer().click(approve.id, approve.value);
    expect(allText(late.replies)).toMatch(/withdrawn|not waiting|Nothing changed/i);
  });

  it('a request for information lets the applicant answer and sends the application back to review', async () => {
    t = await createTestApp();
    const { c, appId } = await applied('kofi');
    const ask = (await latestCardActions()).find((a) => a.id === 'review.request_info' && a.value?.endsWith('|firearms'))!;
    const prompt = (await reviewer().click(ask.id, ask.value)).replies[0]!;
    if (prompt.kind !== 'prompt') throw new Error('expected a prompt');
    await reviewer().send({
      kind: 'submission',
      formId: prompt.prompt.formId,
      contextId: prompt.prompt.contextId,
      values: { text: 'Please describe your firearms work in the last two years.' },
    });
    await t.drainOutbox();
    const request = (await c.feed()).find((m) => m.purpose === 'info_request')!;
    expect(allText(request.replies)).toMatch(/last two years/);
    const answerPrompt = (await c.click('info.answer', appId)).replies[0]!;
    if (answerPrompt.kind !== 'prompt') throw new Error('expected a prompt');
    const answered = await c.send({
      kind: 'submission',
      formId: answerPrompt.prompt.formId,
      contextId: answerPrompt.prompt.contextId,
      values: { text: 'We ran three border monitoring projects in 2021 and 2022.' },
    });
    expect(allText(answered.replies)).toMatch(/back in review/);
    const app = await t.deps.store.get(appId);
    expect(app?.dialogues.find((d) => d.dialogueId === 'firearms')).toMatchObject({ status: 'pending', round: 2 });
    await t.drainOutbox();
    const latest = (await latestCardActions()).filter((a) => a.value?.endsWith('|firearms'));
    expect(latest.map((a) => a.id)).toContain('review.approve');
  });

  it('someone who is not a reviewer is refused and nothing changes', async () => {
    t = await createTestApp();
    const { appId } = await applied('lena');
    const approve = (await latestCardActions()).find((a) => a.id === 'review.approve')!;
    const intruder = new PlaygroundClient(t.app, 'mallory');
    const r = await intruder.click(approve.id, approve.value);
    expect(allText(r.replies)).toMatch(/Only reviewers/);
    expect(await t.deps.store.decisionsFor(appId)).toHaveLength(0);
  });

  it("someone else cannot edit, withdraw or submit another person's application", async () => {
    t = await createTestApp();
    const { appId } = await applied('nora');
    const other = new PlaygroundClient(t.app, 'oscar');
    expect(allText((await other.click('withdraw.confirm', appId)).replies)).toMatch(/could not find/);
    expect(allText((await other.click('edit', appId)).replies)).toMatch(/could not find/);
    const forged = await other.send({ kind: 'submission', formId: 'application', contextId: appId, stepId: 'confirm', values: {} });
    expect(allText(forged.replies)).toMatch(/expired/);
    expect((await t.deps.store.get(appId))?.status).toBe('submitted');
  });
});
