/**
 * The page at the server's root: what this service is and where to go, in the language the
 * browser asks for. Links only to what is switched on; no script, and a policy that allows none.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { direction, localeFromAcceptLanguage, t } from '../domain/i18n';

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57a4}';

export function homePage(c: Context, show: { apply: boolean; playground: boolean }) {
  const l = localeFromAcceptLanguage(c.req.header('accept-language'));
  c.header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  c.header('vary', 'accept-language');
  return c.html(html`<!doctype html>
<html lang="${l}" dir="${direction(l)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t(l, 'web.home.title')}</title><style>${STYLE}</style></head>
<body><main>
<h1>${t(l, 'web.home.title')}</h1>
<p>${t(l, 'web.home.lead')}</p>
<nav aria-label="${t(l, 'web.home.nav')}"><ul>
${show.apply ? html`<li><a href="/apply">${t(l, 'web.home.apply')}</a></li>` : ''}
${show.playground ? html`<li><a href="/playground">${t(l, 'web.home.playground')}</a></li>` : ''}
<li><a href="/admin">${t(l, 'web.home.admin')}</a></li>
<li><a href="/healthz">${t(l, 'web.home.health')}</a></li>
<li><a href="/privacy">${t(l, 'notice.link')}</a></li>
</ul></nav>
</main></body>
</html>`);
}
