/**
 * Middleware: who is signed in, whether a change really comes from the panel, and whether the
 * user's role allows the page.
 */
import type { MiddlewareHandler } from 'hono';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { Layout } from '../views/layout';
import { checkSessionToken, sameOrigin } from './csrf';
import { can, type Permission } from './roles';
import { loadSession } from './session';

export function requireSession(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = await loadSession(c, deps);
    if (!session) {
      const url = new URL(c.req.url);
      const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
      return c.redirect(`/admin/login${next}`, c.req.method === 'GET' ? 302 : 303);
    }
    c.set('user', session.user);
    c.set('sessionId', session.sessionId);
    c.set('csrf', session.csrf);
    await next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireCsrf(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (!sameOrigin(c, deps) || !(await checkSessionToken(c))) {
      deps.log.warn('admin.csrf_refused', { path: new URL(c.req.url).pathname });
      return c.html(
        <Layout title="Request refused" user={c.get('user')} csrf={c.get('csrf')}>
          <h1>Request refused</h1>
          <p>This change did not come from a page of this panel, or the page had expired. Nothing was changed.</p>
          <p>
            <a href="/admin">Back to the dashboard</a> and try again.
          </p>
        </Layout>,
        403,
      );
    }
    await next();
  };
}

export function requirePermission(permission: Permission): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (can(c.get('user').role, permission)) return next();
    return c.html(
      <Layout title="Not allowed" user={c.get('user')} csrf={c.get('csrf')}>
        <h1>Not allowed</h1>
        <p>Your role ({c.get('user').role}) does not give access to this page. Ask an administrator if you need it.</p>
      </Layout>,
      403,
    );
  };
}
