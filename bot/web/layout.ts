/**
 * The applicant pages' frame: language, title, skip link, header with navigation, one main
 * landmark. The stylesheet comes from this server (/apply/style.css): no inline style or script.
 */
import { html } from 'hono/html';
import { CSRF_FIELD, type ApplicantSession } from './session';
import { direction } from '../../domain/i18n';
import type { WebText } from './messages';

type Html = ReturnType<typeof html>;

export interface PageOptions {
  title: string;
  session?: ApplicantSession | null;
  text: WebText;
}

export function page(opts: PageOptions, body: Html | Html[]): Html {
  const s = opts.session;
  const W = opts.text;
  return html`<!doctype html>
<html lang="${W.locale}" dir="${direction(W.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${opts.title} · ${W.product}</title>
<link rel="stylesheet" href="/apply/style.css">
</head>
<body>
<a class="skip" href="#main">${W.skip}</a>
<header class="top">
<a class="brand" href="/apply">${W.product}</a>
${
  s
    ? html`<nav aria-label="${W.navLabel}"><ul>
<li><a href="/my">${W.navMy}</a></li>
<li><form method="post" action="/apply/sign-out"><input type="hidden" name="${CSRF_FIELD}" value="${s.csrf}"><button type="submit" class="linkish">${W.signOut}</button></form></li>
</ul></nav>`
    : ''
}
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="foot"><a href="/privacy">${W.privacyNotice}</a></footer>
</body>
</html>`;
}
