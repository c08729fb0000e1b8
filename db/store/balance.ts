/**
 * Counts behind the reviewer card's balance line: who is recommended or approved for a dialogue.
 */
import { sql, type Kysely } from 'kysely';
import type { StageCounts } from '../../domain/balance';
import type { Gender } from '../../domain/types';
import type { Database } from '../schema';

/** Recommended + approved for `dialogueId`, leaving out `exclude` (the application on the card). */
export async function stageCounts(db: Kysely<Database>, dialogueId: string, exclude: string | null): Promise<StageCounts> {
  const base = () => {
    let q = db
      .selectFrom('application_dialogues as ad')
      .innerJoin('applications as a', 'a.id', 'ad.application_id')
      .where('ad.dialogue_id', '=', dialogueId)
      .where('ad.status', 'in', ['recommended', 'approved'])
      .where('a.status', '=', 'submitted');
    if (exclude) q = q.where('a.id', '!=', exclude);
    return q;
  };
  const [genders, regions] = await Promise.all([
    base()
      .innerJoin('representatives as r', 'r.application_id', 'a.id')
      .select(['r.gender as key', sql<number>`count(*)`.as('n')])
      .groupBy('r.gender')
      .execute(),
    base()
      .select([sql<string>`coalesce(a.regional_group, 'Other')`.as('key'), sql<number>`count(*)`.as('n')])
      .groupBy('a.regional_group')
      .execute(),
  ]);
  const gender: Partial<Record<Gender, number>> = {};
  for (const g of genders) gender[g.key] = Number(g.n);
  const region: Record<string, number> = {};
  for (const r of regions) region[r.key] = (region[r.key] ?? 0) + Number(r.n);
  return { gender, region };
}
