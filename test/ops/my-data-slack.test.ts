/**
 * "My data" through Slack: signed requests into the real app, a fake Slack Web API that records
 * the three steps of files.uploadV2, and the database checked after each request.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeSignature } from '../../bot/slack/verify';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { fixture } from '../slack/support';
import { createTestApp, type TestApp } from '../support/harness';
import { applyAndDecide } from './burst';

const SECRET = 'my-data-signing-secret-0123456789';
const TEAM = 'T0TEAM';
const APPLICANT = 'U00000007';
const OTHER = 'U0SOMEONE';

let api: FakeSlackApi;
let t: TestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  t = await createTestApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-my-data', SLACK_API_URL: api.url, SLACK_REVIEW_CHANNEL: 'C0REVIEWS' },
  });
  // Ana applied (and was approved for Firearms); her confirmation and decision went out.
  await applyAndDecide(t.deps.store, 7, () => t.clock.now().toISOString(), { userId: APPLICANT });
  await t.drainOutbox();
  api.reset();
});
afterEach(async () => {
  await t.close();
});

async function post(body: string, type: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: { 'content-type': type, 'x-slack-request-timestamp': ts, 'x-slack-signature': await computeSignature(SECRET, ts, body) },
    body,
  });
  expect(res.status).toBe(200);
  await t.settle();
  await t.drainOutbox();
}

const dm = (text: string, user = APPLICANT, id = `Ev${Math.random()}`) =>
  post(
    JSON.stringify({
      ...fixture<any>('event_message_im.json'),
      team_id: TEAM,
      event_id: id,
      event: { ...fixture<any>('event_message_im.json').event, user, text, channel: `D${user.slice(1)}` },
    }),
    'application/json',
  );

let trigger = 0;
/** A button press in the App Home tab (container "view") or in a DM (container "message"). */
const press = (actionId: string, value: string | undefined, where: 'home' | 'dm' = 'home', user = APPLICANT) => {
  const base = fixture<any>('interactivity_block_actions.json');
  const container =
    where === 'home'
      ? { type: 'view', view_id: 'VHOME' }
      : { type: 'message', message_ts: '1700000000.000300', channel_id: `D${user.slice(1)}`, is_ephemeral: false };
  const payload = {
    ...base,
    user: { ...base.user, id: user, team_id: TEAM },
    team: { id: TEAM, domain: 'example' },
    trigger_id: `trig-${++trigger}`,
    container,
    channel: where === 'home' ? undefined : { id: `D${user.slice(1)}`, name: 'directmessage' },
    view: where === 'home' ? { id: 'VHOME', type: 'home' } : undefined,
    message: where === 'home' ? undefined : base.message,
    actions: [
      {
        action_id: actionId,
        block_id: 'my_data',
        type: 'button',
        action_ts: '1700000001.000100',
        text: { type: 'plain_text', text: 'x' },
        ...(value ? { value } : {}),
      },
    ],
  };
  return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
};

const said = () =>
  api
    .calls('chat.postMessage')
    .map((c) => `${c.body.text}\n${JSON.stringify(c.body.blocks ?? [])}`)
    .join('\n');
const audit = (action: string) => t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('my data, from Slack', () => {
  it('App Home offers it; the export arrives as a file in the DM through files.uploadV2', async () => {
    api.setUser(APPLICANT, { name: 'Ana Ruiz', tz: 'Europe/Zurich' });
    await post(
      JSON.stringify({
        ...fixture<any>('event_app_home_opened.json'),
        team_id: TEAM,
        event: { ...fixture<any>('event_app_home_opened.json').event, user: APPLICANT },
      }),
      'application/json',
    );
    expect(JSON.stringify(api.calls('views.publish')[0]!.body.view)).toContain('my_data.export');

    await press('my_data.export', undefined, 'home');
    const [ticket] = api.calls('files.getUploadURLExternal');
    expect(ticket!.contentType).toContain('application/x-www-form-urlencoded');
    expect(ticket!.body.filename).toBe('my-data-2023-01-20.json');
    const upload = api.calls().find((c) => c.method.startsWith('upload/'))!;
    expect(Number(ticket!.body.length)).toBe(Buffer.byteLength(JSON.stringify(upload.body, null, 2)) + 1);
    const data = upload.body as any;
    expect(data.format).toBe('dialogue-desk/personal-data@1');
    expect(data.person).toMatchObject({ displayName: 'Ana Ruiz', email: 'applicant7@example.org' });
    expect(data.accounts).toEqual([expect.objectContaining({ platform: 'slack', workspace: TEAM, userId: APPLICANT })]);
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ reference: 'CD-2023-0001', status: 'submitted' });
    expect(data.applications[0].answers.representatives[0].name).toBe('Ana Ruiz 7');
    expect(data.decisions).toEqual([expect.objectContaining({ application: 'CD-2023-0001', dialogue: 'firearms', outcome: 'approve' })]);
    expect(data.messages.map((m: any) => m.purpose).sort()).toEqual(['confirmation', 'decision_notice']);
    const complete = api.calls('files.completeUploadExternal')[0]!;
    expect(complete.body).toMatchObject({ channel_id: 'D00000007', files: [{ id: upload.method.slice('upload/'.length) }] });
    expect(said()).toContain('Here is everything we hold about you');
    const [row] = await audit('person.export');
    expect(row).toMatchObject({ actor_ref: 'person:self', entity: 'person' });
    expect(row!.detail).not.toMatch(/Ana|applicant7|U00000007/);
  });

  it('"my data" in a channel is refused: the answer stays private', async () => {
    await post(
      JSON.stringify({
        ...fixture<any>('event_app_mention.json'),
        team_id: TEAM,
        event: { ...fixture<any>('event_app_mention.json').event, user: APPLICANT, text: '<@U0LAN0Z89> my data' },
      }),
      'application/json',
    );
    expect(said()).toContain('ask me for it in a direct message');
    expect(api.calls('files.getUploadURLExternal')).toEqual([]);
  });

  it('delete: asked to confirm, refused for someone else, done for the person, harmless twice', async () => {
    await dm('my data');
    expect(said()).toContain('my_data.delete');
    await press('my_data.delete', undefined, 'dm');
    const confirm = api
      .calls('chat.postMessage')
      .flatMap((c) => (c.body.blocks as any[] | undefined) ?? [])
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => String(e.action_id).startsWith('my_data.delete.confirm'));
    expect(said()).toContain('Your open application will be withdrawn');
    const personId = confirm.value as string;

    // Someone else pressing (or forging) the same button deletes nothing.
    const before = await t.deps.db.selectFrom('applications').selectAll().execute();
    await press('my_data.delete.confirm', personId, 'dm', OTHER);
    expect(said()).toContain('meant for someone else');
    expect(await t.deps.db.selectFrom('applications').selectAll().execute()).toEqual(before);

    api.reset();
    await press('my_data.delete.confirm', personId, 'dm');
    expect(said()).toContain('Your application was withdrawn and your data has been deleted');
    expect(said()).toContain('What we kept, and why');
    const app = await t.deps.db.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    expect(app).toMatchObject({ status: 'withdrawn', organisation_name: null, stakeholder_type: 'ngo', country: 'CH' });
    expect(app.erased_at).not.toBeNull();
    // Reviewers were told: the card in the review channel was updated to "withdrawn".
    expect(
      api.calls('chat.update').length + api.calls('chat.postMessage').filter((c) => c.body.channel === 'C0REVIEWS').length,
    ).toBeGreaterThan(0);
    expect(await t.deps.db.selectFrom('identities').selectAll().where('user_id', '=', APPLICANT).execute()).toEqual([]);
    const [erased] = await audit('person.erase');
    expect(JSON.parse(erased!.detail)).toMatchObject({ via: 'slack', withdrawn: 1, applications: 1, representatives: 2 });

    api.reset();
    const after = await t.deps.db.selectFrom('applications').selectAll().execute();
    await press('my_data.delete.confirm', personId, 'dm');
    expect(said()).toContain('meant for someone else');
    await press('my_data.delete', undefined, 'dm');
    expect(said()).toContain('We hold no personal data about you');
    expect(await t.deps.db.selectFrom('applications').selectAll().execute()).toEqual(after);
    expect(await audit('person.erase')).toHaveLength(1);
  });
});
