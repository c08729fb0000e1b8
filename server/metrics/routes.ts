/**
 * GET /metrics: for a Prometheus scraper with `Authorization: Bearer <METRICS_TOKEN>`, or for a
 * signed-in administrator. Anything else gets a 401 that says nothing about what is there.
 * GET /healthz stays public and cheap (server/app.ts).
 */
import { Hono } from 'hono';
import type { AppRoot } from '../root';
import { sha256Hex, timingSafeEqual } from '../../lib/crypto';
import { loadSession } from '../../admin/auth/session';
import { adminDeps } from '../admin-deps';
import { can, type Role } from '../../admin/auth/roles';
import type { AdminEnv } from '../../admin/env';
import { readStoredNumbers } from './stored';

export function metricsRoutes(deps: AppRoot): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  // /admin/metrics too: the session cookie is scoped to /admin, so that is where a browser sends it.
  app.on('GET', ['/metrics', '/admin/metrics'], async (c) => {
    if (!(await allowed(c.req.header('authorization'), deps, () => loadSession(c, adminDeps(deps))))) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.json({ error: 'unauthorized', message: 'Metrics need the metrics token or an administrator session.' }, 401);
    }
    const out = await deps.metrics.expose(await readStoredNumbers(deps.db, deps.clock.now()));
    return c.body(out.body, 200, { 'Content-Type': out.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}

async function allowed(
  authorization: string | undefined,
  deps: AppRoot,
  session: () => Promise<{ user: { role: Role } } | null>,
): Promise<boolean> {
  const token = deps.config.METRICS_TOKEN;
  const given = /^Bearer\s+(\S{1,512})$/i.exec(authorization ?? '')?.[1];
  if (token && given) {
    // Digests have equal length, so the comparison's time says nothing about the token.
    return timingSafeEqual(await sha256Hex(given), await sha256Hex(token));
  }
  const s = await session();
  return s !== null && can(s.user.role, 'audit');
}
