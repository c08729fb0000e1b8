/**
 * Password hashing with scrypt. The parameters travel with the hash, so they can be raised later
 * without breaking old hashes. Format: scrypt$<log2 N>$<r>$<p>$<salt b64url>$<hash b64url>
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { base64url, fromBase64url, timingSafeEqual } from '../../lib/crypto';

export interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  dkLen: number;
}
/** scrypt over the UTF-8 bytes of the password; the same bytes out whichever implementation runs. */
export type Scrypt = (password: string, salt: Uint8Array, o: ScryptOptions) => Promise<Uint8Array>;

// @noble/hashes is pure JavaScript, so it runs on Workers. On a server it holds the event loop
// (in 10 ms slices) for the whole derivation and leaves its 32 MiB block to the garbage
// collector, so the Node entry installs OpenSSL's scrypt instead (server/node-scrypt.ts): it
// runs on the thread pool and frees its memory when it is done. Both give the same hash.
let scrypt: Scrypt = (password, salt, o) => scryptAsync(password, salt, o);

/** Installs the scrypt implementation of the runtime (called once by the Node entry). */
export function useScrypt(impl: Scrypt): void {
  scrypt = impl;
}

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

// 2^15 x 8 = 32 MiB: well within a Worker's 128 MiB, about 0.1-0.2 s on a server core.
const DEFAULT: ScryptParams = { logN: 15, r: 8, p: 1 };

/** The parameters for new hashes at a work factor (log2 N, PASSWORD_HASH_COST); the default without one. */
export function passwordParams(logN?: number): ScryptParams {
  return logN === undefined ? DEFAULT : { ...DEFAULT, logN };
}
const DK_LEN = 32;

export async function hashPassword(password: string, params: ScryptParams = DEFAULT): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await scrypt(password.normalize('NFKC'), salt, { N: 2 ** params.logN, r: params.r, p: params.p, dkLen: DK_LEN });
  return ['scrypt', params.logN, params.r, params.p, base64url(salt), base64url(hash)].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rs, ps, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined || rest.length > 0) return false;
  const [logN, r, p] = [Number(n), Number(rs), Number(ps)];
  // Refuse absurd parameters from a tampered row rather than burning the CPU on them.
  if (!(logN >= 10 && logN <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return false;
  const expected = fromBase64url(hash);
  const actual = await scrypt(password.normalize('NFKC'), fromBase64url(salt), { N: 2 ** logN, r, p, dkLen: expected.length });
  return timingSafeEqual(actual, expected);
}

// Verified against when the email is unknown, so that a wrong email costs as long as a wrong
// password: made with the same parameters as the real hashes.
const dummies = new Map<number, Promise<string>>();
export function dummyHash(params: ScryptParams = DEFAULT): Promise<string> {
  const known = dummies.get(params.logN);
  if (known) return known;
  const dummy = hashPassword('not a real password', params);
  dummies.set(params.logN, dummy);
  return dummy;
}
