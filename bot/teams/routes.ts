/**
 * POST /api/messages: the Bot Framework endpoint. Authentication comes before anything else:
 * a missing token is a 401 and a bad one a 403 (REFERENCE §8), and neither stores or sends a
 * thing. The raw body is read once and parsed with zod.
 */
import { Hono } from 'hono';
import { parsePlatformJson } from '../core/json';
import type { AppDeps } from '../../server/deps';
import type { Verifier } from './auth';
import { activitySchema } from './schema';
import { handleActivity, type TurnContext } from './turn';

export function messagesRoutes(deps: AppDeps, verifier: Verifier | null, turn: TurnContext): Hono {
  const app = new Hono();
  app.post('/api/messages', async (c) => {
    const authorization = c.req.header('authorization');
    if (!authorization) return c.json({ error: 'unauthorized' }, 401);
    if (!verifier) return c.json({ error: 'teams_not_configured' }, 503);

    const body = parsePlatformJson(await c.req.text());
    if (!body.ok) return c.json({ error: 'bad_request' }, 400);
    const json = body.value;
    const parsed = activitySchema.safeParse(json);
    if (!parsed.success) return c.json({ error: 'bad_request' }, 400);
    const activity = parsed.data;

    const auth = await verifier.verify(authorization, activity.serviceUrl);
    if (!auth.ok) {
      deps.log.warn('teams_auth_failed', { reason: auth.reason, status: auth.status });
      return c.json({ error: auth.status === 401 ? 'unauthorized' : 'forbidden' }, auth.status);
    }

    try {
      const res = await handleActivity(turn, activity);
      if (res.body === undefined) return c.body(null, res.status as 200);
      return c.json(res.body as object, res.status as 200);
    } catch (e) {
      deps.log.error('teams_turn_failed', { error: e, activityType: activity.type, name: activity.name });
      if (activity.type === 'invoke') {
        // Teams shows this to the person; the details stay in the log.
        return c.json({ statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: 'Something went wrong. Please try again.' } });
      }
      return c.json({ error: 'internal' }, 500);
    }
  });
  return app;
}
