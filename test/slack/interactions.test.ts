import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import type { EngineResult } from '../../bot/core/types';
import { formToModal } from '../../bot/slack/render-form';
import { SLACK_WAITS } from '../../bot/slack/runtime';
import { FORM_TYPE, fakeEngine, fixture, fixtureText, formStep, interactionBody, makeAdapter, signed } from './support';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

/** A view_submission of form step `n` with the given state values. */
function submission(n: number, values: Record<string, Record<string, unknown>>, hash = `hash-${n}`) {
  const base = fixture<any>('interactivity_view_submission.json');
  const view = formToModal(formStep(n)) as any;
  return { ...base, view: { ...base.view, ...view, id: 'V1', hash, state: { values } } };
}
const filled = {
  organisationName: { organisationName: { type: 'plain_text_input', value: 'Example NGO' } },
  dialogueIds: { dialogueIds: { type: 'multi_static_select', selected_options: [{ value: 'firearms' }] } },
};

describe('buttons', () => {
  it('replaces the modal with the previous step when Back is clicked inside it', async () => {
    const engine = fakeEngine(async () => ({ replies: [{ kind: 'form', form: formStep(1) }] }));
    const { adapter, settle } = makeAdapter(api, engine);
    const base = fixture<any>('interactivity_block_actions.json');
    const click = {
      ...base,
      trigger_id: 'back.trigger',
      container: { type: 'view', view_id: 'V1' },
      channel: undefined,
      view: { ...(formToModal(formStep(2)) as object), id: 'V1', type: 'modal', hash: 'h2', state: { values: {} } },
      actions: [{ type: 'button', action_id: 'form.back', block_id: 'b', value: 'draft-1|organisation', action_ts: '1' }],
    };
    await adapter.routes!.request(await signed(interactionBody(click), FORM_TYPE));
    await settle();
    expect(engine.events[0]).toMatchObject({ kind: 'action', actionId: 'form.back', value: 'draft-1|organisation' });
    expect(api.calls().map((c) => c.method)).toEqual(['views.update']);
    expect(api.calls('views.update')[0]?.body).toMatchObject({ view_id: 'V1' });
  });

  it('turns a click in the review channel into an action and answers ephemerally', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const res = await adapter.routes!.request(await signed(fixtureText('interactivity_block_actions.body.txt'), FORM_TYPE));
    expect(res.status).toBe(200);
    await settle();
    expect(engine.events).toEqual([
      {
        kind: 'action',
        actor: { platform: 'slack', userId: 'U0REVIEWR', scope: 'T123ABC456' },
        conversation: { id: 'C0REVIEWS', isDirect: false },
        actionId: 'approve',
        value: 'APP-42',
      },
    ]);
    expect(api.calls('chat.postEphemeral')[0]?.body).toMatchObject({ channel: 'C0REVIEWS', user: 'U0REVIEWR' });
  });

  it('handles a redelivered click once but passes a double click (new trigger) to the engine', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const body = fixtureText('interactivity_block_actions.body.txt');
    await adapter.routes!.request(await signed(body, FORM_TYPE));
    await adapter.routes!.request(await signed(body, FORM_TYPE, { headers: { 'x-slack-retry-num': '1' } }));
    await settle();
    expect(engine.handle).toHaveBeenCalledTimes(1);
    const second = { ...fixture<any>('interactivity_block_actions.json'), trigger_id: 'another.trigger' };
    await adapter.routes!.request(await signed(interactionBody(second), FORM_TYPE));
    await settle();
    expect(engine.handle).toHaveBeenCalledTimes(2);
  });

  it('opens a modal with the trigger before posting anything when the engine answers with a prompt', async () => {
    const engine = fakeEngine(async () => ({
      replies: [
        { kind: 'text', text: 'Tell the applicant why.' },
        {
          kind: 'prompt',
          prompt: { formId: 'review.reason', contextId: 'dd-1', title: 'Reason', label: 'Why?', submitLabel: 'Reject', maxLength: 500 },
        },
      ],
    }));
    const { adapter, settle } = makeAdapter(api, engine);
    await adapter.routes!.request(await signed(fixtureText('interactivity_block_actions.body.txt'), FORM_TYPE));
    await settle();
    expect(api.calls().map((c) => c.method)).toEqual(['views.open', 'chat.postEphemeral']);
    const view = api.calls('views.open')[0]!.body.view as any;
    expect(JSON.parse(view.private_metadata)).toEqual({ contextId: 'dd-1', channel: 'C0REVIEWS' });
  });

  it('offers a button instead when the trigger has expired', async () => {
    const { adapter, settle } = makeAdapter(
      api,
      fakeEngine(async () => ({ replies: [{ kind: 'form', form: formStep(1) }] })),
    );
    api.failNext('views.open', { error: 'expired_trigger_id' });
    await adapter.routes!.request(await signed(fixtureText('interactivity_block_actions.body.txt'), FORM_TYPE));
    await settle();
    expect(JSON.stringify(api.calls('chat.postEphemeral')[0]?.body)).toContain('slack.open_form');
  });

  it('opens the form from the global "apply" shortcut and from the adapter\'s own button', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const shortcut = { ...fixture<any>('interactivity_shortcut_global.json'), callback_id: 'apply' };
    await adapter.routes!.request(await signed(interactionBody(shortcut), FORM_TYPE));
    await settle(); // the shortcut first looks the person up (users.info), the button does not
    const click = {
      ...fixture<any>('interactivity_block_actions.json'),
      trigger_id: 't-open',
      actions: [{ action_id: 'slack.open_form', value: 'application', type: 'button' }],
    };
    await adapter.routes!.request(await signed(interactionBody(click), FORM_TYPE));
    await settle();
    expect(engine.openForm).toHaveBeenCalledTimes(2);
    expect(api.calls('views.open').map((c) => c.body.trigger_id)).toEqual([shortcut.trigger_id, 't-open']);
    expect(engine.handle).not.toHaveBeenCalled();
  });
});

describe('modal submissions', () => {
  it('sends values keyed by field id and shows the next step with response_action update', async () => {
    const { adapter, engine } = makeAdapter(
      api,
      fakeEngine(async () => ({ replies: [{ kind: 'form', form: formStep(2) }] })),
    );
    const res = await adapter.routes!.request(await signed(interactionBody(submission(1, filled)), FORM_TYPE));
    const body = (await res.json()) as any;
    expect(engine.events[0]).toMatchObject({
      kind: 'submission',
      formId: 'application',
      contextId: 'draft-1',
      stepId: 'step1',
      values: { organisationName: 'Example NGO', dialogueIds: ['firearms'] },
    });
    expect(body.response_action).toBe('update');
    expect(body.view.callback_id).toBe('form|application|step2');
    expect(JSON.parse(body.view.private_metadata)).toEqual({ draftId: 'draft-1' });
  });

  it('shows validation errors on the field', async () => {
    const { adapter } = makeAdapter(
      api,
      fakeEngine(async () => ({
        replies: [],
        fieldErrors: { organisationName: 'Please give the name of your organisation.', nowhere: 'Check the form.' },
      })),
    );
    const res = await adapter.routes!.request(await signed(interactionBody(submission(1, filled)), FORM_TYPE));
    expect(await res.json()).toEqual({
      response_action: 'errors',
      errors: { organisationName: 'Please give the name of your organisation. Check the form.' },
    });
  });

  it('takes a corrected resubmission of the same view after errors', async () => {
    let calls = 0;
    const { adapter, engine } = makeAdapter(
      api,
      fakeEngine(async () =>
        ++calls === 1
          ? { replies: [], fieldErrors: { organisationName: 'Required.' } }
          : { replies: [{ kind: 'form', form: formStep(2) }] },
      ),
    );
    const empty = { ...filled, organisationName: { organisationName: { type: 'plain_text_input', value: '' } } };
    const first = await adapter.routes!.request(await signed(interactionBody(submission(1, empty, 'same-hash')), FORM_TYPE));
    expect(((await first.json()) as any).response_action).toBe('errors');
    const second = await adapter.routes!.request(await signed(interactionBody(submission(1, filled, 'same-hash')), FORM_TYPE));
    expect(((await second.json()) as any).response_action).toBe('update');
    expect(engine.handle).toHaveBeenCalledTimes(2);
  });

  it('closes the modal and DMs the confirmation when the form is done', async () => {
    const { adapter, settle } = makeAdapter(
      api,
      fakeEngine(async () => ({ replies: [{ kind: 'text', text: 'Thank you. Your reference is CD-2023-0001.' }], closeForm: true })),
    );
    const res = await adapter.routes!.request(await signed(interactionBody(submission(3, filled)), FORM_TYPE));
    expect(await res.json()).toEqual({ response_action: 'clear' });
    await settle();
    expect(api.calls('conversations.open')[0]?.body).toEqual({ users: 'U2147483697' });
    expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ channel: 'D2147483697', text: expect.stringContaining('CD-2023-0001') });
  });

  it("returns a prompt answer as { text } on the prompt's ids and acknowledges it in its channel", async () => {
    const engine = fakeEngine(async () => ({ replies: [{ kind: 'text', text: 'Rejected.' }] }));
    const { adapter, settle } = makeAdapter(api, engine);
    const base = fixture<any>('interactivity_view_submission.json');
    const payload = {
      ...base,
      view: {
        ...base.view,
        callback_id: 'prompt|review.reason',
        private_metadata: JSON.stringify({ contextId: 'dd-1', channel: 'C0REVIEWS' }),
        state: { values: { text: { text: { type: 'plain_text_input', value: 'Out of scope' } } } },
      },
    };
    const res = await adapter.routes!.request(await signed(interactionBody(payload), FORM_TYPE));
    expect(await res.json()).toEqual({ response_action: 'clear' });
    await settle();
    expect(engine.events[0]).toMatchObject({
      kind: 'submission',
      formId: 'review.reason',
      contextId: 'dd-1',
      values: { text: 'Out of scope' },
    });
    expect(engine.events[0]).not.toHaveProperty('stepId');
    expect(api.calls('chat.postEphemeral')[0]?.body).toMatchObject({ channel: 'C0REVIEWS', user: 'U2147483697' });
  });

  it('processes the same view state once', async () => {
    const { adapter, engine } = makeAdapter(
      api,
      fakeEngine(async () => ({ replies: [{ kind: 'form', form: formStep(2) }] })),
    );
    const body = interactionBody(submission(1, filled));
    await adapter.routes!.request(await signed(body, FORM_TYPE));
    const again = await adapter.routes!.request(await signed(body, FORM_TYPE));
    expect(again.status).toBe(200);
    expect(engine.handle).toHaveBeenCalledTimes(1);
  });

  it('ignores views that are not ours', async () => {
    const { adapter, engine } = makeAdapter(api);
    const res = await adapter.routes!.request(await signed(interactionBody(fixture('interactivity_view_submission.json')), FORM_TYPE));
    expect(res.status).toBe(200);
    expect(engine.handle).not.toHaveBeenCalled();
  });

  it('shows an error on the form, not a stack trace, when the engine fails', async () => {
    const { adapter } = makeAdapter(
      api,
      fakeEngine(async () => {
        throw new Error('db down at /srv/x.ts:1');
      }),
    );
    const res = await adapter.routes!.request(await signed(interactionBody(submission(1, filled)), FORM_TYPE));
    const body = (await res.json()) as any;
    expect(body.response_action).toBe('errors');
    expect(JSON.stringify(body)).not.toContain('db down');
  });

  it('closes the modal in time and answers by DM when the engine is slow', async () => {
    // The engine answers only when the test lets it, long after the (shortened) budget.
    let finish!: () => void;
    const slow = fakeEngine(
      () =>
        new Promise<EngineResult>((r) => {
          finish = () => r({ replies: [{ kind: 'text', text: 'Saved.' }], closeForm: true });
        }),
    );
    const { adapter, settle } = makeAdapter(api, slow, {}, { submissionBudgetMs: 50 });
    const started = Date.now();
    const res = await adapter.routes!.request(await signed(interactionBody(submission(3, filled)), FORM_TYPE));
    expect(Date.now() - started).toBeLessThan(2900);
    expect(await res.json()).toEqual({ response_action: 'clear' });
    expect(api.calls('chat.postMessage')).toHaveLength(0);
    finish();
    await settle();
    expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ text: 'Saved.' });
    // Slack shows an error on a modal not answered within 3 s: the production budget stays under it.
    expect(SLACK_WAITS.submissionBudgetMs).toBeLessThan(3000);
  });
});
