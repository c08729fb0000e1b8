import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormView } from '../../domain/messages';
import { FakeBotFramework } from '../fakes/bot-framework';
import { activity, rig, type Rig } from './support';

let fake: FakeBotFramework;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());

const step = (stepId: string, n: number): FormView => ({
  formId: 'application',
  draftId: 'draft-1',
  stepId,
  title: 'Apply',
  stepNumber: n,
  stepCount: 3,
  submitLabel: 'Next',
  fields: [
    { id: 'name', label: 'Full name', kind: 'text', required: true },
    { id: 'email', label: 'Email', kind: 'email', required: true },
  ],
});

const execute = (fakeBf: FakeBotFramework, verb: string, data: Record<string, unknown>, patch: Record<string, unknown> = {}) =>
  activity('invoke_adaptive_card_action', fakeBf, {
    conversation: { conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: 'a:1xYzPersonalConversationId' },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...patch,
  });

type InvokeBody = { statusCode: number; type: string; value: { body: Record<string, unknown>[]; actions?: Record<string, unknown>[] } };

describe('Teams turns', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(fake, { env: { TEAMS_REVIEWERS: '66666666-7777-8888-9999-000000000000' } });
    fake.reset();
  });
  afterEach(() => r.close());

  it('a question in personal chat is acknowledged, then answered as a reply through the connector', async () => {
    const res = await r.post(activity('message_personal', fake));
    expect(res.status).toBe(200);
    await r.settle();
    expect(r.engine.events[0]).toMatchObject({
      kind: 'message',
      text: 'what is the application deadline?',
      actor: { platform: 'teams', userId: '11111111-2222-3333-4444-555555555555', timeZone: 'Europe/Berlin' },
      conversation: { id: 'a:1xYzPersonalConversationId', isDirect: true },
    });
    expect(fake.sent()).toHaveLength(1);
    expect(fake.sent()[0]).toMatchObject({
      conversationId: 'a:1xYzPersonalConversationId',
      activityId: '1700000000001',
      authorization: 'Bearer fake-access-token-1',
    });
    expect(fake.sent()[0]!.body).toMatchObject({ type: 'message', text: 'The deadline is 12 February 2023.', replyToId: '1700000000001' });
    const row = await r.sqlite.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      platform: 'teams',
      id: 'a:1xYzPersonalConversationId',
      kind: 'personal',
      user_id: '11111111-2222-3333-4444-555555555555',
      service_url: fake.serviceUrl,
    });
  });

  it('a channel @mention reaches the engine without the mention and is answered in the thread', async () => {
    await r.post(activity('message_channel_mention', fake));
    await r.settle();
    expect(r.engine.events[0]).toMatchObject({
      kind: 'message',
      text: 'what is the application deadline?',
      conversation: { isDirect: false },
    });
    expect(fake.sent()[0]).toMatchObject({
      conversationId: '19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.tacv2;messageid=1700000000222',
      activityId: '1700000000222',
    });
  });

  it('the same activity delivered twice is handled once', async () => {
    await r.post(activity('message_personal', fake));
    await r.post(activity('message_personal', fake));
    await r.settle();
    expect(r.engine.events).toHaveLength(1);
  });

  it('"apply" opens the form as a card with Action.Execute', async () => {
    r.engine.form = () => ({ replies: [{ kind: 'form', form: step('contact', 1) }] });
    await r.post(activity('message_personal', fake, { text: 'apply', id: 'apply-1' }));
    await r.settle();
    expect(r.engine.opened).toHaveLength(1);
    const content = (fake.sent()[0]!.body.attachments as { content: { actions: { type: string; verb: string }[] } }[])[0]!.content;
    expect(content.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'form.submit' });
  });

  it('an Action.Execute form step is answered in the HTTP response with the next step', async () => {
    r.engine.answer = () => ({ replies: [{ kind: 'form', form: step('organisation', 2) }] });
    const res = await r.post(
      execute(fake, 'form.submit', { formId: 'application', draftId: 'draft-1', stepId: 'contact', name: 'Megan', email: 'm@example.org' }),
    );
    const body = (await res.json()) as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(body.value.body[0]).toMatchObject({ text: 'Apply (2/3)' });
    expect(r.engine.events[0]).toMatchObject({
      kind: 'submission',
      formId: 'application',
      contextId: 'draft-1',
      stepId: 'contact',
      values: { name: 'Megan', email: 'm@example.org' },
    });
    expect(fake.sent()).toHaveLength(0);
    expect(r.kicks).toBe(1);
  });

  it('field errors come back on the same step with the values kept', async () => {
    r.engine.answer = () => ({ replies: [], fieldErrors: { email: 'Enter an email address like name@example.org' } });
    r.engine.form = () => ({ replies: [{ kind: 'form', form: step('contact', 1) }] });
    const res = await r.post(
      execute(fake, 'form.submit', { formId: 'application', draftId: 'draft-1', stepId: 'contact', name: 'Megan', email: 'nope' }),
    );
    const { value } = (await res.json()) as InvokeBody;
    expect(value.body.find((e) => e.id === 'name')).toMatchObject({ value: 'Megan' });
    expect(value.body.find((e) => e.id === 'email')).toMatchObject({ value: 'nope' });
    expect(value.body).toContainEqual(
      expect.objectContaining({ text: 'Enter an email address like name@example.org', color: 'Attention' }),
    );
  });

  it('a prompt answer refused by the server asks again with the message', async () => {
    r.engine.answer = () => ({ replies: [], fieldErrors: { text: 'Please write at least 5 characters.' } });
    const prompt = { title: 'Reason for rejecting', label: 'Why?', submitLabel: 'Reject', maxLength: 1000 };
    const res = await r.post(execute(fake, 'prompt.submit', { formId: 'review.reason', contextId: 'reject|a|b', prompt, text: 'no' }));
    const { value } = (await res.json()) as InvokeBody;
    expect(value.body[0]).toMatchObject({ text: 'Reason for rejecting' });
    expect(value.body.find((e) => e.id === 'text')).toMatchObject({ value: 'no' });
    expect(value.body).toContainEqual(expect.objectContaining({ text: 'Please write at least 5 characters.' }));
  });

  it('closeForm with text answers with a card carrying the text', async () => {
    r.engine.answer = () => ({ replies: [{ kind: 'text', text: 'Submitted: CD-2023-0001' }], closeForm: true });
    const res = await r.post(execute(fake, 'form.submit', { formId: 'application', draftId: 'draft-1', stepId: 'confirm' }));
    const { value } = (await res.json()) as InvokeBody;
    expect(value.body[0]).toMatchObject({ text: 'Submitted: CD-2023-0001' });
  });

  it('the Action.Submit fallback reaches the engine the same way and is answered by message', async () => {
    r.engine.answer = () => ({ replies: [{ kind: 'form', form: step('organisation', 2) }] });
    await r.post(
      activity('message_action_submit', fake, {
        value: { verb: 'form.submit', formId: 'application', draftId: 'draft-1', stepId: 'contact', name: 'Megan' },
      }),
    );
    await r.settle();
    expect(r.engine.events[0]).toMatchObject({ kind: 'submission', stepId: 'contact', values: { name: 'Megan' } });
    expect(fake.sent()[0]!.body.attachments).toBeDefined();
  });

  it('with an https PUBLIC_URL, task/fetch opens the web form with a signed link bound to the person', async () => {
    r.engine.form = () => ({ replies: [{ kind: 'form', form: step('contact', 1) }] });
    const res = await r.post(
      activity('invoke_task_fetch', fake, {
        from: { id: '29:1abcUserMri', name: 'Megan Bowen', aadObjectId: '11111111-2222-3333-4444-555555555555' },
      }),
    );
    const body = (await res.json()) as { task: { type: string; value: Record<string, string> } };
    expect(body.task).toMatchObject({ type: 'continue', value: { height: 'large', width: 'medium' } });
    const url = new URL(body.task.value.url!);
    expect(url.origin + url.pathname).toBe('https://desk.example.test/teams/dialog/apply');
    expect(body.task.value.fallbackUrl).toBe(body.task.value.url);
    const claims = JSON.parse(Buffer.from(url.searchParams.get('t')!.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
    expect(claims).toMatchObject({
      sub: '11111111-2222-3333-4444-555555555555',
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      name: 'Megan Bowen',
      conv: { id: 'a:1xYzPersonalConversationId', su: fake.serviceUrl, p: true },
    });
    expect(claims.exp - claims.iat).toBe(1800);
    // Nothing to fill in (already applied): a message, not an empty window.
    r.engine.form = () => ({ replies: [{ kind: 'text', text: 'You have already applied for this call.' }] });
    const again = (await (await r.post(activity('invoke_task_fetch', fake))).json()) as unknown;
    expect(again).toEqual({ task: { type: 'message', value: 'You have already applied for this call.' } });
  });

  it('without an https PUBLIC_URL, task/fetch opens the form as a card dialog; task/submit continues and ends with a message', async () => {
    await r.close();
    r = await rig(fake, { env: { PUBLIC_URL: '' } });
    r.engine.form = () => ({ replies: [{ kind: 'form', form: step('contact', 1) }] });
    const fetched = (await (await r.post(activity('invoke_task_fetch', fake))).json()) as {
      task: { type: string; value: { card: { content: { actions: { type: string }[] } } } };
    };
    expect(fetched.task.type).toBe('continue');
    expect(fetched.task.value.card.content.actions[0]!.type).toBe('Action.Submit');

    r.engine.answer = () => ({ replies: [{ kind: 'form', form: step('organisation', 2) }] });
    const next = (await (
      await r.post(
        activity('invoke_task_submit', fake, {
          value: { data: { verb: 'form.submit', formId: 'application', draftId: 'draft-1', stepId: 'contact', name: 'M' } },
        }),
      )
    ).json()) as { task: { type: string; value: { title: string } } };
    expect(next.task).toMatchObject({ type: 'continue', value: { title: 'Apply (2/3)' } });

    r.engine.answer = () => ({ replies: [{ kind: 'text', text: 'Submitted: CD-2023-0001' }], closeForm: true });
    const done = (await (
      await r.post(
        activity('invoke_task_submit', fake, {
          value: { data: { verb: 'form.submit', formId: 'application', draftId: 'draft-1', stepId: 'confirm' } },
        }),
      )
    ).json()) as unknown;
    expect(done).toEqual({ task: { type: 'message', value: 'Submitted: CD-2023-0001' } });
  });

  it('installation stores the reference and greets in personal chat', async () => {
    await r.post(activity('conversation_update_bot_added_team', fake));
    await r.post(activity('conversation_update_bot_added_personal', fake));
    await r.settle();
    const rows = await r.sqlite.db.selectFrom('conversations').select(['id', 'kind', 'scope']).orderBy('kind').execute();
    expect(rows).toEqual([
      { id: '19:efa9296d959346209fea44151c742e73@thread.tacv2', kind: 'channel', scope: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      { id: 'a:1xYzPersonalConversationId', kind: 'personal', scope: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
    ]);
    expect(fake.sent()).toHaveLength(1);
    expect(fake.sent()[0]!.body).toMatchObject({ text: 'Welcome' });
  });

  it('a malformed invoke gets an error invoke response; a malformed body a 400', async () => {
    const res = await r.post(activity('invoke_adaptive_card_action', fake, { value: { nope: true } }));
    expect(await res.json()).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    const bad = await r.post({ type: 'message' });
    expect(bad.status).toBe(400);
    expect(r.engine.events).toHaveLength(0);
  });

  it('reviewers are the AAD ids in TEAMS_REVIEWERS, or members of the team the card went to', async () => {
    expect(await r.adapter.isReviewer({ platform: 'teams', userId: '66666666-7777-8888-9999-000000000000' }, [])).toBe(true);
    expect(await r.adapter.isReviewer({ platform: 'teams', userId: '11111111-2222-3333-4444-555555555555' }, [])).toBe(false);
    expect(await r.adapter.isReviewer({ platform: 'slack', userId: '66666666-7777-8888-9999-000000000000' }, [])).toBe(false);
    const none = await rig(fake);
    expect(await none.adapter.isReviewer({ platform: 'teams', userId: '66666666-7777-8888-9999-000000000000' }, [])).toBe(false);
    const channel = [{ platform: 'teams' as const, kind: 'channel' as const, address: '19:reviewers@thread.tacv2' }];
    fake.setRoster('19:reviewers@thread.tacv2', ['11111111-2222-3333-4444-555555555555']);
    expect(await none.adapter.isReviewer({ platform: 'teams', userId: '11111111-2222-3333-4444-555555555555' }, channel)).toBe(true);
    expect(await none.adapter.isReviewer({ platform: 'teams', userId: '99999999-2222-3333-4444-555555555555' }, channel)).toBe(false);
    // Cached briefly: the second and third questions did not fetch the roster again.
    expect(fake.rosterFetches).toBe(1);
    await none.close();
  });
});

describe('tab pages', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(fake);
  });
  afterEach(() => r.close());

  it('serves the application tab with TeamsJS from this server, framable by Teams only', async () => {
    const res = await r.routes.request('/teams/tab/application');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/teams/static/teams-js.js"></script>');
    expect(html).toContain('microsoftTeams.app.initialize()');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    const js = await r.routes.request('/teams/static/teams-js.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(10_000);
  });

  it('the channel tab configuration points at the admin panel', async () => {
    const html = await (await r.routes.request('/teams/tab/config')).text();
    expect(html).toContain('"https://desk.example.test/admin"');
    expect(html).toContain('pages.config.setConfig');
  });
});
