/**
 * The OAuth `state` of "Add to Slack": a short-lived HS256 JWT (key derived from the client secret
 * with HKDF, so no new secret to configure) that is also stored, by its SHA-256, until used. The
 * signature and expiry turn away forged and stale values without a database read; the stored hash
 * makes each value work once (a replayed redirect finds nothing to take). The same value goes in
 * an HttpOnly cookie, so the redirect must come back to the browser that started the install.
 */
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'urn:dialogue-desk:slack-install';
const TTL_SECONDS = 10 * 60;
const enc = new TextEncoder();

/** Where state hashes are kept (implemented in db/, passed in by the composition root). */
export interface OauthStatePort {
  put(hash: string, expiresAt: Date): Promise<void>;
  /** True only the first time, and only before expiry. */
  take(hash: string, now: Date): Promise<boolean>;
}

export type StateCheck = { ok: true } | { ok: false; reason: 'missing' | 'cookie_mismatch' | 'bad_signature' | 'expired' | 'already_used' };

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function deriveKey(clientSecret: string): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', enc.encode(clientSecret), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('dialogue-desk'), info: enc.encode('slack oauth state v1') },
    ikm,
    256,
  );
  return new Uint8Array(bits);
}

/** Compares without an early exit: the time taken says nothing about where two values differ. */
function sameText(a: string, b: string): boolean {
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ (y[i] ?? 0);
  return diff === 0;
}

export interface OauthStates {
  issue(): Promise<{ state: string; maxAgeSeconds: number }>;
  check(state: string | undefined, cookie: string | undefined): Promise<StateCheck>;
}

/** `now` is real time (ms), not the product clock that DIALOGUES_CLOCK may set back. */
export function createOauthStates(clientSecret: string, port: OauthStatePort, now: () => number = Date.now): OauthStates {
  let key: Promise<Uint8Array> | null = null;
  const k = () => (key ??= deriveKey(clientSecret));
  return {
    async issue() {
      const iat = Math.floor(now() / 1000);
      const state = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setJti(crypto.randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(iat + TTL_SECONDS)
        .sign(await k());
      await port.put(await sha256Hex(state), new Date((iat + TTL_SECONDS) * 1000));
      return { state, maxAgeSeconds: TTL_SECONDS };
    },
    async check(state, cookie) {
      if (!state) return { ok: false, reason: 'missing' };
      if (!cookie || !sameText(state, cookie)) return { ok: false, reason: 'cookie_mismatch' };
      try {
        await jwtVerify(state, await k(), { issuer: ISSUER, algorithms: ['HS256'], currentDate: new Date(now()), clockTolerance: 0 });
      } catch (err) {
        return { ok: false, reason: (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'bad_signature' };
      }
      return (await port.take(await sha256Hex(state), new Date(now()))) ? { ok: true } : { ok: false, reason: 'already_used' };
    },
  };
}
