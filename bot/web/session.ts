/**
 * Applicant sessions, separate from the admin panel's: their own cookie (dd_applicant) and table.
 * The cookie holds a random token; the table only its SHA-256, so a leaked row cannot be replayed.
 * Before sign-in, forms carry a token bound to a short-lived cookie (double submit, keyed with
 * SESSION_SECRET when set); after, the session's own CSRF token.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../../server/deps';
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

const cookieOptions = (c: Context, deps: AppDeps, maxAge: number) =>
  ({ httpOnly: true, sameSite: 'Lax' as const, secure: isSecure(c, deps), path: '/', maxAge });

export async function createSession(c: Context, deps: AppDeps, personId: string, email: string): Promise<void> {
  const now = deps.clock.now();
  const token = randomToken();
  const old = getCookie(c, SESSION_COOKIE);
  await deps.atomic.run([
    deps.db.deleteFrom('applicant_sessions').where('expires_at', '<', now.toISOString()),
    ...(old && old.length <= 100 ? [deps.db.deleteFrom('applicant_sessions').where('id', '=', await sha256Hex(old))] : []),
    deps.db.insertInto('applicant_sessions').values({
      id: await sha256Hex(token), person_id: personId, email, csrf_token: randomToken(),
      created_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(), last_seen_at: now.toISOString(),
    }),
  ]);
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, SESSION_TTL_MS / 1000));
}

export async function loadSession(c: Context, deps: AppDeps): Promise<ApplicantSession | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const id = await sha256Hex(token);
  const now = deps.clock.now();
  const row = await deps.db.selectFrom('applicant_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > SLIDE_EVERY_MS) {
    await deps.db.updateTable('applicant_sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id', '=', id).execute();
    setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, SESSION_TTL_MS / 1000));
  }
  return { id, personId: row.person_id, email: row.email, csrf: row.csrf_token };
}

export async function endSession(c: Context, deps: AppDeps): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && token.length <= 100) await deps.db.deleteFrom('applicant_sessions').where('id', '=', await sha256Hex(token)).execute();
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c, deps) });
}

async function bind(deps: AppDeps, cookieValue: string): Promise<string> {
  const secret = deps.config.SESSION_SECRET;
  return secret ? hmacBase64url(secret, `applicant-pre-session:${cookieValue}`) : cookieValue;
}

/** The hidden-field value for forms shown before sign-in; sets their cookie when missing. */
export async function preSessionToken(c: Context, deps: AppDeps): Promise<string> {
  let value = getCookie(c, PRE_COOKIE);
  if (!value || value.length > 100) {
    value = randomToken();
    setCookie(c, PRE_COOKIE, value, { ...cookieOptions(c, deps, 2 * 60 * 60), path: '/apply' });
  }
  return bind(deps, value);
}

export async function checkPreSessionToken(c: Context, deps: AppDeps, field: unknown): Promise<boolean> {
  const cookie = getCookie(c, PRE_COOKIE);
  if (!cookie || cookie.length > 100 || typeof field !== 'string') return false;
  return timingSafeEqual(field, await bind(deps, cookie));
}

export function checkSessionToken(session: ApplicantSession, field: unknown): boolean {
  return typeof field === 'string' && timingSafeEqual(field, session.csrf);
}
