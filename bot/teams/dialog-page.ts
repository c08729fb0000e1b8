/**
 * The web form a Teams dialog hosts: an HTML shell with the first answer embedded as JSON, and a
 * script served from this server (the CSP allows no inline script or style). The script renders
 * each step with the shared form renderer, posts it to /teams/dialog/api, and at the end hands
 * the reference to Teams with dialog.url.submit, which closes the dialog.
 */
import { html, raw } from 'hono/html';
import { direction, t, type Locale } from '../../domain/i18n';
import { browserWords, FORM_WORDS, scriptJson } from '../web/form-script';

export function dialogPage(state: { token?: string; answer: { locale: Locale } }) {
  const l = state.answer.locale;
  return shell(
    t(l, 'chrome.form.title'),
    l,
    html`<main id="main" tabindex="-1"><p>${t(l, 'chrome.form.loading')}</p></main>
<noscript><p>${t(l, 'chrome.form.noScript')}</p></noscript>
<script type="application/json" id="state">${raw(scriptJson(state))}</script>
<script type="application/json" id="words">${raw(scriptJson(PAGE_WORDS))}</script>
<script src="/teams/static/teams-js.js"></script>
<script src="/teams/dialog/app.js"></script>`,
  );
}

export function expiredPage(l: Locale = 'en') {
  return shell(
    t(l, 'chrome.form.expiredTitle'),
    l,
    html`<main id="main"><h1>${t(l, 'chrome.form.expiredTitle')}</h1><p role="alert">${t(l, 'chrome.form.expired')}</p></main>`,
  );
}

function shell(title: string, l: Locale, body: ReturnType<typeof html>) {
  return html`<!doctype html>
<html lang="${l}" dir="${direction(l)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/teams/dialog/app.css">
</head>
<body>
${body}
</body>
</html>`;
}

/** The words of assets/teams-dialog.ts and of the form it renders, in every language. */
const PAGE_WORDS = {
  form: FORM_WORDS,
  page: browserWords([
    'form.title',
    'form.done',
    'form.continueInChat',
    'form.failed',
    'form.offline',
    'form.expiredTitle',
    'form.expired',
  ]),
};
