/**
 * One-time sign-in codes: six digits, valid 10 minutes, single use, five tries. Only a hash is
 * stored (keyed with SESSION_SECRET when set); the code reaches the person by email through the
 * outbox, whose copy is emptied once sent. Limits: five codes per address and twenty per client
 * in any hour. Asking for a code says nothing about whether the address is known: every address
 * gets one, and an unknown one simply becomes a new person at sign-in.
 */
import type { WebDeps } from './settings';
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

async function hashCode(deps: WebDeps, codeId: string, code: string): Promise<string> {
  return sha256Hex(`${deps.settings.sessionSecret ?? ''}:sign-in:${codeId}:${code}`);
}

export const clientKeyOf = (deps: WebDeps, address: string) => sha256Hex(`${deps.settings.sessionSecret ?? ''}:client:${address}`);

export const codeMessageKey = (codeId: string) => `sign_in:${codeId}`;

/**
 * Records a new code, then counts: a request over either limit takes its row back and sends
 * nothing. Counting after the insert means requests racing each other cannot all pass.
 */
export async function issueCode(deps: WebDeps, email: string, clientAddress: string, W: WebText): Promise<IssueResult> {
  const now = deps.clock.now();
  const codeId = crypto.randomUUID();
  const code = sixDigitCode();
  const clientKey = await clientKeyOf(deps, clientAddress);
  await deps.codes.insert({
    id: codeId,
    email,
    codeHash: await hashCode(deps, codeId, code),
    clientKey,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
  });
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const [perAddress, perClient] = await Promise.all([
    deps.codes.countSince('email', email, since),
    deps.codes.countSince('client', clientKey, since),
  ]);
  if (perAddress > CODES_PER_ADDRESS_PER_HOUR || perClient > CODES_PER_CLIENT_PER_HOUR) {
    await deps.codes.remove(codeId);
    return { ok: false, reason: perAddress > CODES_PER_ADDRESS_PER_HOUR ? 'address_limit' : 'client_limit' };
  }
  const message: OutboundMessage = {
    recipient: { platform: 'email', kind: 'user', address: email, locale: W.locale },
    purpose: 'sign_in_code',
    replies: [{ kind: 'card', card: { title: W.codeMailTitle(code), text: W.codeMailText(code) } }],
    dedupeKey: codeMessageKey(codeId),
  };
  await deps.store.enqueue([message], now.toISOString());
  deps.deliverSoon();
  return { ok: true, codeId };
}

/**
 * Counts the try before comparing (so parallel guesses cannot exceed five), then uses the code
 * up in a statement that only succeeds once.
 */
export async function verifyCode(deps: WebDeps, codeId: string, code: string): Promise<VerifyResult> {
  const now = deps.clock.now().toISOString();
  const row = await deps.codes.countTry(codeId, MAX_TRIES);
  if (!row) return { ok: false, reason: (await deps.codes.exists(codeId)) ? 'void' : 'unknown' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (!timingSafeEqual(await hashCode(deps, codeId, code), row.codeHash)) {
    const triesLeft = MAX_TRIES - row.attempts;
    return triesLeft > 0 ? { ok: false, reason: 'wrong', triesLeft } : { ok: false, reason: 'void' };
  }
  if (!(await deps.codes.useUp(codeId, now))) return { ok: false, reason: 'void' };
  return { ok: true, email: row.email };
}

/** True while the email with this code waits for a mail server that has failed at least once. */
export async function mailDelayed(deps: WebDeps, codeId: string): Promise<boolean> {
  return deps.codes.mailDelayed(codeMessageKey(codeId));
}
