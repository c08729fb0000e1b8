/**
 * The form that sends a round: which applications, when it closes (Vienna time), and a note for
 * each application sent again after an objection.
 */
import * as z from 'zod';
import { resendNoteSchema } from '../../domain/approval';
import type { RawForm } from '../form';
import type { Errors } from '../views/fields';

export const sendRoundSchema = z.object({
  call_id: z.string().trim().min(1).max(100),
  dialogue_id: z.string().trim().min(1).max(100),
  application_ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    z.array(z.string().max(100)).min(1, 'Choose at least one application').max(2000),
  ),
  closes_local: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter the closing date and time'),
});

/** Each chosen application with its note (`note_<id>`), checked; an empty note is none. */
export function roundItems(ids: string[], raw: RawForm): { items: { applicationId: string; note: string | null }[]; errors: Errors } {
  const errors: Errors = {};
  const items = ids.map((id) => {
    const note = String(raw[`note_${id}`] ?? '').trim();
    if (!note) return { applicationId: id, note: null };
    const checked = resendNoteSchema.safeParse(note);
    if (!checked.success) errors[`note_${id}`] = checked.error.issues[0]?.message;
    return { applicationId: id, note: checked.success ? checked.data : null };
  });
  return { items, errors };
}
