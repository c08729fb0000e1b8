/**
 * Teams tab single sign-on: the token `authentication.getAuthToken()` hands the tab is an Entra ID
 * access token for this app. It is checked here with jose as Entra specifies: RS256 with a key from
 * the Entra JWKS, issued by the token's own tenant (v2.0 or v1 issuer), for this app (audience
 * `api://<host>/<app id>`, or the app id itself in v2.0 tokens), within its validity with 5 minutes
 * of clock difference, and from an allowed tenant. Only then is `oid` (the person's object id in
 * that tenant) trusted. Verified against real time, like Bot Framework tokens.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import * as z from 'zod';

export interface SsoSettings {
  appId: string;
  /** The Application ID URI, `api://<host>/<app id>` (webApplicationInfo.resource in the manifest). */
  resource: string;
  /** Null: any tenant. */
  allowedTenants: string[] | null;
}

export type SsoRefusal = 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'wrong_audience' | 'wrong_issuer' | 'tenant_not_allowed';
export type SsoResult = { ok: true; tenantId: string; objectId: string; name?: string } | { ok: false; reason: SsoRefusal };

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const claims = z.looseObject({ tid: guid, oid: guid, name: z.string().max(200).optional() });

export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export function createSsoVerifier(settings: SsoSettings, keys: JWTVerifyGetKey | string = ENTRA_JWKS_URL, now: () => number = Date.now) {
  const getKey = typeof keys === 'string' ? createRemoteJWKSet(new URL(keys), { cooldownDuration: 30_000 }) : keys;
  return {
    async verify(token: string | undefined): Promise<SsoResult> {
      if (!token) return { ok: false, reason: 'missing' };
      let tid: string;
      try {
        const unverified = claims.safeParse(decodeJwt(token));
        if (!unverified.success) return { ok: false, reason: 'malformed' };
        tid = unverified.data.tid.toLowerCase();
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (settings.allowedTenants && !settings.allowedTenants.includes(tid)) return { ok: false, reason: 'tenant_not_allowed' };
      try {
        const { payload } = await jwtVerify(token, getKey, {
          algorithms: ['RS256'],
          audience: [settings.resource, settings.appId],
          // The tenant's own issuer: a token from another tenant cannot pass as this one's.
          issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
          clockTolerance: 300,
          currentDate: new Date(now()),
        });
        const c = claims.parse(payload);
        return { ok: true, tenantId: tid, objectId: c.oid.toLowerCase(), ...(c.name ? { name: c.name } : {}) };
      } catch (err) {
        if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
        if (err instanceof errors.JWTClaimValidationFailed)
          return { ok: false, reason: err.claim === 'aud' ? 'wrong_audience' : err.claim === 'iss' ? 'wrong_issuer' : 'malformed' };
        return { ok: false, reason: 'bad_signature' };
      }
    },
  };
}
