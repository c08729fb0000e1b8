/**
 * Turning raw platform values into checked ones. Every platform sends strings in its own way
 * (Slack arrays, Teams comma-joined choices, the playground plain text), so reading is lenient
 * and checking is strict.
 */
import * as z from 'zod';
import { countryOptions, findCountry } from '../countries';
import { t, type Locale } from '../i18n';
import type { Dialogue } from '../types';
import type { FormContext, RawValues, StepParse } from './types';

// Newlines and tabs are fine in long answers; other control characters only ever come from
// copy-paste accidents or attempts to break a renderer.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_SINGLE = /[\u0000-\u001F\u007F]/;

/** The single string value of a field, trimmed; '' when absent. */
export function text(raw: RawValues, id: string): string {
  const v = raw[id];
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.replace(/\r\n?/g, '\n').trim();
}

/** A multi-select value: an array, or a comma-separated string; trimmed, without blanks or repeats. */
export function list(raw: RawValues, id: string): string[] {
  const v = raw[id];
  const parts = Array.isArray(v) ? v.flatMap((s) => s.split(',')) : (v ?? '').split(',');
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}

/** A checkbox: 'true', 'on', 'yes', '1' or any non-empty list counts as ticked. */
export function checked(raw: RawValues, id: string): boolean {
  const v = raw[id];
  if (Array.isArray(v)) return v.some((s) => s.trim() !== '');
  return ['true', 'on', 'yes', '1'].includes((v ?? '').trim().toLowerCase());
}

/** True when the field holds anything at all. */
export function filled(raw: RawValues, id: string): boolean {
  return Array.isArray(raw[id]) ? list(raw, id).length > 0 : text(raw, id) !== '';
}

const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** Matches a typed answer to an option by value or label, so "In person" finds "in_person". */
export function pick(value: string, options: readonly { value: string; label: string }[]): string {
  const key = squash(value);
  return options.find((o) => squash(o.value) === key || squash(o.label) === key)?.value ?? value;
}

export interface TextRule {
  /** Message when empty; without it the field is optional and '' passes. */
  empty?: string;
  min?: number;
  /** Message when shorter than `min`. */
  short?: string;
  max: number;
  multiline?: boolean;
  locale: Locale;
}

/** A trimmed text field checked for presence, length and control characters. */
export function textSchema(rule: TextRule) {
  return z.string().superRefine((v, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (v === '') {
      if (rule.empty) fail(rule.empty);
      return;
    }
    if ((rule.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE).test(v)) {
      fail(t(rule.locale, rule.multiline ? 'form.input.multilineInvalid' : 'form.input.singleLine'));
    } else if (rule.min !== undefined && v.length < rule.min) {
      fail(rule.short ?? t(rule.locale, 'form.input.short', { min: rule.min }));
    } else if (v.length > rule.max) {
      fail(t(rule.locale, 'form.input.long', { max: rule.max, length: v.length }));
    }
  });
}

/** A choice among fixed values; anything else, including nothing, gets `message`. */
export function choiceSchema<T extends string>(values: readonly T[], message: string) {
  return z.string().refine((v): v is T => values.some((value) => value === v), { error: message }) as unknown as z.ZodType<T, string>;
}

export const EMAIL_MAX = 254;

/** An email address, trimmed. */
export function emailSchema(empty: string, locale: Locale) {
  return z.string().superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: empty });
    else if (v.length > EMAIL_MAX || !z.email().safeParse(v).success) {
      ctx.addIssue({ code: 'custom', message: t(locale, 'form.input.email') });
    }
  });
}

/** A country name or code, turned into its ISO code. */
export function countrySchema(empty: string, locale: Locale) {
  return z.string().transform((v, ctx) => {
    if (v === '') {
      ctx.addIssue({ code: 'custom', message: empty });
      return z.NEVER;
    }
    countryOptions(locale); // makes names in the applicant's language findable
    const country = findCountry(v);
    if (!country) {
      ctx.addIssue({ code: 'custom', message: t(locale, 'form.input.countryUnknown', { value: v.slice(0, 60) }) });
      return z.NEVER;
    }
    return country.code;
  });
}

export { countryOptions };

/** The language a form context is in. */
export const localeOf = (ctx: { locale?: Locale }): Locale => ctx.locale ?? 'en';

/** Runs a step schema and keys the first message of each field by its field id. */
export function runSchema<T>(schema: z.ZodType<T>, input: unknown, toPatch: (data: T) => StepParse & { ok: true }): StepParse {
  const result = schema.safeParse(input);
  if (result.success) return toPatch(result.data);
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The dialogues an applicant may choose: those of the call being applied to, in display order. */
export function callDialogues(ctx: FormContext): Dialogue[] {
  const call = ctx.calls.find((c) => c.id === ctx.callId);
  if (!call) return [];
  return ctx.dialogues.filter((d) => call.dialogueIds.includes(d.id)).sort((a, b) => a.sortOrder - b.sortOrder);
}
