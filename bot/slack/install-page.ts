/**
 * The pages of "Add to Slack": the install page with its button, and the outcome pages after
 * Slack sends the person back. Plain HTML with hono/html (every value escaped), no script, in the
 * language the browser asks for.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { direction, t, type Locale } from '../../domain/i18n';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}a.button{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;border-radius:.3rem;text-decoration:none;font-weight:600}a.button:focus{outline:3px solid #1b4f8a;outline-offset:2px}code{font-size:.95em}';

function frame(locale: Locale, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html><html lang="${locale}" dir="${direction(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title}</title><style>${STYLE}</style></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

export function installPage(locale: Locale, authorizeUrl: string, scopes: string[]) {
  return frame(
    locale,
    t(locale, 'install.slack.title'),
    html`<p>${t(locale, 'install.slack.intro')}</p>
<p>${t(locale, 'install.slack.scopes')}</p><ul>${scopes.map((s) => html`<li><code>${s}</code></li>`)}</ul>
<p><a class="button" href="${authorizeUrl}">${t(locale, 'install.slack.button')}</a></p><p>${t(locale, 'install.slack.expires')}</p>`,
  );
}

export type Outcome = 'cancelled' | 'badState' | 'failed';

export function outcomePage(locale: Locale, outcome: Outcome) {
  return frame(
    locale,
    t(locale, `install.slack.${outcome}.title`),
    html`<p>${t(locale, `install.slack.${outcome}.text`)}</p>
<p><a href="/slack/install">${t(locale, 'install.slack.again')}</a></p>`,
  );
}

export function installedPage(locale: Locale, team: string) {
  return frame(locale, t(locale, 'install.slack.done.title'), html`<p>${t(locale, 'install.slack.done.text', { team })}</p>`);
}
