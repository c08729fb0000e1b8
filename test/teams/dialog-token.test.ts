import { SignJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createDialogTokens, DIALOG_TOKEN_AUDIENCE, DIALOG_TOKEN_ISSUER, type DialogGrant } from '../../bot/teams/dialog-token';

const grant: DialogGrant = {
  actor: {
    platform: 'teams',
    userId: '11111111-2222-3333-4444-555555555555',
    scope: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    displayName: 'Megan Bowen',
    timeZone: 'Africa/Nairobi',
  },
  conversation: { id: 'a:1xYzPersonalConversationId', serviceUrl: 'https://smba.trafficmanager.net/amer/', personal: true },
};
const PASSWORD = 'app-password-from-entra';
const T0 = Date.parse('2026-03-01T10:00:00Z');

async function hkdfKey(password: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'HKDF', false, ['deriveBits']);
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('dialogue-desk'), info: enc.encode('teams dialog link token v1') },
      base,
      256,
    ),
  );
}

describe('Teams dialog link tokens', () => {
  it('round-trips the actor and the conversation, with issuer, audience, subject and a 30-minute life', async () => {
    const tokens = createDialogTokens(PASSWORD, { now: () => T0 });
    const token = await tokens.sign(grant);
    expect(await tokens.verify(token)).toEqual({ ok: true, grant });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: DIALOG_TOKEN_ISSUER, aud: DIALOG_TOKEN_AUDIENCE, sub: grant.actor.userId, tid: grant.actor.scope });
    expect(claims.exp! - claims.iat!).toBe(1800);
  });

  it('is refused once expired, and accepted up to the last second', async () => {
    let now = T0;
    const tokens = createDialogTokens(PASSWORD, { now: () => now });
    const token = await tokens.sign(grant);
    now = T0 + 1799_000;
    expect((await tokens.verify(token)).ok).toBe(true);
    now = T0 + 1800_000;
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('is refused under another key (another app password)', async () => {
    const token = await createDialogTokens('another-password', { now: () => T0 }).sign(grant);
    expect(await createDialogTokens(PASSWORD, { now: () => T0 }).verify(token)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('never uses the raw password as the HMAC key', async () => {
    const raw = await new SignJWT({ tid: grant.actor.scope, conv: { id: 'x', su: 'https://a.example/', p: true } })
      .setProtectedHeader({ alg: 'HS256', typ: 'dialog+jwt' })
      .setIssuer(DIALOG_TOKEN_ISSUER)
      .setAudience(DIALOG_TOKEN_AUDIENCE)
      .setSubject('someone')
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 600)
      .sign(new TextEncoder().encode(PASSWORD));
    expect((await createDialogTokens(PASSWORD, { now: () => T0 }).verify(raw)).ok).toBe(false);
  });

  it('is refused when any part is tampered with', async () => {
    const tokens = createDialogTokens(PASSWORD, { now: () => T0 });
    const token = await tokens.sign(grant);
    const [h, p, s] = token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: '99999999-0000-0000-0000-000000000000' })).toString('base64url');
    expect((await tokens.verify(`${h}.${forged}.${s}`)).ok).toBe(false);
    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
    expect((await tokens.verify(`${h}.${p}.${flipped}`)).ok).toBe(false);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'dialog+jwt' })).toString('base64url');
    expect((await tokens.verify(`${none}.${p}.`)).ok).toBe(false);
    for (const junk of ['', 'abc', 'a.b.c', undefined, null, 'x'.repeat(5000)]) expect((await tokens.verify(junk)).ok).toBe(false);
  });

  it('is refused for another audience, another issuer or another token type, even with the right key', async () => {
    const key = await hkdfKey(PASSWORD);
    const tokens = createDialogTokens(PASSWORD, { now: () => T0 });
    const base = { tid: grant.actor.scope, conv: { id: 'a:1', su: 'https://smba.trafficmanager.net/amer/', p: true } };
    const make = (o: { aud?: string; iss?: string; typ?: string; life?: number }) =>
      new SignJWT(base)
        .setProtectedHeader({ alg: 'HS256', typ: o.typ ?? 'dialog+jwt' })
        .setIssuer(o.iss ?? DIALOG_TOKEN_ISSUER)
        .setAudience(o.aud ?? DIALOG_TOKEN_AUDIENCE)
        .setSubject('u1')
        .setIssuedAt(T0 / 1000)
        .setExpirationTime(T0 / 1000 + (o.life ?? 600))
        .sign(key);
    // The derivation above is the product's: a well-formed token passes.
    expect((await tokens.verify(await make({}))).ok).toBe(true);
    expect(await tokens.verify(await make({ aud: 'urn:dialogue-desk:admin' }))).toEqual({ ok: false, reason: 'claim_aud' });
    expect(await tokens.verify(await make({ iss: 'https://api.botframework.com' }))).toEqual({ ok: false, reason: 'claim_iss' });
    expect((await tokens.verify(await make({ typ: 'JWT' }))).ok).toBe(false);
    // A token that claims to live longer than 30 minutes is not accepted after 30 minutes.
    const long = await make({ life: 24 * 3600 });
    expect((await createDialogTokens(PASSWORD, { now: () => T0 + 31 * 60_000 }).verify(long)).ok).toBe(false);
  });

  it('is refused when the claims are not the expected shape', async () => {
    const key = await hkdfKey(PASSWORD);
    const bad = await new SignJWT({ tid: 't', conv: { id: 'a', su: 'not a url', p: 'yes' } })
      .setProtectedHeader({ alg: 'HS256', typ: 'dialog+jwt' })
      .setIssuer(DIALOG_TOKEN_ISSUER)
      .setAudience(DIALOG_TOKEN_AUDIENCE)
      .setSubject('u1')
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 600)
      .sign(key);
    expect(await createDialogTokens(PASSWORD, { now: () => T0 }).verify(bad)).toEqual({ ok: false, reason: 'claims' });
  });
});
