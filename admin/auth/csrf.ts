/**
 * CSRF: two independent checks on every state-changing request. The browser's own word on where
 * the request came from (Origin, Sec-Fetch-Site), and a secret token in a hidden form field that
 * a page on another site cannot read. Signed-in pages use the session's token; the sign-in form,
 * which has no session yet, uses a token bound to a short-lived cookie.
 */
import type { Context } from 'hono';
import { parseFormBody } from '../body';
import { getCookie, setCookie } from 'hono/cookie';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { hmacBase64url, randomToken, timingSafeEqual } from '../../lib/crypto';
import { isSecure } from './session';

export const CSRF_FIELD = '_csrf';
export const PRE_SESSION_COOKIE = 'dd_admin_pre';

/** False when the browser says the request was sent from another site. */
export function sameOrigin(c: Context<AdminEnv>, deps: AdminDeps): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (!origin) return true; // old browsers and non-browser clients: the token alone decides
  const allowed = new Set([new URL(c.req.url).origin]);
  if (deps.settings.publicUrl) allowed.add(new URL(deps.settings.publicUrl).origin);
  return allowed.has(origin);
}

export async function formToken(c: Context<AdminEnv>): Promise<string> {
  const body = await parseFormBody(c);
  const v = body[CSRF_FIELD];
  return typeof v === 'string' ? v : '';
}

// Without SESSION_SECRET the cookie value itself is the field value (plain double submit);
// with it, the field is an HMAC of the cookie, so a cookie planted by a sibling site is useless.
async function bind(deps: AdminDeps, cookieValue: string): Promise<string> {
  const secret = deps.settings.sessionSecret;
  return secret ? hmacBase64url(secret, `pre-session:${cookieValue}`) : cookieValue;
}

/** The hidden-field value for the sign-in form; sets the pre-session cookie when missing. */
export async function preSessionToken(c: Context<AdminEnv>, deps: AdminDeps): Promise<string> {
  let value = getCookie(c, PRE_SESSION_COOKIE);
  if (!value || value.length > 100) {
    value = randomToken();
    setCookie(c, PRE_SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecure(c, deps),
      path: '/admin',
      maxAge: 2 * 60 * 60,
    });
  }
  return bind(deps, value);
}

export async function checkPreSessionToken(c: Context<AdminEnv>, deps: AdminDeps): Promise<boolean> {
  const cookie = getCookie(c, PRE_SESSION_COOKIE);
  if (!cookie) return false;
  return timingSafeEqual(await formToken(c), await bind(deps, cookie));
}

export async function checkSessionToken(c: Context<AdminEnv>): Promise<boolean> {
  return timingSafeEqual(await formToken(c), c.get('csrf'));
}
