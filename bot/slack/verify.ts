/**
 * Slack request signing (docs.slack.dev/authentication/verifying-requests-from-slack) in Web
 * Crypto only, so the same check runs on Node and Workers.
 */

/** Slack allows five minutes; we reject both stale and future timestamps (python-slack-sdk does abs()). */
export const MAX_SKEW_SECONDS = 300;

export interface SignedRequest {
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  rawBody: string;
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keyCache.set(secret, key);
  }
  return key;
}

function toHex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export async function computeSignature(secret: string, timestamp: string, rawBody: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`v0:${timestamp}:${rawBody}`));
  return `v0=${toHex(mac)}`;
}

/**
 * A signature check: true when the request was signed with `secret` less than five minutes from
 * `nowMs`. The default is Web Crypto (Node and Workers); Node injects a synchronous one.
 */
export type SlackVerifier = (secret: string, req: SignedRequest, nowMs: number) => boolean | Promise<boolean>;

/**
 * The checks every verifier makes before any HMAC: headers present and well formed, timestamp
 * within five minutes either way. Returns the expected MAC in hex and the string it signs, or null.
 */
export function signedParts(secret: string, req: SignedRequest, nowMs: number): { hex: string; base: string } | null {
  const { timestamp, signature, rawBody } = req;
  if (!secret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !signature.startsWith('v0=')) return null;
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS) return null;
  const hex = signature.slice(3);
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  return { hex, base: `v0:${timestamp}:${rawBody}` };
}

/**
 * True when the request was signed with `secret` less than five minutes from `nowMs` (either way).
 * `nowMs` must be real time, not the product clock, which DIALOGUES_CLOCK may move into the past.
 */
export async function verifySlackSignature(secret: string, req: SignedRequest, nowMs: number): Promise<boolean> {
  const parts = signedParts(secret, req, nowMs);
  if (!parts) return false;
  const { hex, base } = parts;
  const mac = Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  // Web Crypto's verify compares in constant time, so no hand-written comparison is needed.
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac, encoder.encode(base));
}
