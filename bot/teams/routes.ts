/**
 * POST /api/messages: the Bot Framework endpoint. Authentication comes before anything else:
 * a missing token is a 401 and a bad one a 403 (Bot Framework REST connector authentication), and neither stores or sends a
 * thing. The token is checked before the body is parsed; the raw body is read once (after the
 * app-wide size limit) and parsed with zod; activities from other tenants are refused.
 */
import { Hono } from 'hono';
import { AppError, statusOf } from '../../domain/errors';
import { localeFromTag, t } from '../../domain/i18n';
import { parseInboundJson } from '../../lib/json';
import type { Logger } from '../core/host';
import { matchesServiceUrl, type Verifier } from './auth';
import { tenantOf } from './parse';
import type { TeamsTenants } from './settings';
import { isLoopbackUrl } from './dev-playground';
import { activitySchema } from './schema';
import { handleActivity, type TurnContext } from './turn';

export function messagesRoutes(
  deps: { log: Logger },
  verifier: Verifier | null,
  turn: TurnContext,
  opts: { devPlayground?: boolean; allowedTenants?: string[] | null; tenants?: TeamsTenants } = {},
): Hono {
  const app = new Hono();
  // The Agents Playground sends no token (dev-playground.ts): in that mode only activities that
  // name a loopback connector are handled, and nothing else changes.
  const playground = opts.devPlayground === true;
  app.post('/api/messages', async (c) => {
    let token: Awaited<ReturnType<Verifier['verifyToken']>> | null = null;
    if (!playground) {
      const authorization = c.req.header('authorization');
      if (!authorization) return c.json({ error: 'unauthorized' }, 401);
      if (!verifier) return c.json({ error: 'teams_not_configured' }, 503);

      // The token first: nothing from an unauthenticated sender is parsed.
      token = await verifier.verifyToken(authorization);
      if (!token.ok) {
        deps.log.warn('teams_auth_failed', { reason: token.reason, status: token.status });
        return c.json({ error: token.status === 401 ? 'unauthorized' : 'forbidden' }, token.status);
      }
    }

    const body = parseInboundJson(await c.req.text());
    if (!body.ok) return c.json({ error: 'bad_request' }, 400);
    const json = body.value;
    const parsed = activitySchema.safeParse(json);
    if (!parsed.success) return c.json({ error: 'bad_request' }, 400);
    const activity = parsed.data;

    if (token) {
      const auth = matchesServiceUrl(token, activity.serviceUrl);
      if (!auth.ok) {
        deps.log.warn('teams_auth_failed', { reason: auth.reason, status: auth.status });
        return c.json({ error: 'forbidden' }, auth.status);
      }
    } else if (!isLoopbackUrl(activity.serviceUrl)) {
      return c.json({ error: 'unauthorized' }, 401);
    }
    // Only the allowed tenants (TEAMS_ALLOWED_TENANTS; TEAMS_TENANT_ID alone: that one, as a
    // single-tenant bot): another tenant's activity (an organisation that uploaded the package
    // without being let in, a shared channel across organisations) changes nothing here.
    const tenant = tenantOf(activity)?.toLowerCase();
    const allowed = opts.allowedTenants;
    if (allowed && (!tenant || !allowed.includes(tenant))) {
      deps.log.warn('teams_other_tenant', { activityType: activity.type, tenant: tenant ?? null });
      return c.json(
        { error: 'forbidden', message: 'This organisation is not allowed to use this bot. Ask the secretariat to add your tenant.' },
        403,
      );
    }
    // An allowed tenant that an administrator turned off on the Installations page.
    if (tenant && opts.tenants && !(await opts.tenants.admit(tenant))) {
      deps.log.warn('teams_tenant_disabled', { activityType: activity.type, tenant });
      return c.json({ error: 'forbidden', message: 'The use of this bot by your organisation is turned off. Ask the secretariat.' }, 403);
    }

    try {
      const res = await handleActivity(turn, activity);
      if (res.body === undefined) return c.body(null, res.status);
      return c.json(res.body, res.status);
    } catch (e) {
      if (e instanceof AppError) {
        // A refusal, not a failure: the person reads its sentence; the edge picks the status.
        deps.log.warn('teams_turn_refused', { kind: e.kind, code: e.code, activityType: activity.type });
        if (activity.type === 'invoke') {
          return c.json({
            statusCode: statusOf(e.kind),
            type: 'application/vnd.microsoft.error',
            value: { code: e.code, message: e.message },
          });
        }
        return c.json({ error: e.code, message: e.message }, statusOf(e.kind));
      }
      deps.log.error('teams_turn_failed', { error: e, activityType: activity.type, name: activity.name });
      if (activity.type === 'invoke') {
        // Teams shows this to the person; the details stay in the log.
        return c.json({
          statusCode: 500,
          type: 'application/vnd.microsoft.error',
          value: { code: 'InternalError', message: t(localeFromTag(activity.locale) ?? 'en', 'common.error.generic') },
        });
      }
      return c.json({ error: 'internal' }, 500);
    }
  });
  return app;
}
