/** Who is asking from where, the same for the admin panel's and the applicant pages' limits. */
import type { Context } from 'hono';

/** What @hono/node-server puts in the bindings: the request's socket (absent on Workers). */
type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The client address: the socket on Node, Cloudflare's header on Workers. X-Forwarded-For is
 * trusted only with TRUST_PROXY, and then only its last entry (the one our own proxy added),
 * since a client can put anything before it to dodge a per-address limit.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const bindings: NodeBindings | undefined = c.env;
  const socket = bindings?.incoming?.socket?.remoteAddress;
  if (socket && trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (forwarded) return forwarded;
  }
  return socket ?? c.req.header('cf-connecting-ip') ?? 'unknown';
}
