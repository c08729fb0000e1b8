/**
 * What one exported application looks like, shared by CSV and XLSX, read in keyset batches so
 * an export of 100,000 applications never holds more than one batch in memory.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { GENDER_LABELS, STAKEHOLDER_LABELS } from '../../domain/eligibility';
import type { StakeholderType } from '../../domain/types';
import { label } from '../views/format';
import { fetchPage, type AppFilters, type AppQuery, type Cursor } from '../queries/applications';

export const BATCH = 500;

export const HEADER = [
  'Reference',
  'Application id',
  'Status',
  'Submitted (UTC)',
  'Organisation',
  'Stakeholder type',
  'ECOSOC status',
  'Country',
  'UN regional group',
  'Website',
  'Organisation focus',
  'Areas of work',
  'Participation',
  'Travel support',
  'Travel justification',
  'Dialogues and review status',
  'Relevance',
  'Representatives',
  'Representatives\u2019 genders',
  'Platform',
  'Created (UTC)',
];

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

// Guarded: json_each on text that is not JSON would fail the whole batch; a broken row exports
// its columns only.
const fromAnswers = (path: string) => sql<unknown>`case when json_valid(a.answers) then json_extract(a.answers, ${path}) end`;

/**
 * Everything a row needs, computed by SQLite: the JSON answers are read there (json_extract,
 * json_each) and the dialogues and representatives joined into their cells, so the export never
 * holds a parsed answers object or a batch of representatives in memory: each row arrives as a
 * few short strings. This is what keeps 100,000 rows under the memory target.
 */
const exportColumns = (q: AppQuery) =>
  q.select([
    'a.id',
    'a.reference',
    'a.status',
    'a.submitted_at',
    'a.organisation_name',
    'a.stakeholder_type',
    'a.country',
    'a.regional_group',
    'a.participation',
    'a.travel_support',
    'a.platform',
    'a.created_at',
    fromAnswers('$.website').as('website'),
    fromAnswers('$.organisationFocus').as('focus'),
    fromAnswers('$.areasOfWork').as('areas'),
    fromAnswers('$.travelJustification').as('justification'),
    sql<
      string | null
    >`case when json_valid(a.answers) then (select group_concat(coalesce(d.short_name, j.key) || ': ' || j.value, char(10)) from json_each(a.answers, '$.relevance') j left join dialogues d on d.id = j.key) end`.as(
      'relevance',
    ),
    sql<
      string | null
    >`(select group_concat(coalesce(d.short_name, ad.dialogue_id) || ': ' || ad.status, '; ') from application_dialogues ad left join dialogues d on d.id = ad.dialogue_id where ad.application_id = a.id)`.as(
      'dialogues',
    ),
    sql<
      string | null
    >`(select group_concat(r.name || ' (' || r.role || '; ' || r.nationality || '; ' || r.email || ')', char(10)) from (select name, role, nationality, email from representatives where application_id = a.id order by position) r)`.as(
      'people',
    ),
    sql<
      string | null
    >`(select group_concat(r.gender, '; ') from (select gender from representatives where application_id = a.id order by position) r)`.as(
      'genders',
    ),
  ]);

const genderLabel = (g: string) => (g ? label(GENDER_LABELS, g) : g);

/** Yields batches of rows (arrays of cell strings) in list order until the filter is exhausted. */
export async function* exportBatches(db: Kysely<Database>, f: AppFilters): AsyncGenerator<string[][]> {
  let after: Cursor | null = null;
  do {
    const page: { rows: ExportRow[]; next: Cursor | null } = await fetchPage(db, f, after, BATCH, exportColumns);
    const rows = page.rows;
    yield rows.map((a) => [
      text(a.reference),
      a.id,
      a.status,
      text(a.submitted_at),
      text(a.organisation_name),
      a.stakeholder_type ? STAKEHOLDER_LABELS[a.stakeholder_type] : '',
      a.stakeholder_type === 'ngo_ecosoc' ? 'Yes' : a.stakeholder_type ? 'No' : '',
      text(a.country),
      text(a.regional_group),
      text(a.website),
      text(a.focus),
      text(a.areas),
      text(a.participation),
      a.travel_support === null ? '' : a.travel_support ? 'Yes' : 'No',
      text(a.justification),
      text(a.dialogues),
      text(a.relevance),
      text(a.people),
      a.genders ? a.genders.split('; ').map(genderLabel).join('; ') : '',
      a.platform,
      a.created_at,
    ]);
    after = page.next;
  } while (after);
}

interface ExportRow {
  id: string;
  reference: string | null;
  status: string;
  submitted_at: string | null;
  organisation_name: string | null;
  stakeholder_type: StakeholderType | null;
  country: string | null;
  regional_group: string | null;
  participation: string | null;
  travel_support: number | null;
  platform: string;
  created_at: string;
  website: unknown;
  focus: unknown;
  areas: unknown;
  justification: unknown;
  relevance: string | null;
  dialogues: string | null;
  people: string | null;
  genders: string | null;
}
