/**
 * Sign-in throttling that slows guessing without handing anyone a way to lock the owner out.
 *
 * - Per email and address together ("pair"): five failures, then a delay before the next try
 *   that doubles with each further failure (1, 2, 4, 8 minutes, at most 15). Quiet for 15
 *   minutes, or a success, and the pair starts over. Someone guessing from their own address
 *   slows only themselves: the owner, from any other address, is not affected.
 * - Per address: 20 failures in 15 minutes, whichever accounts (a spray from one place).
 * - Per email: 50 failures in 15 minutes from all addresses together, a ceiling well above what
 *   one attacker's address can reach, so locking an account needs a sustained attack from many
 *   addresses, and ends 15 minutes after it stops.
 * Nothing here ever blocks indefinitely.
 */
import type { Context } from 'hono';
import { sql } from 'kysely';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { clientAddress } from '../../lib/client-address';

export const PAIR_FAILURES = 5;
export const ADDRESS_FAILURES = 20;
export const EMAIL_FAILURES = 50;
export const WINDOW_MS = 15 * 60 * 1000;
const FIRST_DELAY_MS = 60 * 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;

/** The client address, for the per-address limit (lib/client-address.ts). */
export function clientIp(c: Context<AdminEnv>, trustProxy = false): string {
  return clientAddress(c, trustProxy);
}

export interface ThrottleKeys {
  pair: string;
  email: string;
  ip: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const e = email.trim().toLowerCase();
  return { pair: `pair:${e}|${ip}`, email: `email:${e}`, ip: `ip:${ip}` };
}

const minutes = (ms: number) => (ms <= 0 ? 0 : Math.ceil(ms / 60000));

/** Minutes until the caller may try again (0: go ahead), without counting anything. */
export async function blockedFor(deps: AdminDeps, keys: ThrottleKeys, extra = 0): Promise<number> {
  const now = deps.clock.now().getTime();
  const rows = await deps.db.selectFrom('login_attempts').selectAll().where('key', 'in', [keys.pair, keys.email, keys.ip]).execute();
  let waitMs = 0;
  for (const r of rows) {
    if (r.key === keys.pair) {
      if (r.blocked_until) waitMs = Math.max(waitMs, Date.parse(r.blocked_until) - now);
      continue;
    }
    const limit = (r.key === keys.email ? EMAIL_FAILURES : ADDRESS_FAILURES) + extra;
    const end = Date.parse(r.window_start) + WINDOW_MS;
    if (r.failures >= limit && end > now) waitMs = Math.max(waitMs, end - now);
  }
  return minutes(waitMs);
}

/** Counts one attempt against every key (fixed windows; the pair's restarts after 15 quiet minutes). */
async function count(deps: AdminDeps, keys: ThrottleKeys, nowIso: string): Promise<void> {
  const floor = new Date(Date.parse(nowIso) - WINDOW_MS).toISOString();
  const upsert = (key: string, sliding: boolean) =>
    deps.db
      .insertInto('login_attempts')
      .values({ key, window_start: nowIso, failures: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          // An old window starts over (for a pair: 15 quiet minutes, and no block running).
          const stale = sliding
            ? eb.and([
                eb('login_attempts.window_start', '<', floor),
                eb.or([eb('login_attempts.blocked_until', 'is', null), eb('login_attempts.blocked_until', '<=', nowIso)]),
              ])
            : eb('login_attempts.window_start', '<', floor);
          return {
            failures: eb
              .case()
              .when(stale)
              .then(1)
              .else(eb('login_attempts.failures', '+', 1))
              .end(),
            strikes: eb.case().when(stale).then(0).else(eb.ref('login_attempts.strikes')).end(),
            window_start: sliding ? eb.val(nowIso) : eb.case().when(stale).then(nowIso).else(eb.ref('login_attempts.window_start')).end(),
          };
        }),
      );
  await deps.atomic.run([upsert(keys.pair, true), upsert(keys.email, false), upsert(keys.ip, false)]);
}

/**
 * Counts this attempt before its password is checked, and says whether it may go on (0) or how
 * many minutes to wait. Counting first matters: scrypt takes a tenth of a second, so twenty
 * guesses sent at once would all pass a check made before any of them was counted.
 */
export async function reserveAttempt(deps: AdminDeps, keys: ThrottleKeys): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  await count(deps, keys, nowIso);
  const pair = await deps.db.selectFrom('login_attempts').selectAll().where('key', '=', keys.pair).executeTakeFirst();
  if (pair?.blocked_until && pair.blocked_until > nowIso) return minutes(Date.parse(pair.blocked_until) - now.getTime());
  if (pair && pair.failures > PAIR_FAILURES) {
    // One more try is allowed after the block (failures back to the limit); each block doubles.
    const delay = Math.min(FIRST_DELAY_MS * 2 ** pair.strikes, MAX_DELAY_MS);
    const until = new Date(now.getTime() + delay).toISOString();
    const set = await deps.db
      .updateTable('login_attempts')
      .set((eb) => ({ blocked_until: until, strikes: eb('strikes', '+', 1), failures: PAIR_FAILURES - 1 }))
      .where('key', '=', keys.pair)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', nowIso)]))
      .executeTakeFirst();
    // Requests arriving together: the first sets the block, the others wait it out too.
    if (Number(set.numUpdatedRows) > 0) return minutes(delay);
    return blockedFor(deps, keys, 1);
  }
  return blockedFor(deps, keys, 1);
}

/**
 * A success clears the account's counters (pair and email), and takes back the address's count
 * for this attempt only: one good password must not reset a spray from that address.
 */
export async function clearFailures(deps: AdminDeps, keys: ThrottleKeys): Promise<void> {
  await deps.atomic.run([
    deps.db.deleteFrom('login_attempts').where('key', 'in', [keys.pair, keys.email]),
    deps.db
      .updateTable('login_attempts')
      .set((eb) => ({ failures: sql<number>`max(${eb.ref('failures')} - 1, 0)` }))
      .where('key', '=', keys.ip),
  ]);
}
