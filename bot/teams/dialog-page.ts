/**
 * The web form a Teams dialog hosts: an HTML shell with the first answer embedded as JSON, and a
 * script served from this server (the CSP allows no inline script or style). The script renders
 * each step with the shared form renderer, posts it to /teams/dialog/api, and at the end hands
 * the reference to Teams with dialog.url.submit, which closes the dialog.
 */
import { html, raw } from 'hono/html';
import { direction, t, type Locale } from '../../domain/i18n';
import { browserWords, FORM_CSS, FORM_SCRIPT, scriptJson } from '../web/form-script';
import { FORM_PAGE_CSS } from '../../generated/assets';

/** JSON inside <script type="application/json">: nothing in it may close the element. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function dialogPage(state: { token?: string; answer: { locale: Locale } }) {
  const l = state.answer.locale;
  return shell(t(l, 'chrome.form.title'), l, html`<main id="main" tabindex="-1"><p>${t(l, 'chrome.form.loading')}</p></main>
<noscript><p>${t(l, 'chrome.form.noScript')}</p></noscript>
<script type="application/json" id="state">${raw(embedJson(state))}</script>
<script src="/teams/static/teams-js.js"></script>
<script src="/teams/dialog/app.js"></script>`);
}

export function expiredPage(l: Locale = 'en') {
  return shell(t(l, 'chrome.form.expiredTitle'), l, html`<main id="main"><h1>${t(l, 'chrome.form.expiredTitle')}</h1><p role="alert">${t(l, 'chrome.form.expired')}</p></main>`);
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

export const DIALOG_CSS = `
${FORM_PAGE_CSS}
body.theme-dark{background:#292929;color:#fff}
body.theme-dark .note{background:#1f1f1f;border-left-color:#7f85f5}
body.theme-dark form.step input[type=text],body.theme-dark form.step textarea,body.theme-dark form.step select{background:#1f1f1f;border-color:#666}
body.theme-dark .err{color:#f9526b}
body.theme-contrast{background:#000;color:#fff}
body.theme-contrast .note{background:#000;border:1px solid #fff}
body.theme-contrast form.step input[type=text],body.theme-contrast form.step textarea,body.theme-contrast form.step select{background:#000;color:#fff;border-color:#fff}
body.theme-contrast button{background:#ff0;color:#000;border-color:#ff0}
body.theme-contrast .err{color:#ff0}
${FORM_CSS}
`;

const DIALOG_WORDS = browserWords(['form.title', 'form.done', 'form.continueInChat', 'form.failed', 'form.offline', 'form.expiredTitle', 'form.expired']);

export const DIALOG_SCRIPT = `(function () {
'use strict';
${FORM_SCRIPT}
const WORDS = ${scriptJson(DIALOG_WORDS)};
const state = JSON.parse(document.getElementById('state').textContent);
const main = document.getElementById('main');
let LOCALE = (state.answer && state.answer.locale) || 'en';
const say = (key) => (WORDS[LOCALE] || WORDS.en)[key];

function applyTheme(theme) {
  document.body.classList.remove('theme-dark', 'theme-contrast');
  if (theme === 'dark' || theme === 'contrast') document.body.classList.add('theme-' + theme);
}
// Outside Teams (or without TeamsJS) the form still works; only the closing step is skipped.
const inTeams = window.microsoftTeams
  ? microsoftTeams.app.initialize().then(function () {
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    microsoftTeams.app.getContext().then(function (ctx) { applyTheme(ctx.app.theme); }).catch(function () {});
    microsoftTeams.app.notifySuccess();
    return true;
  }).catch(function () { return false; })
  : Promise.resolve(false);

function note(n) {
  const box = el('div', { class: 'note' });
  if (n.title) box.append(el('h2', {}, n.title));
  if (n.text) box.append(el('p', {}, n.text));
  if (n.fields && n.fields.length) box.append(el('dl', {}, n.fields.map(function (f) { return [el('dt', {}, f.label), el('dd', {}, f.value)]; })));
  return box;
}

function render(answer) {
  LOCALE = answer.locale || LOCALE;
  setLanguage(LOCALE, LOCALE === 'ar' ? 'rtl' : 'ltr');
  main.replaceChildren(el('h1', { class: 'sr' }, say('form.title')));
  const live = el('div', { role: 'status', 'aria-live': 'polite' });
  main.append(live);
  for (const n of answer.notes) live.append(note(n));
  if (answer.form) {
    const form = formStep(answer.form, function (values, f) { send(answer.form, values, f); });
    main.append(form);
    const bad = form.querySelector('[aria-invalid=true]');
    const target = bad || form.querySelector('input, textarea, select, button');
    if (target) target.focus();
    window.scrollTo(0, 0);
  } else {
    main.append(el('p', {}, answer.done ? say('form.done') : say('form.continueInChat')));
    main.focus();
  }
  if (answer.done) finish(answer.done.reference);
}

function problem(form, text) {
  form.querySelectorAll('.problem').forEach(function (p) { p.remove(); });
  form.append(el('p', { class: 'err problem', role: 'alert' }, text));
}

async function send(fv, values, form) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + state.token },
      body: JSON.stringify({ formId: fv.formId, draftId: fv.draftId, stepId: fv.stepId, values: values }),
    });
    if (res.status === 401) { main.replaceChildren(el('h1', {}, say('form.expiredTitle')), el('p', { role: 'alert' }, say('form.expired'))); return; }
    if (!res.ok) { problem(form, say('form.failed')); return; }
    render(await res.json());
  } catch (e) {
    problem(form, say('form.offline'));
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function finish(reference) {
  // Teams closes the dialog and sends the result to the bot as task/submit.
  inTeams.then(function (yes) {
    if (yes && microsoftTeams.dialog && microsoftTeams.dialog.url) microsoftTeams.dialog.url.submit({ reference: reference });
  }).catch(function () { /* the page already says what happened */ });
}

render(state.answer);
})();
`;
