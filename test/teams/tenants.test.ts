/**
 * Which organisations' Teams may use the bot: TEAMS_TENANT_ID alone keeps the single-tenant bot
 * of before (other tenants refused, nothing happens); TEAMS_ALLOWED_TENANTS lets named tenants
 * (or "*": any) in. Connector tokens always come from the bot's own registration tenant, whatever
 * tenant the conversation is in (Bot Framework's rule for single-tenant bots).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TENANT_ID, FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { activity } from './support';
import { setInstallationStatus } from '../../db/store/installation-status';

const OTHER_TENANT = '3c1f1a2b-0000-4d4d-9e9e-0a0b0c0d0e0f';
const NGO_USER = '99999999-1111-2222-3333-444444444444';

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

let seq = 0;
/** A personal-chat question from someone in `tenant`. */
function fromTenant(tenant: string) {
  return activity('message_personal', fake, {
    id: `tenant-msg-${++seq}`,
    text: 'when is the deadline?',
    from: { id: `29:ngo-${seq}`, name: 'Ngozi Okafor', aadObjectId: NGO_USER },
    conversation: { conversationType: 'personal', tenantId: tenant, id: `a:ngo-chat-${tenant}` },
    channelData: { tenant: { id: tenant } },
  });
}

async function post(body: unknown) {
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
    body: JSON.stringify(body),
  });
  await t.settle();
  return res;
}

describe('allowed tenants', () => {
  it('with TEAMS_TENANT_ID alone, refuses another tenant with 403 and answers its own', async () => {
    t = await createTestApp({ env: fake.env() });
    const refused = await post(fromTenant(OTHER_TENANT));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/not allowed to use this bot/);
    expect(fake.calls).toEqual([]);
    expect(await t.deps.db.selectFrom('conversations').selectAll().where('scope', '=', OTHER_TENANT).execute()).toEqual([]);

    expect((await post(fromTenant(FAKE_TENANT_ID))).status).toBeLessThan(300);
    expect(fake.calls.some((c) => c.conversationId === `a:ngo-chat-${FAKE_TENANT_ID}`)).toBe(true);
  });

  it("answers a listed tenant, with a connector token from the bot's own tenant, and refuses one not listed", async () => {
    t = await createTestApp({ env: fake.env({ TEAMS_ALLOWED_TENANTS: `${FAKE_TENANT_ID}, ${OTHER_TENANT.toUpperCase()}` }) });
    expect((await post(fromTenant(OTHER_TENANT))).status).toBeLessThan(300);
    const answer = fake.calls.find((c) => c.conversationId === `a:ngo-chat-${OTHER_TENANT}`);
    expect(answer?.authorization).toMatch(/^Bearer fake-access-token-/);
    // One client-credentials request, to the registration tenant's endpoint (TEAMS_TOKEN_URL).
    expect(fake.tokenRequests.map((r) => r.get('scope'))).toEqual(['https://api.botframework.com/.default']);
    expect((await post(fromTenant('0badc0de-0000-0000-0000-000000000000'))).status).toBe(403);
  });

  it('with "*", answers any tenant', async () => {
    t = await createTestApp({ env: fake.env({ TEAMS_ALLOWED_TENANTS: '*' }) });
    expect((await post(fromTenant('0badc0de-0000-0000-0000-000000000000'))).status).toBeLessThan(300);
    expect(fake.calls.length).toBeGreaterThan(0);
  });

  it('lists a tenant from its first activity, and refuses it once an administrator disables it', async () => {
    t = await createTestApp({ env: fake.env({ TEAMS_ALLOWED_TENANTS: '*' }) });
    await post(fromTenant(OTHER_TENANT));
    const row = await t.deps.db
      .selectFrom('installations')
      .select(['id', 'platform', 'status', 'token_enc'])
      .where('id', '=', `teams:${OTHER_TENANT}`)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ id: `teams:${OTHER_TENANT}`, platform: 'teams', status: 'active', token_enc: null });
    await setInstallationStatus(t.deps.db, t.deps.atomic, `teams:${OTHER_TENANT}`, 'disabled', 'admin:test', t.clock.now().toISOString());
    fake.reset();
    const refused = await post(fromTenant(OTHER_TENANT));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/turned off/);
    expect(fake.calls).toEqual([]);
  });
});
