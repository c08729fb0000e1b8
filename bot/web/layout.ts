/**
 * The applicant pages' frame: language, title, skip link, header with navigation, one main
 * landmark. The stylesheet comes from this server (/apply/style.css): no inline style or script.
 */
import { html } from 'hono/html';
import { CSRF_FIELD, type ApplicantSession } from './session';
import { WEB_TEXT } from './messages';

type Html = ReturnType<typeof html>;

export interface PageOptions {
  title: string;
  session?: ApplicantSession | null;
}

export function page(opts: PageOptions, body: Html | Html[]): Html {
  const s = opts.session;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${opts.title} · ${WEB_TEXT.product}</title>
<link rel="stylesheet" href="/apply/style.css">
</head>
<body>
<a class="skip" href="#main">${WEB_TEXT.skip}</a>
<header class="top">
<a class="brand" href="/apply">${WEB_TEXT.product}</a>
${s ? html`<nav aria-label="Applicant"><ul>
<li><a href="/my">${WEB_TEXT.navMy}</a></li>
<li><form method="post" action="/apply/sign-out"><input type="hidden" name="${CSRF_FIELD}" value="${s.csrf}"><button type="submit" class="linkish">${WEB_TEXT.signOut}</button></form></li>
</ul></nav>` : ''}
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`;
}
