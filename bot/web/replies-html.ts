/**
 * The engine's neutral replies as HTML: text as paragraphs, cards as boxes whose buttons are
 * small forms posting the action back (/my/action), form steps and prompts as forms. Everything
 * a person typed is escaped by hono/html and shown as text, never interpreted.
 */
import { html } from 'hono/html';
import type { Card, Reply } from '../../domain/messages';
import { formHtml, promptHtml } from './form-html';
import { CSRF_FIELD } from './session';
import type { WebText } from './messages';

type Html = ReturnType<typeof html>;

function cardHtml(card: Card, csrf: string, level: 2 | 3): Html {
  const heading = level === 2 ? html`<h2>${card.title}</h2>` : html`<h3>${card.title}</h3>`;
  return html`<section class="box">
${heading}
${card.subtitle ? html`<p class="sub">${card.subtitle}</p>` : ''}
${card.text ? html`<p class="pre">${card.text}</p>` : ''}
${card.fields?.length ? html`<dl>${card.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : ''}
${
  card.actions?.length
    ? html`<div class="actions">${card.actions.map(
        (a) => html`<form method="post" action="/my/action">
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><input type="hidden" name="id" value="${a.id}"><input type="hidden" name="value" value="${a.value ?? ''}">
<button type="submit" class="${a.style === 'danger' ? 'danger' : a.style === 'primary' ? 'primary' : 'secondary'}">${a.label}</button></form>`,
      )}</div>`
    : ''
}
${card.footer ? html`<p class="help">${card.footer}</p>` : ''}
</section>`;
}

export function repliesHtml(
  replies: Reply[],
  csrf: string,
  W: WebText,
  opts: { promptError?: string; promptValue?: string; level?: 2 | 3 } = {},
): Html[] {
  return replies.map((r) => {
    switch (r.kind) {
      case 'text':
        return html`<div class="info" role="status"><p class="pre">${r.text}</p></div>`;
      case 'card':
        return cardHtml(r.card, csrf, opts.level ?? 2);
      case 'form':
        return formHtml(r.form, csrf, W);
      case 'prompt':
        return promptHtml(r.prompt, csrf, {
          ...(opts.promptError ? { error: opts.promptError } : {}),
          ...(opts.promptValue ? { value: opts.promptValue } : {}),
        });
    }
  });
}
