/**
 * The browser side of the application form, shared by the playground and the Teams dialog page
 * (each bundles it into its own script): a FormView (domain/messages) becomes an HTML form with
 * labels, help, errors next to their fields and the values kept; `collect` reads it back as
 * RawValues. No inline styles, so a strict style-src CSP holds.
 */
import type { CardAction, FormFieldView, FormView } from '../domain/messages';

/** The renderer's own words per locale (stepOf, choose, source, openForm), from the page. */
export type Words = Record<string, Record<string, string>>;
let formWords: Words = {};
let formLocale = 'en';

export function setFormWords(words: Words): void {
  formWords = words;
}

/** A word in `locale` (English when missing) with its plain {placeholders} filled. */
export function word(locale: string | undefined, key: string, values: Record<string, string | number> = {}): string {
  let s = (formWords[locale ?? formLocale] ?? formWords.en ?? {})[key] ?? '';
  for (const [k, v] of Object.entries(values)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

export function setLanguage(locale: string | undefined, dir?: string): void {
  if (!locale) return;
  document.documentElement.lang = locale;
  document.documentElement.dir = dir || 'ltr';
}

type Attr = string | number | boolean | undefined | ((e: Event) => void);
type Kid = Node | string | null | undefined | Kid[];

/** An element with attributes (`on…` ones become listeners; false and undefined are left out). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...kids: Kid[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = String(v);
    else if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  const add = (k: Kid): void => {
    if (Array.isArray(k)) k.forEach(add);
    else if (k != null) e.append(k);
  };
  kids.forEach(add);
  return e;
}

export function markErrors(form: HTMLFormElement, errors: Record<string, string>): void {
  for (const e of form.querySelectorAll('.err')) e.remove();
  for (const [id, msg] of Object.entries(errors)) {
    const f = form.querySelector(`[name="${id}"]`);
    const p = el('p', { class: 'err', role: 'alert' }, msg);
    (f?.closest('div') ?? form).append(p);
  }
}

const valuesOf = (v: FormFieldView['value']): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** One field with its label, help and error. `f.locale` is set by the playground on prompts. */
export function field(f: FormFieldView & { locale?: string }): HTMLDivElement {
  const id = `f_${f.id}_${Math.random().toString(36).slice(2, 7)}`;
  const errId = `${id}_err`;
  const wrap = el('div', {});
  const label = el('label', { for: id }, f.label + (f.required ? ' *' : ''), f.help ? el('div', { class: 'help' }, f.help) : null);
  const invalid: Record<string, Attr> = f.error ? { 'aria-invalid': 'true', 'aria-describedby': errId } : {};
  const options = f.options ?? [];
  let input: HTMLElement;
  if (f.kind === 'textarea') {
    input = el(
      'textarea',
      { id, name: f.id, rows: 3, maxlength: f.maxLength, required: f.required, ...invalid },
      typeof f.value === 'string' ? f.value : '',
    );
  } else if (f.kind === 'multiselect' && options.length <= 8) {
    // A short multiple choice reads better as checkboxes than as a list needing Ctrl-click.
    const vals = valuesOf(f.value);
    const box = el('fieldset', { id, class: 'choices', ...invalid }, el('legend', { class: 'sr' }, f.label));
    for (const o of options) {
      const oid = `${id}_${o.value}`;
      const check = el('input', {
        type: 'checkbox',
        id: oid,
        name: f.id,
        value: o.value,
        'data-multi': '1',
        checked: vals.includes(o.value),
      });
      box.append(el('div', {}, check, ' ', el('label', { for: oid, class: 'inline' }, o.label)));
    }
    input = box;
  } else if (f.kind === 'select' || f.kind === 'multiselect') {
    const vals = valuesOf(f.value);
    const multiple = f.kind === 'multiselect';
    input = el(
      'select',
      { id, name: f.id, multiple, size: multiple ? Math.min(6, options.length) : undefined, required: f.required, ...invalid },
      f.kind === 'select' ? el('option', { value: '' }, f.placeholder || word(f.locale || formLocale, 'choose')) : null,
      options.map((o) => el('option', { value: o.value, selected: vals.includes(o.value) }, o.label)),
    );
  } else if (f.kind === 'checkbox') {
    const checked = f.value === 'true' || (Array.isArray(f.value) && f.value.length > 0);
    input = el('input', { id, name: f.id, type: 'checkbox', value: 'true', checked, ...invalid });
  } else {
    const inputmode = f.kind === 'email' ? 'email' : f.kind === 'url' ? 'url' : undefined;
    input = el('input', {
      id,
      name: f.id,
      type: 'text',
      inputmode,
      value: typeof f.value === 'string' ? f.value : '',
      maxlength: f.maxLength,
      placeholder: f.placeholder,
      ...invalid,
    });
  }
  wrap.append(label, input);
  if (f.error) wrap.append(el('p', { class: 'err', role: 'alert', id: errId }, f.error));
  return wrap;
}

/** The form's values as RawValues: checkbox groups and multiple selects as lists. */
export function collect(form: HTMLFormElement): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const e of form.elements) {
    if (!(e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) || !e.name) continue;
    if (e instanceof HTMLInputElement && e.dataset.multi) {
      const list = Array.isArray(values[e.name]) ? (values[e.name] as string[]) : [];
      if (e.checked) list.push(e.value);
      values[e.name] = list;
    } else if (e instanceof HTMLSelectElement && e.multiple) values[e.name] = [...e.selectedOptions].map((o) => o.value);
    else if (e instanceof HTMLInputElement && e.type === 'checkbox') values[e.name] = e.checked ? 'true' : '';
    else values[e.name] = e.value;
  }
  return values;
}

/** One step as a form; onValues gets the collected RawValues when it is sent, onBack the Back action. */
export function formStep(
  fv: FormView,
  onValues: (values: Record<string, string | string[]>, form: HTMLFormElement) => void,
  onBack?: (back: CardAction) => void,
): HTMLFormElement {
  formLocale = fv.locale || 'en';
  const form = el(
    'form',
    { class: 'card step active', 'aria-label': fv.title, lang: fv.locale || undefined },
    el('h3', {}, fv.title),
    el('p', { class: 'progress' }, word(fv.locale, 'stepOf', { number: fv.stepNumber, count: fv.stepCount })),
  );
  if (fv.intro) form.append(el('p', {}, fv.intro));
  if (fv.summary)
    form.append(
      el(
        'dl',
        {},
        fv.summary.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, f.value)]),
      ),
    );
  for (const f of fv.fields) form.append(field(f));
  const back = fv.back;
  if (back && onBack) form.append(el('button', { type: 'button', onclick: () => onBack(back) }, back.label));
  form.append(el('button', { class: 'primary', type: 'submit' }, fv.submitLabel));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onValues(collect(form), form);
  });
  return form;
}
