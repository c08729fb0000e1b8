/** Request helpers for the applicant pages: who is asking from where, and security headers. */
import type { Context } from 'hono';
import type { WebDeps } from './settings';

export { clientAddress } from '../../lib/client-address';

/** Secure cookies when the public address or this request is https. */
export function isSecure(c: Context, deps: WebDeps): boolean {
  if (deps.settings.publicUrl?.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('x-forwarded-proto') === 'https';
}

/** False when the browser says the request was sent from another site. */
export function sameOrigin(c: Context, deps: WebDeps): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  const allowed = new Set([new URL(c.req.url).origin]);
  if (deps.settings.publicUrl) allowed.add(new URL(deps.settings.publicUrl).origin);
  return allowed.has(origin);
}

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Pages with no script at all: the strictest policy that still loads our stylesheet. */
export function pageHeaders(c: Context): void {
  c.header('content-security-policy', CSP);
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts,
  // which the same-origin check must refuse; nothing leaks to other sites either way.
  c.header('referrer-policy', 'same-origin');
  c.header('cache-control', 'no-store');
  c.header('x-content-type-options', 'nosniff');
  c.header('x-frame-options', 'DENY');
}
