import { afterEach, describe, expect, it } from 'vitest';
import { formToModal } from '../../bot/slack/render-form';
import { formToAdaptiveCard } from '../../bot/teams/render/form';
import { createTestApp, type TestApp } from '../support/harness';
import { allText, formOf, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
afterEach(async () => t?.close());

describe('Back in the application form', () => {
  it('shows the previous step with what was saved, from any step and from the summary', async () => {
    t = await createTestApp();
    const c = new PlaygroundClient(t.app, 'quentin');
    const first = formOf(await c.say('apply'));
    expect(first.back).toBeUndefined();
    const second = formOf(await c.submit(first, { dialogueIds: ['firearms'], participation: 'online' }));
    expect(second.back).toMatchObject({ id: 'form.back', label: 'Back' });

    const again = formOf(await c.click(second.back!.id, second.back!.value));
    expect(again.stepId).toBe('dialogues');
    expect(again.fields.find((f) => f.id === 'participation')?.value).toBe('online');
    expect(again.fields.find((f) => f.id === 'dialogueIds')?.value).toEqual(['firearms']);

    const summary = await c.fillForm({ replies: [{ kind: 'form', form: second }] });
    const fromSummary = formOf(await c.click(summary.back!.id, summary.back!.value));
    expect(fromSummary.stepId).toBe('consent');
    // Going back changes nothing stored: the draft still resumes where it was.
    expect((await t.deps.store.get(first.draftId))?.currentStep).toBe('confirm');
  });

  it("refuses someone else's draft", async () => {
    t = await createTestApp();
    const owner = new PlaygroundClient(t.app, 'rita');
    const first = formOf(await owner.say('apply'));
    const second = formOf(await owner.submit(first, { dialogueIds: ['firearms'], participation: 'online' }));
    const other = await new PlaygroundClient(t.app, 'sam').click('form.back', second.back!.value);
    expect(allText(other.replies)).toMatch(/expired/);
    expect(other.replies.some((r) => r.kind === 'form')).toBe(false);
  });

  it('is a button in the Slack modal and an Action.Execute on the Teams card', () => {
    const form = {
      formId: 'application',
      draftId: 'd1',
      stepId: 'organisation',
      title: 'Your organisation',
      stepNumber: 2,
      stepCount: 7,
      fields: [],
      submitLabel: 'Next',
      back: { id: 'form.back', label: 'Back', value: 'd1|organisation' },
    };
    const modal = formToModal(form) as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] };
    expect(modal.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: 'form.back', value: 'd1|organisation' }] });
    const card = formToAdaptiveCard(form) as unknown as {
      actions: { type: string; verb?: string; data?: { value?: string }; associatedInputs?: string }[];
    };
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'form.back',
      data: { value: 'd1|organisation' },
      associatedInputs: 'none',
    });
    expect(formToAdaptiveCard(form, { surface: 'dialog' }).actions).toHaveLength(1);
  });
});
