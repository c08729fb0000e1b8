/**
 * The two bugs: a rejection without a reason was a 500 in the admin panel (the engine's plain
 * Error), and a Slack modal submission that failed in the engine was remembered as handled, so
 * pressing Submit again got an empty 200 and the modal closed with nothing saved or said.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from '../../bot/slack/verify';
import { statusOf } from '../../domain/errors';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { ADMIN, createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { FIXTURE_STEPS } from '../support/playground-client';
import { fixture } from '../slack/support';
import { submitAs } from './support';

let api: FakeSlackApi;
let t: AdminTestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
afterEach(async () => {
  await t?.close();
  api.reset();
});

const SECRET = 'errors-secret-0123456789abcdef';
const TEAM = 'T123ABC456';
const USER = 'U0AMINA';
const FORM = 'application/x-www-form-urlencoded';

async function slackPost(body: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: { 'content-type': FORM, 'x-slack-request-timestamp': ts, 'x-slack-signature': await computeSignature(SECRET, ts, body) },
    body,
  });
  await t.settle();
  return res;
}

/** What Slack sends when the modal `view` is submitted filled with the fixture answers for its step. */
function submission(view: any, hash: string) {
  const stepId = String(view.callback_id).split('|')[2]!;
  const values = FIXTURE_STEPS[stepId] ?? {};
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks.filter((b: any) => b.type === 'input')) {
    const el = block.element;
    const v = values[block.block_id] as string | string[] | undefined;
    const opt = (value: string) => ({ value });
    state[block.block_id] = {
      [el.action_id]:
        el.type === 'plain_text_input'
          ? { type: el.type, value: v ?? null }
          : el.type === 'static_select'
            ? { type: el.type, selected_option: v ? opt(String(v)) : null }
            : { type: el.type, selected_options: (Array.isArray(v) ? v : v ? [v] : []).map(opt) },
    };
  }
  const base = fixture<any>('interactivity_view_submission.json');
  return new URLSearchParams({
    payload: JSON.stringify({
      ...base,
      team: { id: TEAM, domain: 'example' },
      user: { ...base.user, id: USER, team_id: TEAM },
      view: { ...base.view, ...view, id: 'VAPPLY', hash, state: { values: state } },
    }),
  }).toString();
}

describe('one error model', () => {
  it('a rejection without a reason is a clear form error in the admin panel, never a 5xx', async () => {
    t = await createAdminTestApp();
    const { id } = await submitAs(t, { platform: 'playground', userId: 'amina', displayName: 'Amina' });
    const admin = new Visitor(t.app);
    await admin.signIn(ADMIN.email, ADMIN.password);
    await admin.get(`/admin/applications/${id}`);
    const res = await admin.post(`/admin/applications/${id}/decide`, { dialogue_id: 'firearms', outcome: 'reject', reason: '' });
    expect(res.status).toBe(400);
    expect(admin.lastHtml).toMatch(/Write a reason for the rejection/);
    expect(admin.lastHtml).not.toMatch(/Something went wrong/);
    // A reason the domain refuses (too short) is the same kind of answer.
    await admin.get(`/admin/applications/${id}`);
    expect(
      (await admin.post(`/admin/applications/${id}/decide`, { dialogue_id: 'firearms', outcome: 'reject', reason: 'no' })).status,
    ).toBe(400);
    const decisions = await t.deps.db.selectFrom('decisions').selectAll().execute();
    expect(decisions).toEqual([]);
  });

  it('a rule violation is a typed error whose kind the edges map to a 4xx', async () => {
    t = await createAdminTestApp();
    const { id } = await submitAs(t, { platform: 'playground', userId: 'amina', displayName: 'Amina' });
    await expect(
      t.deps.engine.decide({
        applicationId: id,
        dialogueId: 'firearms',
        outcome: 'reject',
        reason: null,
        deciderName: 'R',
        deciderRef: 'admin:r',
      }),
    ).rejects.toMatchObject({ name: 'AppError', kind: 'invalid', code: 'reason_invalid' });
    expect((['invalid', 'not_found', 'conflict', 'forbidden', 'busy'] as const).map(statusOf)).toEqual([400, 404, 409, 403, 503]);
  });
});

describe('a Slack modal after an engine failure', () => {
  it('shows the error in the modal, and the same submission pressed again is handled', async () => {
    t = await createAdminTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-errors', SLACK_API_URL: api.url } });
    const cmd = new URLSearchParams({
      ...fixture<Record<string, string>>('slash_command.fields.json'),
      team_id: TEAM,
      user_id: USER,
      command: '/dialogues',
      text: 'apply',
      trigger_id: 'trig-apply',
    }).toString();
    await slackPost(cmd);
    const view = api.calls('views.open')[0]!.body.view as any;

    // The store fails once, as a full disk or a broken connection would.
    const store = t.deps.store;
    const real = store.saveStep;
    let faults = 0;
    store.saveStep = async (input) => {
      if (faults++ === 0) throw new Error('SQLITE_IOERR: disk I/O error');
      return real(input);
    };

    const body = submission(view, 'hash-1');
    const failed = await slackPost(body);
    expect(failed.status).toBe(200);
    const shown = (await failed.json()) as { response_action: string; errors?: Record<string, string> };
    expect(shown.response_action).toBe('errors');
    expect(Object.values(shown.errors ?? {}).join(' ')).toMatch(/could not be saved|try again/i);

    // Submit pressed again with the same answers: the same view hash and values.
    const retried = await slackPost(body);
    const next = (await retried.json()) as { response_action: string; view?: { callback_id: string } };
    expect(next.response_action).toBe('update');
    expect(next.view?.callback_id).not.toBe(view.callback_id);
    expect(faults).toBe(2);
    const saved = await t.deps.db.selectFrom('applications').select(['current_step']).executeTakeFirstOrThrow();
    expect(saved.current_step).not.toBeNull();

    // A real duplicate delivery of the now handled submission is still dropped.
    const again = await slackPost(body);
    expect(await again.text()).toBe('');
  });
});
