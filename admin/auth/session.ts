/**
 * Sessions: the cookie holds a random token, the table holds only its SHA-256, so a leaked
 * database row cannot be replayed as a cookie. Expiry slides: 12 hours after the last request.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AdminDeps } from '../deps';
import type { AdminEnv, SessionUser } from '../env';
import { randomToken, sha256Hex } from '../../lib/crypto';
import { isRole } from './roles';

export const SESSION_COOKIE = 'dd_admin';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// Writing last_seen on every request would turn every page view into a write; once a minute is plenty.
const SLIDE_EVERY_MS = 60 * 1000;

/** Secure cookies when the public address or this request is https; plain http only for local use. */
export function isSecure(c: Context<AdminEnv>, deps: AdminDeps): boolean {
  if (deps.settings.publicUrl?.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('x-forwarded-proto') === 'https';
}

export function cookieOptions(c: Context<AdminEnv>, deps: AdminDeps, maxAgeSeconds?: number) {
  return { httpOnly: true, sameSite: 'Lax' as const, secure: isSecure(c, deps), path: '/admin', maxAge: maxAgeSeconds };
}

/** Starts a fresh session (never reuses one from before sign-in) and sets its cookie. */
export async function createSession(c: Context<AdminEnv>, deps: AdminDeps, userId: string): Promise<void> {
  const now = deps.clock.now();
  const token = randomToken();
  const old = getCookie(c, SESSION_COOKIE);
  const queries = [
    deps.db.deleteFrom('admin_sessions').where('expires_at', '<', now.toISOString()),
    deps.db.insertInto('admin_sessions').values({
      id: await sha256Hex(token),
      user_id: userId,
      csrf_token: randomToken(),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      last_seen_at: now.toISOString(),
    }),
  ];
  if (old) queries.push(deps.db.deleteFrom('admin_sessions').where('id', '=', await sha256Hex(old)));
  await deps.atomic.run(queries);
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, SESSION_TTL_MS / 1000));
}

export interface LoadedSession {
  sessionId: string;
  csrf: string;
  user: SessionUser;
}

/** The signed-in user, or null; slides the expiry forward while the session is in use. */
export async function loadSession(c: Context<AdminEnv>, deps: AdminDeps): Promise<LoadedSession | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const id = await sha256Hex(token);
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('admin_sessions as s')
    .innerJoin('admin_users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.disabled',
      'u.state_party',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString() || !isRole(row.role)) return null;
  if (row.role === 'state_party' && !row.state_party) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > SLIDE_EVERY_MS) {
    await deps.db
      .updateTable('admin_sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id', '=', id)
      .execute();
    setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, SESSION_TTL_MS / 1000));
  }
  return {
    sessionId: id,
    csrf: row.csrf_token,
    user: { id: row.user_id, email: row.email, displayName: row.display_name, role: row.role, stateParty: row.state_party },
  };
}

export async function destroySession(c: Context<AdminEnv>, deps: AdminDeps): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token)
    await deps.db
      .deleteFrom('admin_sessions')
      .where('id', '=', await sha256Hex(token))
      .execute();
  deleteCookie(c, SESSION_COOKIE, { path: '/admin', secure: isSecure(c, deps) });
}
