import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../../bot/teams/auth';
import { FAKE_APP_ID, FakeBotFramework } from '../fakes/bot-framework';
import { activity, rig, type Rig } from './support';

let fake: FakeBotFramework;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());

describe('Bot Framework token verification', () => {
  const verifier = () => createVerifier({ metadataUrl: fake.metadataUrl, appId: FAKE_APP_ID, jwksCooldownMs: 0 });

  it('accepts a token from the published key endorsed for msteams', async () => {
    expect(await verifier().verify(`Bearer ${await fake.sign()}`, fake.serviceUrl)).toEqual({ ok: true });
  });

  it.each([
    ['wrong audience', { aud: '11111111-0000-0000-0000-000000000000' }, 'claim_aud'],
    ['wrong issuer', { iss: 'https://sts.windows.net/evil/' }, 'claim_iss'],
    ['expired beyond the 5 minute skew', { expiresIn: -301 - 60 }, 'expired'],
    ['not yet valid beyond the skew', { notBeforeIn: 400 }, 'claim_nbf'],
    ['unsigned (alg none)', { unsigned: true }, 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['serviceurl of another connector', { serviceUrl: 'https://smba.example.test/evil/' }, 'service_url_mismatch'],
    ['no serviceurl claim', { serviceUrl: null }, 'service_url_mismatch'],
  ])('refuses a token with %s (403)', async (_name, opts, reason) => {
    const result = await verifier().verify(`Bearer ${await fake.sign(opts)}`, fake.serviceUrl);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(403);
      expect(result.reason).toMatch(new RegExp(reason === 'ERR_JOSE_ALG_NOT_ALLOWED' ? 'alg|ERR_' : reason));
    }
  });

  it('accepts a token expired by less than the 5 minute skew', async () => {
    expect(await verifier().verify(`Bearer ${await fake.sign({ expiresIn: -120 })}`, fake.serviceUrl)).toEqual({ ok: true });
  });

  it('refuses a key that is not endorsed for msteams', async () => {
    const kid = await fake.addKey(['skype']);
    const result = await verifier().verify(`Bearer ${await fake.sign({ kid })}`, fake.serviceUrl);
    expect(result).toMatchObject({ ok: false, status: 403, reason: 'key_not_endorsed' });
    const bare = await fake.addKey(null);
    expect(await verifier().verify(`Bearer ${await fake.sign({ kid: bare })}`, fake.serviceUrl)).toMatchObject({
      status: 403,
      reason: 'key_not_endorsed',
    });
  });

  it('is 401 without a token, 403 with garbage', async () => {
    expect(await verifier().verify(undefined, fake.serviceUrl)).toMatchObject({ ok: false, status: 401 });
    expect(await verifier().verify('Basic abc', fake.serviceUrl)).toMatchObject({ ok: false, status: 401 });
    expect(await verifier().verify('Bearer not.a.jwt', fake.serviceUrl)).toMatchObject({ ok: false, status: 403 });
  });

  it('caches the key set and refreshes it when an unknown kid appears (key rotation)', async () => {
    const v = verifier();
    const before = fake.jwksFetches;
    expect(await v.verify(`Bearer ${await fake.sign()}`, fake.serviceUrl)).toEqual({ ok: true });
    expect(await v.verify(`Bearer ${await fake.sign()}`, fake.serviceUrl)).toEqual({ ok: true });
    expect(fake.jwksFetches - before).toBe(1);
    const kid = await fake.addKey(['msteams'], false);
    fake.publish(kid);
    expect(await v.verify(`Bearer ${await fake.sign({ kid })}`, fake.serviceUrl)).toEqual({ ok: true });
    expect(fake.jwksFetches - before).toBe(2);
  });

  it('a kid that is not published even after a refresh is refused', async () => {
    const v = verifier();
    const kid = await fake.addKey(['msteams'], false);
    expect(await v.verify(`Bearer ${await fake.sign({ kid })}`, fake.serviceUrl)).toMatchObject({ status: 403, reason: 'unknown_key' });
  });
});

describe('POST /api/messages authentication', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(fake);
    fake.reset();
  });
  afterEach(() => r.close());

  async function nothingHappened() {
    await r.settle();
    expect(r.engine.events).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
    const rows = await r.sqlite.db.selectFrom('conversations').selectAll().execute();
    expect(rows).toHaveLength(0);
  }

  it('401 with no Authorization header, and nothing happens', async () => {
    const res = await r.post(activity('message_personal', fake), null);
    expect(res.status).toBe(401);
    await nothingHappened();
  });

  it.each([
    ['wrong audience', { aud: 'someone-else' }],
    ['wrong issuer', { iss: 'https://example.test' }],
    ['expired', { expiresIn: -3600 }],
    ['unsigned', { unsigned: true }],
    ['mismatched serviceUrl', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }],
  ])('403 for a token with %s, and nothing happens', async (_n, opts) => {
    const res = await r.post(activity('message_personal', fake), await fake.sign(opts));
    expect(res.status).toBe(403);
    await nothingHappened();
  });

  it('403 for a key without the msteams endorsement', async () => {
    const kid = await fake.addKey([]);
    const res = await r.post(activity('message_personal', fake), await fake.sign({ kid }));
    expect(res.status).toBe(403);
    await nothingHappened();
  });

  it('a valid token gets through', async () => {
    const res = await r.post(activity('message_personal', fake));
    expect(res.status).toBe(200);
    await r.settle();
    expect(r.engine.events).toHaveLength(1);
  });
});
