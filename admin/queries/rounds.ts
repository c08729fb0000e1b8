/**
 * Reads behind the approval pages. What a State party's focal point sees is limited here, at the
 * query: organisation facts only — never the representatives, their names, emails or genders.
 */
import type { Kysely } from 'kysely';
import { answersJson, parseJson } from '../../db/json';
import type { Database } from '../../db/schema';
import type { StakeholderType } from '../../domain/types';
import type { CallWithDialogues } from './catalog';

export interface Candidate {
  applicationId: string;
  reference: string | null;
  organisation: string | null;
  country: string | null;
  regionalGroup: string | null;
  stakeholderType: string | null;
  status: 'recommended' | 'objected';
  /** Set when the application is in a live round already (it cannot go into another). */
  liveRoundId: string | null;
}

/** Applications recommended (or objected and back) for a dialogue of a call, by reference. */
export async function candidates(db: Kysely<Database>, callId: string, dialogueId: string): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('application_dialogues as ad')
    .innerJoin('applications as a', 'a.id', 'ad.application_id')
    .leftJoin('round_items as i', (j) =>
      j.onRef('i.application_id', '=', 'ad.application_id').onRef('i.dialogue_id', '=', 'ad.dialogue_id').on('i.active', '=', 1),
    )
    .select([
      'a.id',
      'a.reference',
      'a.organisation_name',
      'a.country',
      'a.regional_group',
      'a.stakeholder_type',
      'ad.status',
      'i.round_id',
    ])
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'submitted')
    .where('ad.dialogue_id', '=', dialogueId)
    .where('ad.status', 'in', ['recommended', 'objected'])
    .orderBy('a.reference')
    .execute();
  return rows.map((r) => ({
    applicationId: r.id,
    reference: r.reference,
    organisation: r.organisation_name,
    country: r.country,
    regionalGroup: r.regional_group,
    stakeholderType: r.stakeholder_type,
    status: r.status === 'objected' ? 'objected' : 'recommended',
    liveRoundId: r.round_id ?? null,
  }));
}

/** A dialogue of a call with applications recommended (or objected) and in no open round. */
export interface WaitingForRound {
  callId: string;
  callTitle: string;
  dialogueId: string;
  recommended: number;
  objected: number;
}

/** Per live call and dialogue, what could go into a new round now. */
export async function waitingForRound(db: Kysely<Database>, calls: CallWithDialogues[]): Promise<WaitingForRound[]> {
  const ready: WaitingForRound[] = [];
  for (const call of calls.filter((k) => !k.archived)) {
    for (const dialogueId of call.dialogueIds) {
      const list = (await candidates(db, call.id, dialogueId)).filter((x) => !x.liveRoundId);
      if (list.length)
        ready.push({
          callId: call.id,
          callTitle: call.title,
          dialogueId,
          recommended: list.filter((x) => x.status === 'recommended').length,
          objected: list.filter((x) => x.status === 'objected').length,
        });
    }
  }
  return ready;
}

export interface RoundOrganisation {
  applicationId: string;
  reference: string | null;
  name: string;
  stakeholderType: StakeholderType;
  country: string;
  ecosoc: boolean;
  website: string;
  areasOfWork: string;
  relevance: string;
  note: string | null;
  outcome: string | null;
}

/** The organisations of a round, as a focal point may see them. */
export async function roundOrganisations(db: Kysely<Database>, roundId: string): Promise<RoundOrganisation[]> {
  const rows = await db
    .selectFrom('round_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select(['a.id', 'a.reference', 'a.answers', 'i.dialogue_id', 'i.note', 'i.outcome'])
    .where('i.round_id', '=', roundId)
    .orderBy('a.organisation_name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => {
    const a = parseJson(r.answers, answersJson, 'application answers');
    return {
      applicationId: r.id,
      reference: r.reference,
      name: a.organisationName ?? '',
      stakeholderType: a.stakeholderType ?? 'other',
      country: a.country ?? '',
      ecosoc: a.stakeholderType === 'ngo_ecosoc',
      website: a.website ?? '',
      areasOfWork: a.areasOfWork ?? '',
      relevance: a.relevance?.[r.dialogue_id] ?? '',
      note: r.note,
      outcome: r.outcome,
    };
  });
}

/** Focal points (active state_party users) to tell about a round. */
export async function focalPoints(db: Kysely<Database>): Promise<{ id: string; email: string; state: string }[]> {
  const rows = await db
    .selectFrom('admin_users')
    .select(['id', 'email', 'state_party'])
    .where('role', '=', 'state_party')
    .where('disabled', '=', 0)
    .where('state_party', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.state_party ? [{ id: r.id, email: r.email, state: r.state_party }] : []));
}
