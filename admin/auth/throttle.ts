/**
 * Failed sign-ins counted per email and per client address in fixed 15-minute windows. Both
 * keys are checked so that one address cannot try many accounts, nor many addresses one account.
 */
import type { Context } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../../server/deps';
import type { AdminEnv } from '../env';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * The client address: the socket on Node, Cloudflare's header on Workers. X-Forwarded-For is
 * trusted only with TRUST_PROXY, and then only its last entry (the one our own proxy added),
 * since a client can put anything before it to dodge the per-address limit.
 */
export function clientIp(c: Context<AdminEnv>, trustProxy = false): string {
  const socket = c.env?.incoming?.socket?.remoteAddress;
  if (socket && trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (forwarded) return forwarded;
  }
  if (socket) return socket;
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** Minutes until the caller may try again, or 0 when fewer than `limit` attempts are counted. */
export async function blockedFor(deps: AppDeps, keys: string[], limit = MAX_FAILURES): Promise<number> {
  const now = deps.clock.now().getTime();
  const rows = await deps.db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
  let waitMs = 0;
  for (const r of rows) {
    const end = Date.parse(r.window_start) + WINDOW_MS;
    if (r.failures >= limit && end > now) waitMs = Math.max(waitMs, end - now);
  }
  return waitMs === 0 ? 0 : Math.ceil(waitMs / 60000);
}

export async function recordFailure(deps: AppDeps, keys: string[]): Promise<void> {
  const now = deps.clock.now();
  const windowFloor = new Date(now.getTime() - WINDOW_MS).toISOString();
  await deps.atomic.run(
    keys.map((key) =>
      deps.db
        .insertInto('login_attempts')
        .values({ key, window_start: now.toISOString(), failures: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            // An old window starts over; a current one counts up.
            failures: eb.case().when('login_attempts.window_start', '<', windowFloor).then(1).else(eb('login_attempts.failures', '+', 1)).end(),
            window_start: eb.case().when('login_attempts.window_start', '<', windowFloor).then(now.toISOString()).else(eb.ref('login_attempts.window_start')).end(),
          })),
        ),
    ),
  );
}

/**
 * Counts this attempt before its password is checked, and says whether it is within the limit
 * (0) or how many minutes to wait. Counting first matters: scrypt takes a tenth of a second, so
 * twenty guesses sent at once would all pass a check made before any of them was counted. Each
 * increment is atomic, so at most MAX_FAILURES attempts per key and window see a count within it.
 */
export async function reserveAttempt(deps: AppDeps, keys: string[]): Promise<number> {
  await recordFailure(deps, keys);
  return blockedFor(deps, keys, MAX_FAILURES + 1);
}

/**
 * A success clears the account's counter, and takes back the address's count for this attempt
 * only: one good password must not reset a spray from that address.
 */
export async function clearFailures(deps: AppDeps, email: string, ip?: string): Promise<void> {
  const queries = [deps.db.deleteFrom('login_attempts').where('key', '=', `email:${email.trim().toLowerCase()}`)];
  if (ip !== undefined) {
    queries.push(deps.db.updateTable('login_attempts').set((eb) => ({ failures: sql<number>`max(${eb.ref('failures')} - 1, 0)` })).where('key', '=', `ip:${ip}`) as never);
  }
  await deps.atomic.run(queries);
}
