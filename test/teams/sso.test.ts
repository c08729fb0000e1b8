/**
 * The "My application" tab's single sign-on against a fake Entra ID: a JWKS of jose-generated
 * keys and tokens shaped like the ones `authentication.getAuthToken()` returns. The right token
 * shows the person's own application; a wrong audience, another tenant's issuer, a tenant that is
 * not allowed, an expired or unsigned token get 401 and the "open the chat" sentence, and the
 * refusal is logged by reason only.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp } from '../support/harness';
import { createLogger } from '../../server/log';
import { createSsoVerifier } from '../../bot/teams/sso';
import { myApplicationRoutes, type MyApplication } from '../../bot/teams/my-application';

const APP_ID = '00000000-0000-0000-0000-0000000b0701'; // the fake Bot Framework's app id
const RESOURCE = `api://desk.example.org/${APP_ID}`;
const TENANT = '3c1f1a2b-0000-4d4d-9e9e-0a0b0c0d0e0f';
const OTHER = '0badc0de-0000-0000-0000-000000000000';
const PERSON = '99999999-1111-2222-3333-444444444444';

let key: CryptoKey;
let strangerKey: CryptoKey;
let jwks: ReturnType<typeof createLocalJWKSet>;
let jwksJson = '';
const entra = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwksJson));
beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const set = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'entra-1', alg: 'RS256' }] };
  jwks = createLocalJWKSet(set);
  jwksJson = JSON.stringify(set);
  await new Promise<void>((resolve) => entra.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => entra.close(() => resolve())));

/** A token as Entra issues it for the tab; `o` breaks it one way at a time. */
async function token(o: { aud?: string; tid?: string; iss?: string; exp?: number; signWith?: CryptoKey } = {}) {
  const tid = o.tid ?? TENANT;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid, oid: PERSON, name: 'Ngozi Okafor', scp: 'access_as_user' })
    .setProtectedHeader({ alg: 'RS256', kid: 'entra-1', typ: 'JWT' })
    .setIssuer(o.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(o.aud ?? RESOURCE)
    .setIssuedAt(now - 60)
    .setExpirationTime(o.exp ?? now + 3600)
    .sign(o.signWith ?? key);
}

const mine: MyApplication[] = [
  { reference: 'CD-2023-0042', status: 'submitted', dialogues: [{ name: 'Firearms', status: 'info_requested' }] },
];

function app(allowed: string[] | null = null) {
  const lines: string[] = [];
  const asked: string[] = [];
  const verifier = createSsoVerifier({ appId: APP_ID, resource: RESOURCE, allowedTenants: allowed }, jwks);
  const routes = myApplicationRoutes(
    verifier,
    {
      of: async (tid, oid) => {
        asked.push(`${tid}/${oid}`);
        return mine;
      },
    },
    createLogger('debug', (l) => lines.push(l)),
  );
  const get = (bearer?: string) => routes.request('/teams/tab/api/me', { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { get, lines, asked };
}

describe('My application tab with single sign-on', () => {
  it('shows the signed-in person their own application, its status and the next step', async () => {
    const a = app([TENANT]);
    const res = await a.get(await token());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      applications: [
        {
          reference: 'CD-2023-0042',
          status: 'Submitted',
          dialogues: [{ name: 'Firearms', status: 'More information requested' }],
          next: expect.stringMatching(/answer them in the chat/),
        },
      ],
    });
    expect(a.asked).toEqual([`${TENANT}/${PERSON}`]);
  });

  it('accepts a v2.0 token whose audience is the app id', async () => {
    expect((await app().get(await token({ aud: APP_ID }))).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined, 'missing'],
    ['the wrong audience', () => token({ aud: 'api://evil.example/11111111-0000-0000-0000-000000000000' }), 'wrong_audience'],
    ["another tenant's issuer", () => token({ iss: `https://login.microsoftonline.com/${OTHER}/v2.0` }), 'wrong_issuer'],
    ['a tenant that is not allowed', () => token({ tid: OTHER }), 'tenant_not_allowed'],
    ['an expired token (beyond 5 minutes of skew)', () => token({ exp: Math.floor(Date.now() / 1000) - 301 }), 'expired'],
    ['a key Entra does not list', () => token({ signWith: strangerKey }), 'bad_signature'],
  ])('refuses %s with 401 and the "open the chat" message', async (_name, make, reason) => {
    const a = app([TENANT]);
    const res = await a.get(await make());
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe(reason);
    expect(body.message).toMatch(/open the chat/);
    expect(a.asked).toEqual([]);
    expect(a.lines.some((l) => l.includes('teams.sso_refused') && l.includes(reason))).toBe(true);
    expect(a.lines.join('\n')).not.toContain('eyJ');
  });

  it('tolerates 5 minutes of clock difference', async () => {
    expect((await app().get(await token({ exp: Math.floor(Date.now() / 1000) - 120 }))).status).toBe(200);
  });

  it('is served by the Teams adapter with an https PUBLIC_URL, keys from TEAMS_SSO_JWKS_URL', async () => {
    const fake = await FakeBotFramework.start();
    const t = await createTestApp({
      env: fake.env({
        PUBLIC_URL: 'https://desk.example.org',
        TEAMS_ALLOWED_TENANTS: TENANT,
        TEAMS_SSO_JWKS_URL: `http://127.0.0.1:${(entra.address() as AddressInfo).port}/keys`,
      }),
    });
    try {
      const ok = await t.app.request('/teams/tab/api/me?locale=fr', { headers: { authorization: `Bearer ${await token()}` } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ applications: [], message: expect.stringMatching(/pas encore de candidature/) });
      const refused = await t.app.request('/teams/tab/api/me', { headers: { authorization: `Bearer ${await token({ tid: OTHER })}` } });
      expect(refused.status).toBe(401);
      const tab = await (await t.app.request('/teams/tab/application')).text();
      expect(tab).toContain('id="mine"');
    } finally {
      await t.close();
      await fake.stop();
    }
  });
});
