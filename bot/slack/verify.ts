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
 * True when the request was signed with `secret` less than five minutes from `nowMs` (either way).
 * `nowMs` must be real time, not the product clock, which DIALOGUES_CLOCK may move into the past.
 */
export async function verifySlackSignature(secret: string, req: SignedRequest, nowMs: number): Promise<boolean> {
  const { timestamp, signature, rawBody } = req;
  if (!secret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !signature.startsWith('v0=')) return false;
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const hex = signature.slice(3);
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  const mac = Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  // Web Crypto's verify compares in constant time, so no hand-written comparison is needed.
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac, encoder.encode(`v0:${timestamp}:${rawBody}`));
}
