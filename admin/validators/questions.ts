/**
 * The questions inbox's forms: an answer (with the FAQ entry it may become), a dismissal's
 * reason, and the question a group is the same as.
 */
import * as z from 'zod';
import { DISMISS_REASON_MAX } from '../../domain/questions';

export const answerSchema = z.object({
  answer: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
  add_to_faq: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
  question: z
    .string()
    .trim()
    .max(500, 'Keep the FAQ question to 500 characters')
    .optional()
    .transform((v) => v ?? ''),
  call_id: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || null),
});

export const dismissSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the question is dismissed')
    .max(DISMISS_REASON_MAX, `Keep the reason to ${DISMISS_REASON_MAX} characters`),
});

export const mergeSchema = z.object({ into: z.string().trim().min(1, 'Choose the question it is the same as').max(100) });
