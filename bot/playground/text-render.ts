/**
 * Neutral replies as plain text, for the terminal playground. Buttons become numbered choices;
 * a form becomes one question per field, asked by the caller.
 */
import { t } from '../../domain/i18n';
import type { CardAction, FormFieldView, Reply } from '../../domain/messages';

export interface TextRender {
  lines: string[];
  actions: CardAction[];
}

export function renderText(replies: Reply[], firstNumber = 1): TextRender {
  const lines: string[] = [];
  const actions: CardAction[] = [];
  for (const r of replies) {
    if (r.kind === 'text') {
      lines.push(r.text);
      for (const s of r.sources ?? [])
        lines.push(`  (${t(r.locale ?? 'en', 'chrome.source', { label: s.label })}${s.quote ? ` — "${s.quote}"` : ''})`);
    } else if (r.kind === 'card') {
      const c = r.card;
      lines.push(`┌ ${c.title}${c.subtitle ? ` — ${c.subtitle}` : ''}`);
      if (c.text) lines.push(...c.text.split('\n').map((l) => `│ ${l}`));
      for (const f of c.fields ?? []) lines.push(`│ ${f.label}: ${f.value}`);
      const button = (a: CardAction) => {
        actions.push(a);
        lines.push(`│ [${firstNumber + actions.length - 1}] ${a.label}`);
      };
      for (const s of c.sections ?? []) {
        lines.push(...s.text.split('\n').map((l) => `│ ${l}`));
        (s.actions ?? []).forEach(button);
      }
      (c.actions ?? []).forEach(button);
      if (c.footer) lines.push(`│ ${c.footer}`);
      lines.push('└');
    } else if (r.kind === 'form') {
      lines.push(
        `== ${r.form.title} (${t(r.form.locale ?? 'en', 'chrome.stepOf', { number: r.form.stepNumber, count: r.form.stepCount })})`,
      );
      if (r.form.intro) lines.push(r.form.intro);
      for (const f of r.form.summary ?? []) lines.push(`  ${f.label}: ${f.value}`);
    } else {
      lines.push(`== ${r.prompt.title}`);
    }
  }
  return { lines, actions };
}

/** The question for one field, with numbered options where there are few enough to list. */
export function fieldQuestion(f: FormFieldView): string {
  const current = Array.isArray(f.value) ? f.value.join(', ') : f.value;
  const head = `${f.label}${f.required ? '' : ' (optional)'}${current ? ` [${current}]` : ''}`;
  const error = f.error ? `\n  ! ${f.error}` : '';
  if ((f.kind === 'select' || f.kind === 'multiselect') && f.options && f.options.length <= 12) {
    const opts = f.options.map((o, i) => `  ${i + 1}. ${o.label}`).join('\n');
    const how = f.kind === 'multiselect' ? 'numbers separated by commas' : 'a number';
    return `${head}${error}\n${opts}\n  (${how}) > `;
  }
  if (f.kind === 'checkbox') return `${head}${error}\n  (yes/no) > `;
  return `${head}${error}\n  > `;
}

/** Turns what was typed into the raw value a platform would send; empty keeps the current value. */
export function fieldAnswer(f: FormFieldView, typed: string): string | string[] {
  const t = typed.trim();
  const current = f.value ?? (f.kind === 'multiselect' ? [] : '');
  if (t === '') return current;
  if (f.kind === 'checkbox') return /^(y|yes|true|1|ok)$/i.test(t) ? 'true' : '';
  const options = f.options;
  if ((f.kind === 'select' || f.kind === 'multiselect') && options) {
    const pick = (s: string) => {
      const n = Number(s.trim());
      const chosen = Number.isInteger(n) ? options[n - 1] : undefined;
      return chosen ? chosen.value : s.trim();
    };
    return f.kind === 'multiselect' ? t.split(',').map(pick).filter(Boolean) : pick(t);
  }
  return t;
}
