/**
 * JSON columns: written with `toJson`, read back through a zod schema so that a malformed row
 * fails loudly at the storage edge instead of deep inside the engine or a renderer.
 */
import * as z from 'zod';
import { sha256Hex } from '../lib/crypto';
import { LOCALES } from '../domain/i18n/locales';
import type { Recipient, Reply } from '../domain/messages';
import type { ApplicationAnswers } from '../domain/types';

export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

/** Parses a JSON column; `what` names the column in the error so logs point at the bad row. */
export function parseJson<S extends z.ZodType>(text: string | null, schema: S, what: string): z.output<S> {
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    throw new Error(`Stored ${what} is not valid JSON.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Stored ${what} has an unexpected shape.`);
  return parsed.data;
}

/**
 * Reads a JSON column for display: a malformed row shows as `fallback` rather than failing the
 * page that lists it (the admin panel must stay usable to repair such a row).
 */
export function readJsonOr<S extends z.ZodType>(text: string | null | undefined, schema: S, fallback: z.output<S>): z.output<S> {
  try {
    const parsed = schema.safeParse(text === null || text === undefined ? null : JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export const stringArray = z.array(z.string());
export const anyJson = z.unknown();
const dialogueText = z.object({
  name: z.string(),
  shortName: z.string(),
  location: z.string(),
  description: z.string(),
  callNote: z.string().nullable(),
});
/** A dialogue's French and Spanish texts; a locale with a broken shape is dropped, not fatal. */
const callText = z.object({ title: z.string() });
export const callTranslationsJson = z
  .object({ fr: callText.optional().catch(undefined), es: callText.optional().catch(undefined) })
  .catch({});

export const dialogueTranslationsJson = z
  .object({ fr: dialogueText.optional().catch(undefined), es: dialogueText.optional().catch(undefined) })
  .catch({});

// Answers are validated by the form's own schemas when they come in; here we only insist on an
// object so drafts with any subset of fields round-trip untouched.
/** The stored answers as plain data (exports, the admin panel). */
export const answersRecordJson = z.record(z.string(), z.unknown());
export const answersJson = answersRecordJson.transform((v) => v as Partial<ApplicationAnswers>);

export const recipientJson: z.ZodType<Recipient> = z.object({
  platform: z.enum(['slack', 'teams', 'playground', 'web', 'email']),
  kind: z.enum(['user', 'channel']),
  address: z.string(),
  scope: z.string().optional(),
  locale: z.enum(LOCALES).optional(),
  thread: z.string().optional(),
});

// Replies are produced by our own code and rendered by our own renderers; checking the
// discriminant is enough to catch a row written by something else.
export const repliesJson = z
  .array(z.looseObject({ kind: z.enum(['text', 'card', 'form', 'prompt']) }))
  .transform((v) => v as unknown as Reply[]);

/** Stable JSON (object keys sorted) so equal content always gives equal text and fingerprint. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 hex of the canonical JSON. */
export async function fingerprint(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}

export const newId = (): string => crypto.randomUUID();

let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7-shaped id that sorts by creation, strictly increasing within a process: outbox rows
 * written in one batch (a review card, then its update) must be delivered in that order, and
 * they share the same `created_at`.
 */
export function orderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    seq += 1;
    if (seq > 0xfff) {
      lastMs += 1;
      seq = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = 0;
  }
  const hex = ms.toString(16).padStart(12, '0').slice(-12);
  const rand = crypto.getRandomValues(new Uint8Array(8));
  const tail = [...rand].map((b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((rand[0]! & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${seq.toString(16).padStart(3, '0')}-${variant}${tail.slice(2, 4)}-${tail.slice(4, 16)}`;
}
