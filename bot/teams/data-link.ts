/**
 * Teams has no bot file upload into a chat that works everywhere (personal-scope file consent
 * needs OneDrive), so a person's export comes as a download link: GET /my-data/download?token=…,
 * an HS256 JWT naming the person, valid 10 minutes, with its own key derived from
 * TEAMS_APP_PASSWORD (HKDF, a label of its own: a form-link token is no download token).
 * The link is only ever shown in the person's personal chat with the bot.
 */
import { Hono } from 'hono';
import { jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import { localeFromAcceptLanguage, t } from '../../domain/i18n';
import type { AdapterHost } from '../core/host';

const ISSUER = 'urn:dialogue-desk:teams-bot';
const AUDIENCE = 'urn:dialogue-desk:my-data';
const TYPE = 'my-data+jwt';
export const DATA_LINK_TTL_SECONDS = 10 * 60;

export interface DataLinks {
  sign(personId: string): Promise<string>;
  verify(token: string | undefined): Promise<string | null>;
}

export function createDataLinks(appPassword: string, now: () => number = Date.now): DataLinks {
  let key: Promise<Uint8Array> | null = null;
  const secret = () => (key ??= deriveKey(appPassword));
  return {
    async sign(personId) {
      const iat = Math.floor(now() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: TYPE })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(personId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + DATA_LINK_TTL_SECONDS)
        .sign(await secret());
    },
    async verify(token) {
      if (!token || token.length > 2000) return null;
      try {
        const { payload } = await jwtVerify(token, await secret(), {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          typ: TYPE,
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: DATA_LINK_TTL_SECONDS,
          currentDate: new Date(now()),
        });
        const sub = z
          .string()
          .regex(/^[\w-]{1,100}$/)
          .safeParse(payload.sub);
        return sub.success ? sub.data : null;
      } catch {
        return null;
      }
    },
  };
}

async function deriveKey(password: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('dialogue-desk'), info: enc.encode('my data download link v1') },
    base,
    256,
  );
  return new Uint8Array(bits);
}

export function dataLinkRoutes(deps: Pick<AdapterHost, 'clock' | 'store'>, links: DataLinks): Hono {
  const app = new Hono();
  app.get('/my-data/download', async (c) => {
    const personId = await links.verify(c.req.query('token'));
    const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };
    if (!personId) {
      // The browser that opened the link says which language its reader wants.
      const l = localeFromAcceptLanguage(c.req.header('accept-language'));
      return c.json({ error: 'link_expired', message: t(l, 'security.error.dataLinkExpired') }, 403, headers);
    }
    const now = deps.clock.now().toISOString();
    const data = await deps.store.personalData(personId, now);
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${now.slice(0, 10)}.json"`,
    });
  });
  return app;
}
