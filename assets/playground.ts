/**
 * The playground page's script (/playground): renders the engine's neutral replies (text, cards,
 * forms, prompts) the way a chat client would, and the messages delivered to whoever is being
 * played. Its words come from the page (#words), in the page's language and every form language.
 */
import type { Card, CardAction, FormView, PromptView, Reply } from '../domain/messages';
import { collect, el, field, formStep, markErrors, setFormWords, setLanguage, word, type Words } from './_form';

type PlaygroundEvent =
  | { kind: 'message'; text: string }
  | { kind: 'action'; actionId: string; value?: string }
  | { kind: 'submission'; formId: string; contextId: string; stepId?: string; values: Record<string, string | string[]> };

const words = JSON.parse(document.getElementById('words')?.textContent ?? '{}') as { form: Words; errorPrefix: string };
setFormWords(words.form);

const $ = <T extends HTMLElement = HTMLElement>(s: string): T => document.querySelector(s) as T;
const who = () => $<HTMLInputElement>('#as').value.trim() || 'applicant';
const tz = () => $<HTMLInputElement>('#tz').value;
let feedAfter = '';

async function send(event: PlaygroundEvent): Promise<void> {
  const res = await fetch('/playground/api/event', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: who(), timeZone: tz(), event }),
  });
  const body = (await res.json()) as {
    replies: Reply[];
    locale?: string;
    fieldErrors?: Record<string, string>;
    issues?: string[];
    error?: string;
  };
  if (!res.ok) {
    show([{ kind: 'text', text: words.errorPrefix + (body.issues || [body.error]).join('; ') }]);
    return;
  }
  if (body.locale) setLanguage(body.locale, body.locale === 'ar' ? 'rtl' : 'ltr');
  if (body.fieldErrors && !body.replies.some((r) => r.kind === 'form')) {
    const f = document.querySelector<HTMLFormElement>('form.active');
    if (f) markErrors(f, body.fieldErrors);
    return;
  }
  for (const f of document.querySelectorAll('form.active')) f.classList.remove('active');
  show(body.replies);
  setTimeout(pollFeed, 400);
}

function renderCard(card: Card, onAction: (a: CardAction) => void): HTMLElement {
  const d = el('div', { class: 'card' }, el('h3', {}, card.title || ''));
  if (card.subtitle) d.append(el('div', { class: 'sub' }, card.subtitle));
  if (card.text) d.append(el('p', { style: 'white-space:pre-wrap' }, card.text));
  if (card.fields?.length)
    d.append(
      el(
        'dl',
        {},
        card.fields.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, f.value)]),
      ),
    );
  for (const s of card.sections || []) {
    d.append(el('p', { style: 'white-space:pre-wrap' }, s.text));
    for (const a of s.actions || []) d.append(el('button', { class: a.style || '', onclick: () => onAction(a) }, a.label));
  }
  for (const a of card.actions || []) d.append(el('button', { class: a.style || '', onclick: () => onAction(a) }, a.label));
  if (card.footer) d.append(el('div', { class: 'src' }, card.footer));
  return d;
}

function renderForm(fv: FormView): HTMLElement {
  return formStep(
    fv,
    (values) => void send({ kind: 'submission', formId: fv.formId, contextId: fv.draftId, stepId: fv.stepId, values }),
    (back) => void send({ kind: 'action', actionId: back.id, value: back.value }),
  );
}

function renderPrompt(p: PromptView): HTMLElement {
  const form = el(
    'form',
    { class: 'card step active', 'aria-label': p.title },
    el('h3', {}, p.title),
    field({ id: 'text', label: p.label, kind: 'textarea', required: true, maxLength: p.maxLength }),
    el('button', { class: 'primary', type: 'submit' }, p.submitLabel),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send({ kind: 'submission', formId: p.formId, contextId: p.contextId, values: collect(form) });
  });
  return form;
}

function renderReply(r: Reply): HTMLElement {
  const onAction = (a: CardAction) => {
    $('#log').append(el('div', { class: 'me' }, `[${a.label}]`));
    void send({ kind: 'action', actionId: a.id, value: a.value });
  };
  if (r.kind === 'text') {
    const b = el('div', { class: 'bot' }, r.text);
    if (r.locale) b.setAttribute('lang', r.locale);
    for (const s of r.sources || []) {
      b.append(el('div', { class: 'src' }, word(r.locale, 'source', { label: s.label }) + (s.quote ? ` — “${s.quote}”` : '')));
    }
    return b;
  }
  if (r.kind === 'card') return renderCard(r.card, onAction);
  if (r.kind === 'form') return renderForm(r.form);
  if (r.kind === 'prompt') return renderPrompt(r.prompt);
  return el('div', { class: 'bot' }, JSON.stringify(r));
}

function show(replies: Reply[]): void {
  const log = $('#log');
  for (const r of replies) log.append(renderReply(r));
  log.scrollTop = log.scrollHeight;
  const f = log.querySelector<HTMLElement>('form.active input, form.active textarea, form.active select');
  if (f) f.focus();
}

async function pollFeed(): Promise<void> {
  const res = await fetch(`/playground/api/feed?as=${encodeURIComponent(who())}&after=${encodeURIComponent(feedAfter)}`);
  if (!res.ok) return;
  const { messages } = (await res.json()) as { messages: { at: string; purpose: string; to: string; replies: Reply[] }[] };
  for (const m of messages) {
    feedAfter = m.at;
    const box = el('div', { class: 'bot' }, el('div', { class: 'note' }, `${m.purpose.replace(/_/g, ' ')} → ${m.to}`));
    for (const r of m.replies) box.append(renderReply(r));
    $('#feed').append(box);
  }
}

function reset(): void {
  $('#log').replaceChildren();
  $('#feed').replaceChildren();
  feedAfter = '';
  void pollFeed();
}

$<HTMLInputElement>('#tz').value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Vienna';
$('#say').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>('#text');
  const t = input.value.trim();
  if (!t) return;
  $('#log').append(el('div', { class: 'me' }, t));
  input.value = '';
  void send({ kind: 'message', text: t });
});
$('#as').addEventListener('change', reset);
for (const b of document.querySelectorAll<HTMLElement>('[data-as]')) {
  b.addEventListener('click', () => {
    $<HTMLInputElement>('#as').value = b.dataset.as ?? '';
    reset();
  });
}
setInterval(pollFeed, 2000);
void pollFeed();
