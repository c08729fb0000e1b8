/**
 * What one exported application looks like, shared by CSV and XLSX, read in keyset batches so
 * an export of 100,000 applications never holds more than one batch in memory.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { GENDER_LABELS, STAKEHOLDER_LABELS } from '../../domain/eligibility';
import { dialoguesOf, fetchPage, representativesOf, type AppFilters, type Cursor } from '../queries/applications';

export const BATCH = 500;

export const HEADER = [
  'Reference', 'Application id', 'Status', 'Submitted (UTC)', 'Organisation', 'Stakeholder type', 'ECOSOC status', 'Country',
  'UN regional group', 'Website', 'Organisation focus', 'Areas of work', 'Participation', 'Travel support', 'Travel justification',
  'Dialogues and review status', 'Relevance', 'Representatives', 'Representatives\u2019 genders', 'Platform', 'Created (UTC)',
];

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Yields batches of rows (arrays of cell strings) in list order until the filter is exhausted. */
export async function* exportBatches(db: Kysely<Database>, f: AppFilters): AsyncGenerator<string[][]> {
  const dialogues = await db.selectFrom('dialogues').select(['id', 'short_name']).execute();
  const short = new Map(dialogues.map((d) => [d.id, d.short_name]));
  let after: Cursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof fetchPage<{ id: string; submitted_at: string | null }>>> = await fetchPage(db, f, after, BATCH, (q) => q.selectAll('a') as never);
    const rows = page.rows as unknown as Database['applications'][];
    const ids = rows.map((r) => r.id);
    const [ads, reps] = await Promise.all([dialoguesOf(db, ids), representativesOf(db, ids)]);
    yield rows.map((a) => {
      let answers: Record<string, unknown> = {};
      try { answers = JSON.parse(a.answers) as Record<string, unknown>; } catch { /* a broken row exports its columns only */ }
      const people = reps.get(a.id) ?? [];
      const relevance = (answers.relevance ?? {}) as Record<string, string>;
      return [
        text(a.reference), a.id, a.status, text(a.submitted_at), text(a.organisation_name),
        a.stakeholder_type ? STAKEHOLDER_LABELS[a.stakeholder_type as keyof typeof STAKEHOLDER_LABELS] ?? a.stakeholder_type : '',
        a.stakeholder_type === 'ngo_ecosoc' ? 'Yes' : a.stakeholder_type ? 'No' : '',
        text(a.country), text(a.regional_group), text(answers.website), text(answers.organisationFocus), text(answers.areasOfWork),
        text(a.participation), a.travel_support === null ? '' : a.travel_support ? 'Yes' : 'No', text(answers.travelJustification),
        (ads.get(a.id) ?? []).map((d) => `${short.get(d.dialogue_id) ?? d.dialogue_id}: ${d.status}`).join('; '),
        Object.entries(relevance).map(([k, v]) => `${short.get(k) ?? k}: ${v}`).join('\n'),
        people.map((p) => `${p.name} (${p.role}; ${p.nationality}; ${p.email})`).join('\n'),
        people.map((p) => GENDER_LABELS[p.gender as keyof typeof GENDER_LABELS] ?? p.gender).join('; '),
        a.platform, a.created_at,
      ];
    });
    after = page.next;
  } while (after);
}
