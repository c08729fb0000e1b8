/**
 * The admin panel: a Hono sub-app serving /admin/*. Server-rendered pages with hono/jsx, forms
 * that work without JavaScript, and only Web APIs, so it runs on Node and on Workers alike.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, statusOf } from '../domain/errors';
import type { AdminDeps } from './deps';
import { requireCsrf, requirePermission, requireSession } from './auth/guard';
import type { AdminEnv } from './env';
import type { Permission } from './auth/roles';
import { applicationRoutes } from './routes/applications';
import { authRoutes, logoutRoute } from './routes/auth';
import { auditRoutes } from './routes/audit';
import { balanceRoutes } from './routes/balance';
import { callRoutes } from './routes/calls';
import { channelRoutes } from './routes/channels';
import { dashboardRoutes } from './routes/dashboard';
import { dialogueRoutes } from './routes/dialogues';
import { faqRoutes } from './routes/faq';
import { questionRoutes } from './routes/questions';
import { objectionRoutes } from './routes/objections';
import { roundSettingsRoutes } from './routes/round-settings';
import { roundRoutes } from './routes/rounds';
import { reviewerRoutes } from './routes/reviewers';
import { installationRoutes } from './routes/installations';
import { userRoutes } from './routes/users';
import { outboxRoutes } from './routes/outbox';
import { privacyRoutes } from './routes/privacy';
import { ADMIN_CSS, ADMIN_JS } from '../generated/assets';

export { ensureFirstAdmin } from './commands/first-admin';

// Teams may host the panel as a tab (the same hosts as bot/teams/tab.ts: Microsoft's list for
// tabs, including the Microsoft 365 app and Outlook); nobody else may frame it.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com",
].join('; ');

export function createAdminApp(deps: AdminDeps): Hono {
  const admin = new Hono<AdminEnv>();

  admin.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  admin.get('/assets/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  admin.get('/assets/admin.js', (c) =>
    c.body(ADMIN_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );

  admin.route('/', authRoutes(deps));
  admin.use('*', requireSession(deps));
  admin.use('*', requireCsrf(deps));
  admin.route('/', logoutRoute(deps));
  admin.route('/', dashboardRoutes(deps));

  // Each area under the permission it needs, for the page itself and everything below it.
  const area = (path: string, permission: Permission, ...routes: Hono<AdminEnv>[]) => {
    admin.use(path, requirePermission(permission));
    admin.use(`${path}/*`, requirePermission(permission));
    for (const r of routes) admin.route(path, r);
  };
  area('/applications', 'applications', applicationRoutes(deps));
  area('/balance', 'applications', balanceRoutes(deps));
  // Review channels decide who may decide on applications: choosing them is an administrator's.
  admin.use('/channels/edit', requirePermission('reviewers'));
  area('/reviewers', 'reviewers', reviewerRoutes(deps));
  for (const [path, routes] of [
    ['/dialogues', dialogueRoutes],
    ['/calls', callRoutes],
    ['/faq', faqRoutes],
    ['/questions', questionRoutes],
    ['/channels', channelRoutes],
  ] as const)
    area(path, 'catalog', routes(deps));
  area('/rounds', 'rounds', roundSettingsRoutes(deps), roundRoutes(deps));
  admin.route('/objections', objectionRoutes(deps));
  // Other organisations' installations: turning one off stops a workspace or tenant, an administrator's call.
  area('/installations', 'installations', installationRoutes(deps));
  area('/users', 'users', userRoutes(deps));
  area('/audit', 'audit', auditRoutes(deps));
  // Data protection and the outbox: the secretariat and administrators (who also read the audit log).
  area('/privacy', 'audit', privacyRoutes(deps));
  area('/outbox', 'audit', outboxRoutes(deps));

  admin.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    const known = err instanceof AppError;
    if (!known) deps.log.error('admin.error', { err, path: new URL(c.req.url).pathname });
    const status = known ? statusOf(err.kind) : 500;
    const text = known ? err.message : 'Something went wrong on our side. The error has been logged; please try again.';
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error — Dialogue Desk admin</title><link rel="stylesheet" href="/admin/assets/admin.css"></head><body><main id="main"><h1>Sorry</h1><p>${escapeHtml(text)}</p><p><a href="/admin">Back to the dashboard</a></p></main></body></html>`,
      status,
    );
  });

  const root = new Hono();
  root.route('/admin', admin);
  return root;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
