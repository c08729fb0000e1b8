/**
 * The browser side of the application form, shared by the playground and the Teams dialog page:
 * a FormView (domain/messages) becomes an HTML form with labels, help, errors next to their
 * fields and the values kept; `collect` reads it back as RawValues. Plain ES2017, no imports,
 * inserted into each page's own script. No inline styles, so a strict style-src CSP holds.
 */
import { catalog } from '../../domain/i18n/catalog/index';
import { LOCALES } from '../../domain/i18n/locales';

/**
 * The renderer words the browser needs, in every language, from the catalogue: the page picks
 * them by the form's `locale`. Only plain placeholders ({number}), no plural rules, so the
 * script can fill them without a message formatter.
 */
export function browserWords(keys: readonly (keyof (typeof catalog)['chrome']['en'])[]): Record<string, Record<string, string>> {
  return Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(keys.map((k) => [k, catalog.chrome[l][k]]))]));
}

/** JSON inside a <script>: nothing in it may close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const FORM_WORDS = browserWords(['stepOf', 'choose', 'source', 'openForm']);

export const FORM_SCRIPT = `
const FORM_WORDS = ${scriptJson(FORM_WORDS)};
function word(locale, key, values) { let s = (FORM_WORDS[locale] || FORM_WORDS.en)[key] || ''; for (const k of Object.keys(values || {})) s = s.split('{' + k + '}').join(String(values[k])); return s; }
let formLocale = 'en';
function setLanguage(locale, dir) { if (!locale) return; document.documentElement.lang = locale; document.documentElement.dir = dir || 'ltr'; }
const el = (tag, attrs = {}, ...kids) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) { if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v); } for (const k of kids.flat()) if (k != null) e.append(k); return e; };
function markErrors(form, errors) { form.querySelectorAll('.err').forEach((e) => e.remove()); for (const [id, msg] of Object.entries(errors)) { const f = form.querySelector('[name="' + id + '"]'); const p = el('p', { class: 'err', role: 'alert' }, msg); (f ? f.closest('div') : form).append(p); } }
function field(f) {
  const id = 'f_' + f.id + '_' + Math.random().toString(36).slice(2, 7);
  const errId = id + '_err';
  const wrap = el('div', {});
  const label = el('label', { for: id }, f.label + (f.required ? ' *' : ''), f.help ? el('div', { class: 'help' }, f.help) : null);
  const invalid = f.error ? { 'aria-invalid': 'true', 'aria-describedby': errId } : {};
  let input;
  if (f.kind === 'textarea') input = el('textarea', { id, name: f.id, rows: 3, maxlength: f.maxLength, required: f.required, ...invalid }, typeof f.value === 'string' ? f.value : '');
  else if (f.kind === 'multiselect' && (f.options || []).length <= 8) {
    // A short multiple choice reads better as checkboxes than as a list needing Ctrl-click.
    const vals = Array.isArray(f.value) ? f.value : f.value ? [f.value] : [];
    const box = el('fieldset', { id, class: 'choices', ...invalid }, el('legend', { class: 'sr' }, f.label));
    for (const o of f.options) { const oid = id + '_' + o.value; box.append(el('div', {}, el('input', { type: 'checkbox', id: oid, name: f.id, value: o.value, 'data-multi': '1', checked: vals.includes(o.value) }), ' ', el('label', { for: oid, class: 'inline' }, o.label))); }
    input = box;
  }
  else if (f.kind === 'select' || f.kind === 'multiselect') {
    const vals = Array.isArray(f.value) ? f.value : f.value ? [f.value] : [];
    input = el('select', { id, name: f.id, multiple: f.kind === 'multiselect', size: f.kind === 'multiselect' ? Math.min(6, f.options.length) : undefined, required: f.required, ...invalid },
      f.kind === 'select' ? el('option', { value: '' }, f.placeholder || word(f.locale || formLocale, 'choose')) : null,
      (f.options || []).map((o) => el('option', { value: o.value, selected: vals.includes(o.value) }, o.label)));
  } else if (f.kind === 'checkbox') { input = el('input', { id, name: f.id, type: 'checkbox', value: 'true', checked: f.value === 'true' || (Array.isArray(f.value) && f.value.length > 0), ...invalid }); }
  else input = el('input', { id, name: f.id, type: 'text', inputmode: f.kind === 'email' ? 'email' : f.kind === 'url' ? 'url' : undefined, value: typeof f.value === 'string' ? f.value : '', maxlength: f.maxLength, placeholder: f.placeholder, ...invalid });
  wrap.append(label, input);
  if (f.error) wrap.append(el('p', { class: 'err', role: 'alert', id: errId }, f.error));
  return wrap;
}
function collect(form) {
  const values = {};
  for (const e of form.elements) {
    if (!e.name) continue;
    if (e.dataset && e.dataset.multi) { values[e.name] = values[e.name] || []; if (e.checked) values[e.name].push(e.value); }
    else if (e.multiple) values[e.name] = [...e.selectedOptions].map((o) => o.value);
    else if (e.type === 'checkbox') values[e.name] = e.checked ? 'true' : '';
    else values[e.name] = e.value;
  }
  return values;
}
/** One step as a form; onValues gets the collected RawValues when it is sent, onBack the Back action. */
function formStep(fv, onValues, onBack) {
  formLocale = fv.locale || 'en';
  const form = el('form', { class: 'card step active', 'aria-label': fv.title, lang: fv.locale || undefined }, el('h3', {}, fv.title), el('p', { class: 'progress' }, word(fv.locale, 'stepOf', { number: fv.stepNumber, count: fv.stepCount })));
  if (fv.intro) form.append(el('p', {}, fv.intro));
  if (fv.summary) form.append(el('dl', {}, fv.summary.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, f.value)])));
  for (const f of fv.fields) form.append(field(f));
  if (fv.back && onBack) form.append(el('button', { type: 'button', onclick: () => onBack(fv.back) }, fv.back.label));
  form.append(el('button', { class: 'primary', type: 'submit' }, fv.submitLabel));
  form.addEventListener('submit', (e) => { e.preventDefault(); onValues(collect(form), form); });
  return form;
}
`;

/** Styles the form markup needs beyond each page's own look. */
export const FORM_CSS = `.choices{border:0;padding:0;margin:0}form.step label.inline{display:inline;font-weight:400}`;
