/**
 * Reading and checking posted forms: zod decides, and on failure the page is drawn again with
 * what was typed and one message per field.
 */
import type { Context } from 'hono';
import type * as z from 'zod';
import { CSRF_FIELD } from './auth/csrf';
import { parseFormBody } from './body';
import type { Errors } from './views/fields';

export type RawForm = Record<string, string | string[]>;

export async function readForm(c: Context): Promise<RawForm> {
  const body = await parseFormBody(c);
  const out: RawForm = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === CSRF_FIELD) continue;
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: Errors };

export function check<S extends z.ZodType>(schema: S, raw: unknown): Checked<z.output<S>> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const errors: Errors = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
