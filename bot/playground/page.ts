/**
 * The playground page: plain HTML and a small script that renders the engine's neutral replies
 * (text, cards, forms, prompts) the way a chat client would. No external assets.
 */
import { FORM_CSS, FORM_SCRIPT } from '../web/form-script';

const css = `
*{box-sizing:border-box}body{font:16px/1.45 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
header{background:#0b4f8a;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
header h1{font-size:1.1rem;margin:0 1rem 0 0}header label{font-size:.9rem}
header input,header select{font:inherit;padding:.25rem .4rem;border-radius:4px;border:1px solid #8aa}
main{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem;padding:1rem;max-width:1200px;margin:auto}
@media (max-width:800px){main{grid-template-columns:1fr}}
section{background:#fff;border-radius:8px;padding:1rem;box-shadow:0 1px 2px #0002}
h2{font-size:1rem;margin:.2rem 0 .6rem}#log,#feed{display:flex;flex-direction:column;gap:.6rem;max-height:65vh;overflow:auto}
.me{align-self:flex-end;background:#0b4f8a;color:#fff;padding:.4rem .7rem;border-radius:12px 12px 0 12px;max-width:80%}
.bot{align-self:flex-start;background:#eef2f6;padding:.5rem .75rem;border-radius:12px 12px 12px 0;max-width:95%;white-space:pre-wrap}
.card{border:1px solid #c9d3dd;border-left:4px solid #0b4f8a;border-radius:6px;padding:.6rem .8rem;background:#fff;white-space:normal}
.card h3{margin:0 0 .2rem;font-size:1rem}.card .sub{color:#555;font-size:.9rem}.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .6rem;margin:.4rem 0}
.card dt{font-weight:600}.card dd{margin:0}.src{font-size:.8rem;color:#555;border-top:1px dashed #bbb;margin-top:.4rem;padding-top:.3rem}
button{font:inherit;padding:.35rem .7rem;border-radius:5px;border:1px solid #0b4f8a;background:#fff;color:#0b4f8a;cursor:pointer;margin:.2rem .3rem 0 0}
button.primary{background:#0b4f8a;color:#fff}button.danger{border-color:#a40e26;color:#a40e26}
button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:1px}
form.step label{display:block;font-weight:600;margin-top:.6rem}form.step .help{font-weight:400;color:#555;font-size:.85rem}
form.step input[type=text],form.step textarea,form.step select{width:100%;font:inherit;padding:.35rem;border:1px solid #99a;border-radius:4px}
.err{color:#a40e26;font-size:.9rem}#say{display:flex;gap:.5rem;margin-top:.8rem}#say input{flex:1;font:inherit;padding:.5rem;border:1px solid #99a;border-radius:6px}
.note{font-size:.85rem;color:#555}.sr{position:absolute;left:-9999px}
${FORM_CSS}
`;

const script = `${FORM_SCRIPT}
const $ = (s) => document.querySelector(s);
const who = () => $('#as').value.trim() || 'applicant';
const tz = () => $('#tz').value;
let feedAfter = '';
async function send(event) {
  const res = await fetch('/playground/api/event', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: who(), timeZone: tz(), event }) });
  const body = await res.json();
  if (!res.ok) { show([{ kind: 'text', text: 'Error: ' + (body.issues || [body.error]).join('; ') }]); return; }
  if (body.fieldErrors && !body.replies.some((r) => r.kind === 'form')) { const f = document.querySelector('form.active'); if (f) markErrors(f, body.fieldErrors); return; }
  document.querySelectorAll('form.active').forEach((f) => f.classList.remove('active'));
  show(body.replies);
  setTimeout(pollFeed, 400);
}
function renderCard(card, onAction) {
  const d = el('div', { class: 'card' }, el('h3', {}, card.title || ''));
  if (card.subtitle) d.append(el('div', { class: 'sub' }, card.subtitle));
  if (card.text) d.append(el('p', { style: 'white-space:pre-wrap' }, card.text));
  if (card.fields && card.fields.length) d.append(el('dl', {}, card.fields.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, f.value)])));
  for (const s of card.sections || []) {
    d.append(el('p', { style: 'white-space:pre-wrap' }, s.text));
    for (const a of s.actions || []) d.append(el('button', { class: a.style || '', onclick: () => onAction(a) }, a.label));
  }
  for (const a of card.actions || []) d.append(el('button', { class: a.style || '', onclick: () => onAction(a) }, a.label));
  if (card.footer) d.append(el('div', { class: 'src' }, card.footer));
  return d;
}
function renderForm(fv) {
  return formStep(fv, (values) => send({ kind: 'submission', formId: fv.formId, contextId: fv.draftId, stepId: fv.stepId, values }),
    (back) => send({ kind: 'action', actionId: back.id, value: back.value }));
}
function renderPrompt(p) {
  const form = el('form', { class: 'card step active', 'aria-label': p.title }, el('h3', {}, p.title), field({ id: 'text', label: p.label, kind: 'textarea', required: true, maxLength: p.maxLength }), el('button', { class: 'primary', type: 'submit' }, p.submitLabel));
  form.addEventListener('submit', (e) => { e.preventDefault(); send({ kind: 'submission', formId: p.formId, contextId: p.contextId, values: collect(form) }); });
  return form;
}
function renderReply(r) {
  const onAction = (a) => { $('#log').append(el('div', { class: 'me' }, '[' + a.label + ']')); send({ kind: 'action', actionId: a.id, value: a.value }); };
  if (r.kind === 'text') {
    const b = el('div', { class: 'bot' }, r.text);
    for (const s of r.sources || []) b.append(el('div', { class: 'src' }, 'Source: ' + s.label + (s.quote ? ' — “' + s.quote + '”' : '')));
    return b;
  }
  if (r.kind === 'card') return renderCard(r.card, onAction);
  if (r.kind === 'form') return renderForm(r.form);
  if (r.kind === 'prompt') return renderPrompt(r.prompt);
  return el('div', { class: 'bot' }, JSON.stringify(r));
}
function show(replies) { const log = $('#log'); for (const r of replies) log.append(renderReply(r)); log.scrollTop = log.scrollHeight; const f = log.querySelector('form.active input, form.active textarea, form.active select'); if (f) f.focus(); }
async function pollFeed() {
  const res = await fetch('/playground/api/feed?as=' + encodeURIComponent(who()) + '&after=' + encodeURIComponent(feedAfter));
  if (!res.ok) return;
  const { messages } = await res.json();
  for (const m of messages) {
    feedAfter = m.at;
    const box = el('div', { class: 'bot' }, el('div', { class: 'note' }, m.purpose.replace(/_/g, ' ') + ' → ' + m.to));
    for (const r of m.replies) box.append(renderReply(r));
    $('#feed').append(box);
  }
}
function reset() { $('#log').replaceChildren(); $('#feed').replaceChildren(); feedAfter = ''; pollFeed(); }
$('#tz').value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Vienna';
$('#say').addEventListener('submit', (e) => { e.preventDefault(); const t = $('#text').value.trim(); if (!t) return; $('#log').append(el('div', { class: 'me' }, t)); $('#text').value = ''; send({ kind: 'message', text: t }); });
$('#as').addEventListener('change', reset);
document.querySelectorAll('[data-as]').forEach((b) => b.addEventListener('click', () => { $('#as').value = b.dataset.as; reset(); }));
setInterval(pollFeed, 2000); pollFeed();
`;

export function playgroundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Dialogue Desk — playground</title><style>${css}</style></head><body>
<header><h1>Dialogue Desk playground</h1>
<label>You are <input id="as" value="applicant" aria-label="Your name in the playground" size="12"></label>
<button type="button" data-as="applicant">Applicant</button><button type="button" data-as="reviewer">Reviewer</button>
<label>Time zone <input id="tz" size="16" aria-label="Your time zone"></label></header>
<main><section aria-labelledby="chat-h"><h2 id="chat-h">Conversation</h2>
<p class="note">Ask about the call ("when is the deadline?"), type "apply", "status" or "help". Switch to <b>Reviewer</b> to decide on applications.</p>
<div id="log" aria-live="polite"></div>
<form id="say"><input id="text" autocomplete="off" aria-label="Message" placeholder="Type a question or a command"><button class="primary">Send</button></form></section>
<section aria-labelledby="feed-h"><h2 id="feed-h">Delivered to you</h2><p class="note">Messages the bot sends you on its own: reviewer cards, decisions, reminders.</p><div id="feed" aria-live="polite"></div></section></main>
<script>${script}</script></body></html>`;
}
