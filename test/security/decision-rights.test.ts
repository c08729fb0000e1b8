/**
 * Finding 3: Slack decision rights came from the default channel, not from the channel the card
 * went to; a secretariat user could point channels anywhere; on Teams only an environment list
 * could decide. Now who may decide is resolved per application, choosing channels is an audited
 * administrator's permission, and Teams decides by the review team's roster or the panel's list.
 * Finding 9: a forged invoke with replyToId "%" found some card by a pattern match.
 * (Under the 2023 call a reviewer's Approve is a recommendation to the States parties: "recommended".)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from '../../bot/slack/verify';
import { FakeBotFramework, FAKE_TENANT_ID } from '../fakes/bot-framework';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { addUser, ADMIN, createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { fixture } from '../slack/support';
import { activity } from '../teams/support';
import { submitAs } from './support';

let api: FakeSlackApi;
let fake: FakeBotFramework;
let t: AdminTestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
  fake = await FakeBotFramework.start();
});
afterAll(async () => {
  await api.close();
  await fake.stop();
});
afterEach(async () => {
  await t?.close();
  api.reset();
  fake.reset();
});

const SECRET = 'rights-secret-0123456789abcdef';
const TEAM = 'T123ABC456';
const APPLICANT = { platform: 'slack' as const, userId: 'U0APPLICANT', scope: TEAM, displayName: 'Amina' };

async function slackPost(body: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await t.app.request('/slack/events', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': await computeSignature(SECRET, ts, body),
    },
    body,
  });
  await t.settle();
  return res;
}

function click(user: string, channel: string, value: string) {
  return new URLSearchParams({
    payload: JSON.stringify({
      ...fixture<any>('interactivity_block_actions.json'),
      user: { id: user, team_id: TEAM },
      team: { id: TEAM },
      trigger_id: `trig-${user}-${Math.random()}`,
      container: { type: 'message', channel_id: channel, message_ts: '1700000000.000001' },
      channel: { id: channel, name: 'reviews' },
      actions: [{ action_id: 'review.approve', value, type: 'button' }],
    }),
  }).toString();
}

async function statusOf(appId: string, dialogueId: string) {
  return (
    await t.deps.db
      .selectFrom('application_dialogues')
      .select('status')
      .where('application_id', '=', appId)
      .where('dialogue_id', '=', dialogueId)
      .executeTakeFirstOrThrow()
  ).status;
}

describe('Slack decision rights', () => {
  it('come from the channel the card went to: the call channel decides, the default channel does not', async () => {
    t = await createAdminTestApp({
      env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-rights', SLACK_API_URL: api.url, SLACK_REVIEW_CHANNEL: 'C0DEFAULT' },
    });
    const call = await t.deps.db.selectFrom('calls').select('id').executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('review_channels')
      .values({ call_id: call.id, platform: 'slack', address: 'C0CALL', updated_at: '2023-01-01T00:00:00Z' })
      .execute();
    api.setMembers('C0CALL', ['U0CALLREV']);
    api.setMembers('C0DEFAULT', ['U0DEFREV']);

    const { id } = await submitAs(t, APPLICANT);
    expect(api.calls('chat.postMessage').some((c) => c.body.channel === 'C0CALL')).toBe(true);
    expect(api.calls('chat.postMessage').some((c) => c.body.channel === 'C0DEFAULT')).toBe(false);

    // A member of the default channel, who never saw the card, is refused, wherever they click from.
    expect((await slackPost(click('U0DEFREV', 'C0DEFAULT', `${id}|firearms`))).status).toBe(200);
    expect((await slackPost(click('U0DEFREV', 'C0CALL', `${id}|firearms`))).status).toBe(200);
    expect(await statusOf(id, 'firearms')).toBe('pending');
    expect(JSON.stringify(api.calls('chat.postEphemeral'))).toMatch(/Only reviewers/);

    // A member of the call's channel decides.
    expect((await slackPost(click('U0CALLREV', 'C0CALL', `${id}|firearms`))).status).toBe(200);
    expect(await statusOf(id, 'firearms')).toBe('recommended');
  });

  it('changing review channels is for administrators, and audited; so are reviewer lists', async () => {
    t = await createAdminTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-rights', SLACK_API_URL: api.url } });
    await addUser(t, 'secretariat@example.org', 'secretariat');
    const sec = new Visitor(t.app);
    await sec.signIn('secretariat@example.org', 'another long password');
    await sec.get('/admin/channels');
    const refused = await sec.post('/admin/channels/edit', { call_id: '', platform: 'slack', address: 'C0ATTACKER' });
    expect(refused.status).toBe(403);
    expect((await sec.post('/admin/reviewers', { platform: 'slack', user_id: 'U0ATTACKER' })).status).toBe(403);
    expect(await t.deps.db.selectFrom('review_channels').selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('platform_reviewers').selectAll().execute()).toEqual([]);

    const admin = new Visitor(t.app);
    await admin.signIn(ADMIN.email, ADMIN.password);
    await admin.get('/admin/channels/edit?call=&platform=slack');
    expect((await admin.post('/admin/channels/edit', { call_id: '', platform: 'slack', address: 'C0REVIEWS' })).status).toBe(303);
    await admin.get('/admin/reviewers');
    expect((await admin.post('/admin/reviewers', { platform: 'slack', user_id: 'U0NAMED', label: 'Head of unit' })).status).toBe(303);
    expect((await admin.post('/admin/reviewers', { platform: 'teams', user_id: 'not a guid' })).status).toBe(400);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['channel.set', 'reviewer.add'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'channel.set', entity_id: 'default:slack' },
        { action: 'reviewer.add', entity_id: 'slack:U0NAMED' },
      ]),
    );

    // The named reviewer decides without being in any channel.
    api.setMembers('C0REVIEWS', []);
    const { id } = await submitAs(t, APPLICANT);
    await slackPost(click('U0NAMED', 'C0REVIEWS', `${id}|technical-assistance`));
    expect(await statusOf(id, 'technical-assistance')).toBe('recommended');
  });
});

describe('Teams decision rights', () => {
  const REVIEWS = '19:reviews@thread.tacv2';
  const MEMBER = '11111111-2222-3333-4444-555555555555';
  const OUTSIDER = '99999999-2222-3333-4444-555555555555';

  async function press(from: string, value: string, replyToId: string) {
    const body = activity('invoke_adaptive_card_action', fake, {
      id: `inv-${from}-${Math.random()}`,
      from: { id: `29:${from}`, name: 'Someone', aadObjectId: from },
      conversation: { isGroup: true, conversationType: 'channel', tenantId: FAKE_TENANT_ID, id: `${REVIEWS};messageid=${replyToId}` },
      channelData: { tenant: { id: FAKE_TENANT_ID }, channel: { id: REVIEWS } },
      replyToId,
      value: { action: { type: 'Action.Execute', verb: 'review.approve', data: { value } }, trigger: 'manual' },
    });
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
      body: JSON.stringify(body),
    });
    await t.settle();
    return (await res.json()) as { statusCode: number; value: unknown };
  }

  it("members of the review channel's team decide; others, and forged card ids, get nothing", async () => {
    t = await createAdminTestApp({ env: fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS }) });
    fake.setRoster(REVIEWS, [MEMBER]);
    const { id } = await submitAs(t, {
      platform: 'teams',
      userId: 'aaaaaaaa-2222-3333-4444-555555555555',
      scope: FAKE_TENANT_ID,
      displayName: 'Amina',
    });
    const base = await t.deps.db
      .selectFrom('outbox')
      .select(['external_id'])
      .where('purpose', '=', 'review_card')
      .where('platform', '=', 'teams')
      .executeTakeFirstOrThrow();
    expect(base.external_id).toBeTruthy();

    const refused = await press(OUTSIDER, `${id}|firearms`, '%');
    expect(JSON.stringify(refused)).toMatch(/Only reviewers/);
    expect(await statusOf(id, 'firearms')).toBe('pending');

    const decided = await press(MEMBER, `${id}|firearms`, base.external_id!);
    expect(await statusOf(id, 'firearms')).toBe('recommended');
    expect(JSON.stringify(decided)).toMatch(/Firearms: recommended by Someone/);

    // A wildcard as the card id matches nothing: only the engine's note comes back.
    const again = await press(MEMBER, `${id}|technical-assistance`, '%');
    expect(await statusOf(id, 'technical-assistance')).toBe('recommended');
    expect(JSON.stringify(again)).not.toMatch(/Firearms: recommended/);
  });

  it('people named in the admin panel decide without a redeploy', async () => {
    t = await createAdminTestApp({ env: fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS }) });
    fake.setRoster(REVIEWS, []);
    const { id } = await submitAs(t, {
      platform: 'teams',
      userId: 'aaaaaaaa-2222-3333-4444-555555555555',
      scope: FAKE_TENANT_ID,
      displayName: 'Amina',
    });
    await press(OUTSIDER, `${id}|firearms`, 'x');
    expect(await statusOf(id, 'firearms')).toBe('pending');
    const admin = new Visitor(t.app);
    await admin.signIn(ADMIN.email, ADMIN.password);
    await admin.get('/admin/reviewers');
    expect((await admin.post('/admin/reviewers', { platform: 'teams', user_id: OUTSIDER.toUpperCase() })).status).toBe(303);
    await press(OUTSIDER, `${id}|firearms`, 'x');
    expect(await statusOf(id, 'firearms')).toBe('recommended');
  });
});
