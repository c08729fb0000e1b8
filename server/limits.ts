/**
 * How much a request may send, decided before a byte of the body is read. Hono's body limit
 * answers 413 from Content-Length alone when there is one, and stops counting a chunked body at
 * the limit, so an anonymous sender can no longer make the server buffer and parse megabytes
 * before a signature or a session is checked.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const KB = 1024;

/**
 * Limits by path prefix, first match wins. Slack and Bot Framework payloads are tens of KB at most
 * (a full modal's view_submission is the largest); the playground sends one event; admin forms
 * are text fields, the largest being an FAQ answer or a call's text.
 */
export const BODY_LIMITS: { prefix: string; bytes: number }[] = [
  { prefix: '/slack/', bytes: 512 * KB },
  { prefix: '/api/messages', bytes: 512 * KB },
  { prefix: '/teams/', bytes: 256 * KB },
  { prefix: '/playground/', bytes: 64 * KB },
  { prefix: '/admin', bytes: 256 * KB },
];
/** Anything else that takes a body (sign-in pages, future routes). */
export const DEFAULT_BODY_LIMIT = 64 * KB;

export function limitFor(path: string): number {
  return BODY_LIMITS.find((l) => path.startsWith(l.prefix))?.bytes ?? DEFAULT_BODY_LIMIT;
}

/** One middleware for the whole app: a 413 with a sentence, and the limit in the log line. */
export function bodyLimits(onRefused: (path: string, limit: number) => void): MiddlewareHandler {
  const byLimit = new Map<number, MiddlewareHandler>();
  return (c, next) => {
    const limit = limitFor(c.req.path);
    let mw = byLimit.get(limit);
    if (!mw) {
      mw = bodyLimit({
        maxSize: limit,
        onError: (ctx) => {
          onRefused(ctx.req.path, limit);
          return ctx.json(
            { error: 'payload_too_large', message: `This request is larger than the ${Math.round(limit / KB)} KB this address accepts.` },
            413,
          );
        },
      });
      byLimit.set(limit, mw);
    }
    return mw(c, next);
  };
}
