/**
 * The applicant web pages (/apply, /my): sign in with a code sent by email, then the same
 * application form, status, edit, withdraw and answers to reviewers as in Slack and Teams.
 * Server-rendered HTML with no script, so it works on any phone and with assistive technology.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WebDeps } from './settings';
import { applyRoutes } from './apply';
import { myRoutes } from './my';
import { signInRoutes } from './sign-in';
import { WEB_CSS } from '../../generated/assets';
import { textFor } from './messages';

export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  if (!deps.settings.enabled) return app;
  const limit = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => c.text(textFor(c).errors.tooLarge, 413),
  });
  app.post('/apply/*', limit);
  app.post('/my/*', limit);
  app.get('/apply/style.css', (c) =>
    c.body(WEB_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }),
  );
  const { showApplication } = applyRoutes(app, deps);
  signInRoutes(app, deps, showApplication);
  myRoutes(app, deps);
  return app;
}
