/**
 * French and Spanish applicants through Slack (signed requests, fake Web API): the language comes
 * from Slack's users.info locale, or from the App Home setting, and every modal, DM and notice
 * is in it; reviewers keep their own language.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { computeSignature } from '../../bot/slack/verify';
import { t as tr } from '../../domain/i18n';
import { fixture } from '../slack/support';
import { leaks, stringsIn } from './english-leaks';

const SECRET = 'i18n-signing-secret-0123456789abcdef';
const APPLICANT = 'U0APPLIC1';
const REVIEWER = 'U0REVIEWR';
const TEAM = 'T123ABC456';
const DM = `D${APPLICANT.slice(1)}`;

let api: FakeSlackApi;
let t: TestApp;
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

const env = (extra: Record<string, string> = {}) => ({
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-i18n',
  SLACK_API_URL: api.url,
  SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
  ...extra,
});

async function post(body: string, type: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: { 'content-type': type, 'x-slack-request-timestamp': ts, 'x-slack-signature': await computeSignature(SECRET, ts, body) },
    body,
  });
  await t.settle();
  return res;
}
const FORM = 'application/x-www-form-urlencoded';
const command = (text: string, trigger: string) =>
  new URLSearchParams({
    ...fixture<Record<string, string>>('slash_command.fields.json'),
    team_id: TEAM,
    user_id: APPLICANT,
    command: '/dialogues',
    text,
    trigger_id: trigger,
  }).toString();
const interaction = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const toApplicant = (calls: RecordedCall[]) =>
  calls.filter((c) => c.body.channel === DM || c.body.user === APPLICANT || c.body.user_id === APPLICANT);

function stateFor(view: any, values: Record<string, unknown>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks.filter((b: any) => b.type === 'input')) {
    const el = block.element;
    const v = values[block.block_id] as string | string[] | undefined;
    const opt = (value: string) => ({ value });
    let s: Record<string, unknown>;
    if (el.type === 'plain_text_input') s = { type: el.type, value: v ?? null };
    else if (el.type === 'static_select') s = { type: el.type, selected_option: v ? opt(String(v)) : null };
    else s = { type: el.type, selected_options: (Array.isArray(v) ? v : v ? [v] : []).map(opt) };
    state[block.block_id] = { [el.action_id]: s };
  }
  return state;
}

function submission(view: any, n: number, values?: Record<string, unknown>) {
  const stepId = String(view.callback_id).split('|')[2]!;
  const base = fixture<any>('interactivity_view_submission.json');
  return {
    ...base,
    team: { id: TEAM, domain: 'example' },
    user: { ...base.user, id: APPLICANT, team_id: TEAM },
    view: {
      ...base.view,
      ...view,
      id: 'VAPPLY',
      hash: `hash-${n}`,
      state: { values: stateFor(view, values ?? FIXTURE_STEPS[stepId] ?? {}) },
    },
  };
}

const click = (user: string, action: { action_id: string; value?: string }, container: Record<string, unknown>) => ({
  ...fixture<any>('interactivity_block_actions.json'),
  user: { id: user, team_id: TEAM },
  team: { id: TEAM },
  trigger_id: `trig-${Math.random()}`,
  container,
  actions: [{ ...action, type: 'button' }],
});

/** Applies through /dialogues apply and the modals; returns every view shown. */
async function applyInModals(): Promise<any[]> {
  await post(command('apply', 'trig-apply'), FORM);
  let view: any = api.calls('views.open')[0]!.body.view;
  const views = [view];
  // The first submission is empty: the errors come back in the applicant's language.
  const empty = await (await post(interaction(submission(view, 0, {})), FORM)).json();
  expect(empty.response_action).toBe('errors');
  views.push(empty);
  for (let n = 1; n <= 12; n++) {
    const last = await (await post(interaction(submission(view, n)), FORM)).json();
    if (last.response_action !== 'update') break;
    view = last.view;
    views.push(view);
  }
  return views;
}

describe('Slack in French and Spanish', () => {
  for (const [locale, slackLocale] of [
    ['fr', 'fr-FR'],
    ['es', 'es-LA'],
  ] as const) {
    it(`${slackLocale}: the Slack locale sets the language of the modals, the DMs and the decision notice`, async () => {
      t = await createTestApp({ env: env(), now: '2023-01-20T09:00:00Z' });
      // A call the secretariat decides alone: the decision is final and the applicant is told at once.
      await t.deps.db.updateTable('calls').set({ approval_body: 'secretariat' }).execute();
      api.setMembers('C0REVIEWS', [REVIEWER]);
      api.setUser(APPLICANT, { tz: 'America/Lima', name: 'Ana', locale: slackLocale });
      // Opening App Home is where Slack first tells the bot who the person is (users.info).
      const opened = { ...fixture<any>('event_app_home_opened.json'), team_id: TEAM };
      opened.event = { ...opened.event, user: APPLICANT };
      await post(JSON.stringify(opened), 'application/json');

      const views = await applyInModals();
      const first = views[0];
      expect(JSON.stringify(first)).toContain(tr(locale, 'form.dialogues.title'));
      expect(first.close.text).toBe(tr(locale, 'chrome.close'));
      expect(views[1].errors.dialogueIds).toBe(tr(locale, 'form.dialogues.error.none'));
      // Slack refuses views whose title, submit or close is longer than 24 characters.
      for (const v of views.filter((x) => x.type === 'modal')) {
        for (const part of [v.title, v.submit, v.close]) expect(part.text.length).toBeLessThanOrEqual(24);
      }
      expect(JSON.stringify(views.at(-1))).toContain(tr(locale, 'form.confirm.title'));

      await t.drainOutbox();
      const card = api.calls('chat.postMessage').find((c) => c.body.channel === 'C0REVIEWS')!;
      expect(JSON.stringify(card.body)).toContain('New application');
      const buttons = (card.body.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
      const approve = buttons.find((b: any) => b.action_id.startsWith('review.approve') && String(b.value).endsWith('firearms'));
      await post(interaction(click(REVIEWER, approve, { type: 'message', channel_id: 'C0REVIEWS', message_ts: card.body.ts })), FORM);
      await t.drainOutbox();
      await post(command('status', 'trig-status'), FORM);

      const dms = toApplicant(api.calls('chat.postMessage')).concat(toApplicant(api.calls('chat.postEphemeral')));
      const read = stringsIn([views, dms.map((c) => c.body)]).join('\n');
      expect(read).toContain(
        tr(locale, 'notices.approved', {
          reference: 'CD-2023-0001',
          dialogue: 'Constructive Dialogue on Firearms',
          contact: 'unodc-cd@un.org',
        }).slice(0, 14),
      );
      expect(read).toMatch(locale === 'fr' ? /février 2023/ : /febrero de 2023/);
      expect(leaks(read, locale)).toEqual([]);
    });
  }

  it('when users.info is too slow for the modal, the form opens in English and goes on in the Slack locale', async () => {
    // The form waits 50 ms for users.info here (800 ms in production); it answers after 300 ms.
    t = await createTestApp({ env: env(), now: '2023-01-20T09:00:00Z', waits: { slack: { profileWaitMs: 50 } } });
    api.setUser(APPLICANT, { tz: 'Europe/Madrid', name: 'Lucía', locale: 'es-ES' });
    api.failNext('users.info', { delayMs: 300 });
    const views = await applyInModals();
    expect(views[0].title.text).toMatch(/^Step 1 of/);
    expect(views[1].errors.dialogueIds).toBe(tr('es', 'form.dialogues.error.none'));
    expect(views[2].title.text).toMatch(/^Paso 2 de/);
  });

  it('App Home offers the language setting; a choice there beats the Slack locale and outlives a restart', async () => {
    t = await createTestApp({ env: env(), now: '2023-01-20T09:00:00Z' });
    api.setUser(APPLICANT, { tz: 'Europe/Paris', name: 'Jean', locale: 'fr-FR' });
    const opened = { ...fixture<any>('event_app_home_opened.json'), team_id: TEAM };
    opened.event = { ...opened.event, user: APPLICANT };
    await post(JSON.stringify(opened), 'application/json');
    const home = api.calls('views.publish').at(-1)!.body.view as { blocks: any[] };
    expect(JSON.stringify(home)).toContain(tr('fr', 'language.current'));
    const spanish = home.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements)
      .find((e: any) => e.action_id.startsWith('language') && e.value === 'es');
    expect(spanish.text.text).toBe('Español');

    await post(interaction(click(APPLICANT, spanish, { type: 'view', view_id: 'VHOME' })), FORM);
    t = await t.restart();
    await post(command('status', 'trig-status-es'), FORM);
    const status = api.calls('chat.postEphemeral').at(-1)!;
    expect(JSON.stringify(status.body)).toContain(tr('es', 'apply.status.noneTitle'));
  });
});
