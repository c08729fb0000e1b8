/**
 * Slack request signatures on Node with node:crypto. Web Crypto (bot/slack/verify.ts) answers
 * through a promise that settles on a later turn of the event loop, with a copy of the body into
 * a transferable buffer; on the ack path that is a measurable share of each request. HMAC-SHA256
 * of a few kilobytes takes microseconds, so here it runs synchronously. Same checks, same answers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signedParts, type SignedRequest } from '../bot/slack/verify';

export function verifySlackSignatureSync(secret: string, req: SignedRequest, nowMs: number): boolean {
  const parts = signedParts(secret, req, nowMs);
  if (!parts) return false;
  const expected = createHmac('sha256', secret).update(parts.base).digest();
  // Both are 32 bytes (signedParts accepts exactly 64 hex digits); the comparison is constant-time.
  return timingSafeEqual(expected, Buffer.from(parts.hex, 'hex'));
}
