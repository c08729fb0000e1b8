/**
 * The application form as a web page in a Teams dialog, through the real app on SQLite with the
 * fake Bot Framework: task/fetch gives a signed link, the page shows the step to fill, the API
 * takes each step through the engine, and the end is a reference in the database, the
 * confirmation in the personal chat and a task/submit answered with a message.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormView } from '../../domain/messages';
import type { DialogAnswer } from '../../bot/teams/dialog';
import { createDialogTokens } from '../../bot/teams/dialog-token';
import { FAKE_APP_PASSWORD, FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { activity } from './support';

const PUBLIC_URL = 'https://desk.example.org';
const APPLICANT = '11111111-2222-3333-4444-555555555555';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PERSONAL = 'a:1xYzPersonalConversationId';
const EXPIRED = 'This link has expired. Close this window and choose Apply again.';

let fake: FakeBotFramework;
let t: TestApp;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());
afterEach(async () => {
  await t?.close();
  fake.reset();
});

async function post(body: unknown) {
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
    body: JSON.stringify(body),
  });
  await t.settle();
  return res;
}

type TaskBody = { task: { type: string; value: Record<string, unknown> | string } };

async function taskFetch(): Promise<TaskBody> {
  const res = await post(
    activity('invoke_task_fetch', fake, {
      from: { id: '29:1abcUserMri', name: 'Megan Bowen', aadObjectId: APPLICANT },
      localTimezone: 'Africa/Nairobi',
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as TaskBody;
}

async function openLink(): Promise<{ path: string; token: string }> {
  const body = await taskFetch();
  const value = body.task.value as { url: string };
  const url = new URL(value.url);
  return { path: url.pathname + url.search, token: url.searchParams.get('t')! };
}

function stateOf(html: string): { token: string; answer: DialogAnswer } {
  const m = /<script type="application\/json" id="state">([^<]*)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as { token: string; answer: DialogAnswer };
}

async function submit(token: string, form: FormView, values: Record<string, unknown>, how: 'header' | 'body' = 'header') {
  const res = await t.app.request('/teams/dialog/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(how === 'header' ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ ...(how === 'body' ? { token } : {}), formId: form.formId, draftId: form.draftId, stepId: form.stepId, values }),
  });
  await t.settle();
  return res;
}

const application = () => t.deps.db.selectFrom('applications').selectAll().executeTakeFirst();

describe('Teams dialog hosting the web form', () => {
  it('task/fetch answers with the web form link when PUBLIC_URL is https', async () => {
    t = await createTestApp({ env: fake.env({ PUBLIC_URL }) });
    const body = await taskFetch();
    expect(body.task.type).toBe('continue');
    const value = body.task.value as Record<string, string>;
    expect(value).toMatchObject({ title: expect.any(String), height: 'large', width: 'medium' });
    expect(value.url).toMatch(/^https:\/\/desk\.example\.org\/teams\/dialog\/apply\?t=[\w.-]+$/);
    expect(value.fallbackUrl).toBe(value.url);
    expect(value).not.toHaveProperty('card');
  });

  it('keeps the Adaptive Card dialog when PUBLIC_URL is not https', async () => {
    t = await createTestApp({ env: fake.env({ PUBLIC_URL: 'http://desk.example.org' }) });
    const value = (await taskFetch()).task.value as Record<string, unknown>;
    expect(value.card).toBeDefined();
    expect(value.url).toBeUndefined();
    // Without a link the page refuses everything.
    expect((await t.app.request('/teams/dialog/apply?t=x')).status).toBe(401);
  });

  it('the page shows the first step under a strict CSP that lets Teams frame it', async () => {
    t = await createTestApp({ env: fake.env({ PUBLIC_URL }) });
    const { path, token } = await openLink();
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<script src="/teams/static/teams-js.js"></script>');
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script
    expect(html).not.toMatch(/https?:\/\/(?!desk)/); // no CDN
    const state = stateOf(html);
    expect(state.token).toBe(token);
    expect(state.answer.form).toMatchObject({ formId: 'application', stepId: 'dialogues', stepNumber: 1 });
    expect(state.answer.form!.fields.map((f) => f.id)).toContain('dialogueIds');
    // The script and the styles come from this server.
    const js = await t.app.request('/teams/dialog/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toContain('dialog.url.submit');
    expect((await t.app.request('/teams/dialog/app.css')).status).toBe(200);
  });

  it('takes a whole application, with field errors on the way, ends with a reference, the chat confirmation and a task/submit message', async () => {
    t = await createTestApp({ env: fake.env({ PUBLIC_URL }) });
    await post(activity('conversation_update_bot_added_personal', fake));
    fake.reset();
    const { path, token } = await openLink();
    let answer = stateOf(await (await t.app.request(path)).text()).answer;

    // Bad input comes back as the same step, with the message by the field and the values kept.
    const dialogues = answer.form!;
    const bad = (await (await submit(token, dialogues, { dialogueIds: [], participation: 'in_person' })).json()) as DialogAnswer;
    expect(bad.form!.stepId).toBe('dialogues');
    expect(bad.form!.fields.find((f) => f.id === 'dialogueIds')!.error).toMatch(/\w/);
    expect(bad.form!.fields.find((f) => f.id === 'participation')!.value).toBe('in_person');
    expect(bad.done).toBeNull();

    answer = (await (await submit(token, dialogues, FIXTURE_STEPS.dialogues!)).json()) as DialogAnswer;
    const org = answer.form!;
    expect(org.stepId).toBe('organisation');
    const orgBad = (await (
      await submit(token, org, { ...FIXTURE_STEPS.organisation, website: 'not a website' }, 'body')
    ).json()) as DialogAnswer;
    const website = orgBad.form!.fields.find((f) => f.id === 'website')!;
    expect(website).toMatchObject({ value: 'not a website', error: expect.stringMatching(/website/i) });
    expect(orgBad.form!.fields.find((f) => f.id === 'organisationName')!.value).toBe('Women Against Small Arms Network');

    // Closing the window keeps the draft: the same link reopens at the step reached.
    answer = (await (await submit(token, org, FIXTURE_STEPS.organisation!)).json()) as DialogAnswer;
    expect(answer.form!.stepId).toBe('relevance');
    const reopened = stateOf(await (await t.app.request(path)).text()).answer;
    expect(reopened.form!.stepId).toBe('relevance');
    expect(await application()).toMatchObject({ status: 'draft', current_step: 'relevance', reference: null });

    for (let i = 0; i < 10 && answer.form && answer.form.stepId !== 'confirm'; i++) {
      const res = await submit(token, answer.form, FIXTURE_STEPS[answer.form.stepId] ?? {});
      expect(res.status).toBe(200);
      answer = (await res.json()) as DialogAnswer;
      expect(answer.form?.fields.filter((f) => f.error) ?? []).toEqual([]);
    }
    expect(answer.form!.stepId).toBe('confirm');
    expect(answer.form!.summary!.length).toBeGreaterThan(3);
    const sentBefore = fake.sent().length;
    const done = (await (await submit(token, answer.form!, {})).json()) as DialogAnswer;
    expect(done.done).toEqual({ reference: 'CD-2023-0001' });
    expect(done.form).toBeNull();
    expect(JSON.stringify(done.notes)).toContain('CD-2023-0001');
    expect(await application()).toMatchObject({ status: 'submitted', reference: 'CD-2023-0001', platform: 'teams' });

    // The engine's confirmation goes to the personal chat, with its buttons.
    const chat = fake
      .sent()
      .slice(sentBefore)
      .filter((c) => c.conversationId === PERSONAL);
    expect(chat).toHaveLength(1);
    expect(JSON.stringify(chat[0]!.body)).toMatch(/Application received: CD-2023-0001/);

    // dialog.url.submit({reference}) reaches the bot as task/submit.
    const submitted = await post(
      activity('invoke_task_submit', fake, { value: { data: { reference: 'CD-2023-0001' }, context: { theme: 'default' } } }),
    );
    expect(await submitted.json()).toEqual({ task: { type: 'message', value: 'Application CD-2023-0001 received.' } });
    // A reference that is not theirs is not confirmed.
    const other = await post(
      activity('invoke_task_submit', fake, {
        from: { id: '29:other', aadObjectId: '99999999-0000-0000-0000-000000000000' },
        value: { data: { reference: 'CD-2023-0001' } },
      }),
    );
    expect(((await other.json()) as TaskBody).task).toMatchObject({ type: 'message', value: expect.not.stringContaining('CD-2023-0001') });

    // A second task/fetch now says they applied already instead of opening an empty form.
    const again = await taskFetch();
    expect(again.task.type).toBe('message');
    expect(String(again.task.value)).toMatch(/already applied/);
  });

  it('a forged, expired or missing token changes nothing', async () => {
    t = await createTestApp({ env: fake.env({ PUBLIC_URL }) });
    const { path, token } = await openLink();
    const form = stateOf(await (await t.app.request(path)).text()).answer.form!;
    const before = await application();
    const outbox = await t.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();

    const grant = {
      actor: { platform: 'teams' as const, userId: APPLICANT, scope: TENANT },
      conversation: { id: PERSONAL, serviceUrl: fake.serviceUrl, personal: true },
    };
    const forged = await createDialogTokens('guessed-password').sign(grant);
    const expired = await createDialogTokens(FAKE_APP_PASSWORD, { now: () => Date.now() - 31 * 60_000 }).sign(grant);
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: '99999999-0000-0000-0000-000000000000' })).toString('base64url')}.${s}`;

    for (const bad of [forged, expired, tampered, '']) {
      const page = await t.app.request(`/teams/dialog/apply?t=${encodeURIComponent(bad)}`);
      expect(page.status).toBe(401);
      expect(await page.text()).toContain(EXPIRED);
      const api = await submit(bad, form, FIXTURE_STEPS.dialogues!);
      expect(api.status).toBe(401);
      expect(await api.json()).toEqual({ error: 'expired', message: EXPIRED });
    }
    // Not even a valid token in the body helps a request whose header carries a forged one.
    const mixed = await t.app.request('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ token, formId: form.formId, draftId: form.draftId, stepId: form.stepId, values: FIXTURE_STEPS.dialogues }),
    });
    expect(mixed.status).toBe(401);
    expect(await application()).toEqual(before);
    expect(
      await t.deps.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual(outbox);
    expect(
      await t.deps.db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 1 });

    // A good token with a malformed body is a 400 and also changes nothing.
    const malformed = await t.app.request('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ formId: 'review.reason', draftId: form.draftId, values: { text: 'x' } }),
    });
    expect(malformed.status).toBe(400);
    // Lone surrogates and oversized bodies are refused at the door.
    const surrogate = await t.app.request('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"formId":"application","draftId":"${form.draftId}","stepId":"dialogues","values":{"participation":"\\ud800"}}`,
    });
    expect(surrogate.status).toBe(400);
    const huge = await t.app.request('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        formId: 'application',
        draftId: form.draftId,
        stepId: 'dialogues',
        values: { participation: 'x'.repeat(100_000) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(await application()).toEqual(before);
  });

  it("another person's valid link cannot write to this person's draft", async () => {
    t = await createTestApp({ env: fake.env({ PUBLIC_URL }) });
    const { path } = await openLink();
    const form = stateOf(await (await t.app.request(path)).text()).answer.form!;
    const before = await application();
    const intruder = await createDialogTokens(FAKE_APP_PASSWORD).sign({
      actor: { platform: 'teams', userId: '99999999-0000-0000-0000-000000000000', scope: TENANT },
      conversation: { id: 'a:intruder', serviceUrl: fake.serviceUrl, personal: true },
    });
    const res = await submit(intruder, form, FIXTURE_STEPS.dialogues!);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as DialogAnswer;
    expect(answer.form).toBeNull();
    expect(answer.done).toBeNull();
    expect(JSON.stringify(answer.notes)).toMatch(/expired/i);
    expect(await t.deps.db.selectFrom('applications').selectAll().where('id', '=', before!.id).executeTakeFirst()).toEqual(before);
  });
});
