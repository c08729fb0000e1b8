/**
 * The application form rendered on the server, with the markup and classes of the browser
 * renderer in form-script.ts (the Teams dialog's), so one stylesheet serves both. A plain HTML
 * form: it works without JavaScript, on a phone, with a keyboard and a screen reader (labels on
 * every input, errors tied to their field with aria-describedby, a summary of errors on top).
 */
import { html, raw } from 'hono/html';
import type { FormFieldView, FormView, PromptView } from '../../domain/messages';
import { CSRF_FIELD } from './session';
import type { WebText } from './messages';

type Html = ReturnType<typeof html>;

const escapeAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Attributes with a value only: ` name="value"`, or nothing at all for undefined/false. */
function attrs(map: Record<string, string | number | boolean | undefined>): Html {
  let out = '';
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeAttr(String(v))}"`;
  }
  return raw(out);
}

/** Short multiple choices read better as checkboxes than as a list needing Ctrl-click. */
const CHECKBOX_LIMIT = 8;

const valuesOf = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

function field(f: FormFieldView, W: WebText): Html {
  const id = `f_${f.id}`;
  const errId = `${id}_err`;
  const helpId = `${id}_help`;
  const describedBy = [f.help ? helpId : '', f.error ? errId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = f.error ? 'true' : undefined;
  const help = f.help ? html`<div class="help" id="${helpId}">${f.help}</div>` : '';
  const error = f.error ? html`<p class="err" id="${errId}">${f.error}</p>` : '';
  const star = f.required ? html` <span aria-hidden="true">*</span>` : '';
  const vals = valuesOf(f.value);

  if (f.kind === 'checkbox') {
    return html`<div class="row"><input type="checkbox" id="${id}" name="${f.id}" value="true" ${vals.some((v) => v === 'true' || v === 'on' || v === 'yes') ? 'checked' : ''} ${f.required ? 'required' : ''} ${attrs({ 'aria-invalid': invalid, 'aria-describedby': describedBy })}><label for="${id}">${f.label}${star}</label></div>${error}`;
  }
  if (f.kind === 'multiselect' && (f.options ?? []).length <= CHECKBOX_LIMIT) {
    return html`<fieldset class="choices" id="${id}" tabindex="-1"${attrs({ 'aria-describedby': describedBy })}><legend>${f.label}${star}</legend>${help}
${(f.options ?? []).map((o, i) => html`<div class="row"><input type="checkbox" id="${id}_${i}" name="${f.id}" value="${o.value}" ${vals.includes(o.value) ? 'checked' : ''}${attrs({ 'aria-invalid': invalid })}><label for="${id}_${i}">${o.label}</label></div>`)}
${error}</fieldset>`;
  }
  let input: Html;
  if (f.kind === 'select' || f.kind === 'multiselect') {
    const multi = f.kind === 'multiselect';
    input = html`<select id="${id}" name="${f.id}" ${multi ? html`multiple size="${Math.min(6, f.options?.length ?? 1)}"` : ''} ${f.required ? 'required' : ''} ${attrs({ 'aria-invalid': invalid, 'aria-describedby': describedBy })}>
${multi ? '' : html`<option value="">${W.choose}</option>`}${(f.options ?? []).map((o) => html`<option value="${o.value}" ${vals.includes(o.value) ? 'selected' : ''}>${o.label}</option>`)}</select>`;
  } else if (f.kind === 'textarea') {
    input = html`<textarea id="${id}" name="${f.id}" rows="4"${attrs({ maxlength: f.maxLength, required: f.required })} ${attrs({ 'aria-invalid': invalid, 'aria-describedby': describedBy })}>${vals[0] ?? ''}</textarea>`;
  } else {
    const type = f.kind === 'email' ? 'email' : f.kind === 'url' ? 'url' : 'text';
    const auto = f.kind === 'email' ? 'email' : f.kind === 'url' ? 'url' : undefined;
    input = html`<input type="${type === 'url' ? 'text' : type}" id="${id}" name="${f.id}" value="${vals[0] ?? ''}"${attrs({ inputmode: type === 'url' ? 'url' : undefined, autocomplete: auto, maxlength: f.maxLength, placeholder: f.placeholder, required: f.required })} ${attrs({ 'aria-invalid': invalid, 'aria-describedby': describedBy })}>`;
  }
  return html`<div><label for="${id}">${f.label}${star}</label>${help}${input}${error}</div>`;
}

/** One step (or the summary to confirm) as a form posting to /apply/step. */
export function formHtml(form: FormView, csrf: string, W: WebText): Html {
  const errors = form.fields.filter((f) => f.error);
  const multi = form.fields
    .filter((f) => f.kind === 'multiselect')
    .map((f) => f.id)
    .join(',');
  return html`<form method="post" action="/apply/step" class="card step" aria-labelledby="step-title" novalidate>
<h2 id="step-title">${W.stepOf(form.title, form.stepNumber, form.stepCount)}</h2>
${errors.length ? html`<div class="alert" role="alert" tabindex="-1" id="problems"><p>${W.problems(errors.length)}</p><ul>${errors.map((f) => html`<li><a href="#f_${f.id}">${f.label}: ${f.error}</a></li>`)}</ul></div>` : ''}
${form.intro ? html`<p>${form.intro}</p>` : ''}
${form.stepId === 'consent' ? html`<p><a href="/privacy">${W.consentNotice}</a></p>` : ''}
${form.summary ? html`<dl>${form.summary.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : ''}
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
<input type="hidden" name="_draft" value="${form.draftId}">
<input type="hidden" name="_step" value="${form.stepId}">
<input type="hidden" name="_multi" value="${multi}">
${form.fields.map((f) => field(f, W))}
<div class="actions">
${form.back ? html`<button type="submit" class="secondary" name="_back" value="${form.back.value ?? ''}" formnovalidate>${form.back.label}</button>` : ''}
<button type="submit" class="primary">${form.submitLabel}</button>
</div>
</form>`;
}

/** A one-question form (the answer to a request for information), posting to /apply/answer. */
export function promptHtml(prompt: PromptView, csrf: string, opts: { error?: string; value?: string } = {}): Html {
  return html`<form method="post" action="/apply/answer" class="card step" aria-labelledby="prompt-title" novalidate>
<h2 id="prompt-title">${prompt.title}</h2>
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
<input type="hidden" name="_form" value="${prompt.formId}">
<input type="hidden" name="_context" value="${prompt.contextId}">
<div><label for="prompt-text">${prompt.label} <span aria-hidden="true">*</span></label>
<textarea id="prompt-text" name="text" rows="6" maxlength="${prompt.maxLength}" required${attrs({ 'aria-invalid': opts.error ? 'true' : undefined, 'aria-describedby': opts.error ? 'prompt-err' : undefined })}>${opts.value ?? ''}</textarea>
${opts.error ? html`<p class="err" id="prompt-err" role="alert">${opts.error}</p>` : ''}</div>
<div class="actions"><button type="submit" class="primary">${prompt.submitLabel}</button></div>
</form>`;
}
