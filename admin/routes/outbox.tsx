/**
 * "Retry now" for a message that keeps failing: back to pending with a fresh set of attempts,
 * due at once, and the outbox worker kicked. Audited; the message's content is not in the log.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import type { AdminDeps } from '../deps';
import { retryMessage } from '../commands/outbox';
import type { AdminEnv } from '../env';
import { done } from '../render';

const idParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/);

export function outboxRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.post('/:id/retry', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) return c.html('<p>Not a message id.</p>', 400);
    const row = await deps.db
      .selectFrom('outbox')
      .select(['id', 'status', 'attempts', 'purpose', 'platform'])
      .where('id', '=', id.data)
      .executeTakeFirst();
    if (!row || row.status === 'delivered' || row.status === 'sending') return done(c, '/admin', row ? 'retry_not_needed' : 'not_found');
    await retryMessage(deps, c.get('user'), row);
    deps.kickOutbox();
    return done(c, '/admin', 'retried');
  });
  return app;
}
