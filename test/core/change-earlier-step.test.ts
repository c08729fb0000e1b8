/** Going back to an earlier step and changing an answer that makes a later step not apply. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { formOf, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
});
afterAll(async () => t?.close());

describe('switching to online after asking for travel support', () => {
  it('the summary to confirm shows what will be submitted: no travel support', async () => {
    const me = new PlaygroundClient(t.app, 'switcher');
    const summary = await me.fillForm(await me.say('apply'));
    expect(summary.summary).toContainEqual({ label: 'Travel support requested', value: 'Yes' });

    let form = formOf(
      await me.submit({ ...summary, stepId: 'dialogues' }, { dialogueIds: ['firearms', 'technical-assistance'], participation: 'online' }),
    );
    form = await me.fillForm({ replies: [{ kind: 'form', form }] }, { dialogues: { participation: 'online' } });
    expect(form.stepId).toBe('confirm');
    const labels = (form.summary ?? []).map((f) => f.label);
    expect(labels).not.toContain('Why travel support is needed');
    expect(form.summary).not.toContainEqual({ label: 'Travel support requested', value: 'Yes' });
    expect(form.summary).toContainEqual({ label: 'Participation', value: 'Online' });
  });
});
