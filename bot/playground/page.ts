/**
 * The playground page: plain HTML, and the script that renders the engine's neutral replies
 * (assets/playground.ts) inline with its style. No external assets.
 */
import { html } from 'hono/html';
import { direction, t, type Locale } from '../../domain/i18n';
import { PLAYGROUND_CSS, PLAYGROUND_JS } from '../../generated/assets';
import { FORM_WORDS, scriptJson } from '../web/form-script';

/** The page, its own words in `locale`; replies come in the person's language and set the page's. */
export function playgroundPage(locale: Locale = 'en'): string {
  const w = (key: Parameters<typeof t>[1]) => t(locale, key);
  // hono/html escapes the words; the script and style are ours.
  const words = html`<header><h1>${w('chrome.playground.title')}</h1>
<label>${w('chrome.playground.you')} <input id="as" value="applicant" aria-label="${w('chrome.playground.youLabel')}" size="12"></label>
<button type="button" data-as="applicant">${w('chrome.playground.applicant')}</button><button type="button" data-as="reviewer">${w('chrome.playground.reviewer')}</button>
<label>${w('chrome.playground.zone')} <input id="tz" size="16" aria-label="${w('chrome.playground.zoneLabel')}"></label></header>
<main><section aria-labelledby="chat-h"><h2 id="chat-h">${w('chrome.playground.conversation')}</h2>
<p class="note">${w('chrome.playground.hint')}</p>
<div id="log" aria-live="polite"></div>
<form id="say"><input id="text" autocomplete="off" aria-label="${w('chrome.playground.message')}" placeholder="${w('chrome.playground.placeholder')}"><button class="primary">${w('chrome.playground.send')}</button></form></section>
<section aria-labelledby="feed-h"><h2 id="feed-h">${w('chrome.playground.delivered')}</h2><p class="note">${w('chrome.playground.deliveredHint')}</p><div id="feed" aria-live="polite"></div></section></main>`;
  return `<!doctype html><html lang="${locale}" dir="${direction(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${w('chrome.playground.title')}</title><style>${PLAYGROUND_CSS}</style></head><body>
${String(words)}
<script type="application/json" id="words">${scriptJson({ form: FORM_WORDS, errorPrefix: t(locale, 'chrome.playground.error', { details: '' }) })}</script>
<script>${PLAYGROUND_JS}</script></body></html>`;
}
