/**
 * One-time sign-in codes: six digits, valid 10 minutes, single use, five tries. Only a hash is
 * stored (keyed with SESSION_SECRET when set); the code reaches the person by email through the
 * outbox, whose copy is emptied once sent. Limits: five codes per address and twenty per client
 * in any hour. Asking for a code says nothing about whether the address is known: every address
 * gets one, and an unknown one simply becomes a new person at sign-in.
 */
import type { AppDeps } from '../../server/deps';
import { newId } from '../../db/json';
import type { OutboundMessage } from '../../domain/messages';
import { sha256Hex, timingSafeEqual } from '../../lib/crypto';
import { sixDigitCode } from './crypto';
import type { WebText } from './messages';

export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_TRIES = 5;
export const CODES_PER_ADDRESS_PER_HOUR = 5;
export const CODES_PER_CLIENT_PER_HOUR = 20;
const HOUR_MS = 60 * 60 * 1000;

export type IssueResult = { ok: true; codeId: string } | { ok: false; reason: 'address_limit' | 'client_limit' };
export type VerifyResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'void' | 'expired' | 'unknown' };

async function hashCode(deps: AppDeps, codeId: string, code: string): Promise<string> {
  return sha256Hex(`${deps.config.SESSION_SECRET ?? ''}:sign-in:${codeId}:${code}`);
}

export const clientKeyOf = (deps: AppDeps, address: string) => sha256Hex(`${deps.config.SESSION_SECRET ?? ''}:client:${address}`);

export const codeMessageKey = (codeId: string) => `sign_in:${codeId}`;

/**
 * Records a new code, then counts: a request over either limit takes its row back and sends
 * nothing. Counting after the insert means requests racing each other cannot all pass.
 */
export async function issueCode(deps: AppDeps, email: string, clientAddress: string, W: WebText): Promise<IssueResult> {
  const now = deps.clock.now();
  const codeId = newId();
  const code = sixDigitCode();
  const clientKey = await clientKeyOf(deps, clientAddress);
  await deps.db.insertInto('sign_in_codes').values({
    id: codeId, email, code_hash: await hashCode(deps, codeId, code), client_key: clientKey,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
  }).execute();
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const count = async (column: 'email' | 'client_key', value: string) => Number((await deps.db.selectFrom('sign_in_codes')
    .select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', value).where('created_at', '>', since).executeTakeFirst())?.n ?? 0);
  const [perAddress, perClient] = await Promise.all([count('email', email), count('client_key', clientKey)]);
  if (perAddress > CODES_PER_ADDRESS_PER_HOUR || perClient > CODES_PER_CLIENT_PER_HOUR) {
    await deps.db.deleteFrom('sign_in_codes').where('id', '=', codeId).execute();
    return { ok: false, reason: perAddress > CODES_PER_ADDRESS_PER_HOUR ? 'address_limit' : 'client_limit' };
  }
  const message: OutboundMessage = {
    recipient: { platform: 'email', kind: 'user', address: email, locale: W.locale },
    purpose: 'sign_in_code',
    replies: [{ kind: 'card', card: { title: W.codeMailTitle(code), text: W.codeMailText(code) } }],
    dedupeKey: codeMessageKey(codeId),
  };
  await deps.store.enqueue([message], now.toISOString());
  deps.kickOutbox();
  return { ok: true, codeId };
}

/**
 * Counts the try before comparing (so parallel guesses cannot exceed five), then uses the code
 * up in a statement that only succeeds once.
 */
export async function verifyCode(deps: AppDeps, codeId: string, code: string): Promise<VerifyResult> {
  const now = deps.clock.now().toISOString();
  const row = await deps.db.updateTable('sign_in_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', codeId).where('used_at', 'is', null).where('attempts', '<', MAX_TRIES)
    .returning(['email', 'code_hash', 'attempts', 'expires_at'])
    .executeTakeFirst();
  if (!row) {
    const exists = await deps.db.selectFrom('sign_in_codes').select('id').where('id', '=', codeId).executeTakeFirst();
    return { ok: false, reason: exists ? 'void' : 'unknown' };
  }
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  if (!timingSafeEqual(await hashCode(deps, codeId, code), row.code_hash)) {
    const triesLeft = MAX_TRIES - row.attempts;
    return triesLeft > 0 ? { ok: false, reason: 'wrong', triesLeft } : { ok: false, reason: 'void' };
  }
  const used = await deps.db.updateTable('sign_in_codes').set({ used_at: now })
    .where('id', '=', codeId).where('used_at', 'is', null).executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: 'void' };
  return { ok: true, email: row.email };
}

/** True while the email with this code waits for a mail server that has failed at least once. */
export async function mailDelayed(deps: AppDeps, codeId: string): Promise<boolean> {
  const row = await deps.db.selectFrom('outbox').select(['status', 'attempts']).where('dedupe_key', '=', codeMessageKey(codeId)).executeTakeFirst();
  return !!row && row.status !== 'delivered' && row.attempts > 0;
}
