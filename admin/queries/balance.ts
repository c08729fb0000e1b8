/**
 * Balance counts for one dialogue per stage: applicants (submitted, not withdrawn from it), those
 * recommended by reviewers and those approved, by gender of representatives, UN regional group, stakeholder type and ECOSOC status.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface BalanceRow {
  key: string;
  applicants: number;
  recommended: number;
  approved: number;
}

export async function balanceFor(db: Kysely<Database>, dialogueId: string) {
  const base = () =>
    db
      .selectFrom('application_dialogues as ad')
      .innerJoin('applications as a', 'a.id', 'ad.application_id')
      .where('ad.dialogue_id', '=', dialogueId)
      .where('ad.status', '!=', 'withdrawn')
      .where('a.status', '=', 'submitted');
  const approved = sql<number>`sum(case when ad.status = 'approved' then 1 else 0 end)`.as('approved');
  const applicants = sql<number>`count(*)`.as('applicants');
  const recommended = sql<number>`sum(case when ad.status = 'recommended' then 1 else 0 end)`.as('recommended');
  const ecosoc = sql<string>`case a.stakeholder_type when 'ngo_ecosoc' then 'With ECOSOC status' when 'ngo' then 'NGO without ECOSOC status' else 'Not an NGO' end`;
  const [gender, region, type, eco] = await Promise.all([
    base()
      .innerJoin('representatives as r', 'r.application_id', 'a.id')
      .select(['r.gender as key', applicants, recommended, approved])
      .groupBy('r.gender')
      .execute(),
    base()
      .select([sql<string>`coalesce(a.regional_group, 'Unknown')`.as('key'), applicants, recommended, approved])
      .groupBy('a.regional_group')
      .execute(),
    base()
      .select([sql<string>`coalesce(a.stakeholder_type, 'unknown')`.as('key'), applicants, recommended, approved])
      .groupBy('a.stakeholder_type')
      .execute(),
    base()
      .select([ecosoc.as('key'), applicants, recommended, approved])
      .groupBy(ecosoc)
      .execute(),
  ]);
  const norm = (rows: { key: string; applicants: number; recommended: number; approved: number }[]): BalanceRow[] =>
    rows.map((r) => ({
      key: r.key,
      applicants: Number(r.applicants),
      recommended: Number(r.recommended ?? 0),
      approved: Number(r.approved ?? 0),
    }));
  return { gender: norm(gender), region: norm(region), type: norm(type), ecosoc: norm(eco) };
}
