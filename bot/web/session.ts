/**
 * Applicant sessions, separate from the admin panel's: their own cookie (dd_applicant) and table.
 * The cookie holds a random token; the table only its SHA-256, so a leaked row cannot be replayed.
 * Before sign-in, forms carry a token bound to a short-lived cookie (double submit, keyed with
 * SESSION_SECRET when set); after, the session's own CSRF token.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { WebDeps } from './settings';
import { hmacBase64url, randomToken, sha256Hex, timingSafeEqual } from '../../lib/crypto';
import { isSecure } from './http';

export const SESSION_COOKIE = 'dd_applicant';
export const PRE_COOKIE = 'dd_applicant_pre';
export const CSRF_FIELD = '_csrf';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SLIDE_EVERY_MS = 60 * 1000;

export interface ApplicantSession {
  id: string;
  personId: string;
  email: string;
  csrf: string;
}

const cookieOptions = (c: Context, deps: WebDeps, maxAge: number) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  secure: isSecure(c, deps),
  path: '/',
  maxAge,
});

export async function createSession(c: Context, deps: WebDeps, personId: string, email: string): Promise<void> {
  const now = deps.clock.now();
  const token = randomToken();
  const old = getCookie(c, SESSION_COOKIE);
  await deps.sessions.create(
    {
      id: await sha256Hex(token),
      personId,
      email,
      csrf: randomToken(),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      lastSeenAt: now.toISOString(),
    },
    { now: now.toISOString(), ...(old && old.length <= 100 ? { replaces: await sha256Hex(old) } : {}) },
  );
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, SESSION_TTL_MS / 1000));
}

export async function loadSession(c: Context, deps: WebDeps): Promise<ApplicantSession | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const id = await sha256Hex(token);
  const now = deps.clock.now();
  const row = await deps.sessions.find(id);
  if (!row || row.expiresAt <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) > SLIDE_EVERY_MS) {
    await deps.sessions.slide(id, now.toISOString(), new Date(now.getTime() + SESSION_TTL_MS).toISOString());
    setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, SESSION_TTL_MS / 1000));
  }
  return { id, personId: row.personId, email: row.email, csrf: row.csrf };
}

export async function endSession(c: Context, deps: WebDeps): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && token.length <= 100) await deps.sessions.remove(await sha256Hex(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c, deps) });
}

async function bind(deps: WebDeps, cookieValue: string): Promise<string> {
  const secret = deps.settings.sessionSecret;
  return secret ? hmacBase64url(secret, `applicant-pre-session:${cookieValue}`) : cookieValue;
}

/** The hidden-field value for forms shown before sign-in; sets their cookie when missing. */
export async function preSessionToken(c: Context, deps: WebDeps): Promise<string> {
  let value = getCookie(c, PRE_COOKIE);
  if (!value || value.length > 100) {
    value = randomToken();
    setCookie(c, PRE_COOKIE, value, { ...cookieOptions(c, deps, 2 * 60 * 60), path: '/apply' });
  }
  return bind(deps, value);
}

export async function checkPreSessionToken(c: Context, deps: WebDeps, field: unknown): Promise<boolean> {
  const cookie = getCookie(c, PRE_COOKIE);
  if (!cookie || cookie.length > 100 || typeof field !== 'string') return false;
  return timingSafeEqual(field, await bind(deps, cookie));
}

export function checkSessionToken(session: ApplicantSession, field: unknown): boolean {
  return typeof field === 'string' && timingSafeEqual(field, session.csrf);
}
