/** Applications, their organisations and representatives, history and decisions. */
import type { Generated } from 'kysely';
import type { ApplicationStatus, DecisionOutcome, DialogueReviewStatus, Gender, Platform, StakeholderType } from '../../domain/types';

export interface OrganisationsTable {
  id: string;
  name: string;
  name_key: string; // lower-cased, spaces folded: one organisation per name and country
  country: string;
  stakeholder_type: StakeholderType;
  website: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationsTable {
  id: string;
  call_id: string;
  person_id: string;
  organisation_id: string | null;
  platform: Platform;
  reference: string | null;
  status: ApplicationStatus;
  answers: string; // JSON Partial<ApplicationAnswers>
  current_step: string | null;
  /**
   * SHA-256 of the answers last submitted (db/store/submit.ts): an unchanged resubmission is
   * recognised by it and writes nothing; a different one is an edit.
   */
  submit_token: string | null;
  version: Generated<number>;
  // Denormalised from answers at submission, for filters and balance at scale.
  organisation_name: string | null;
  stakeholder_type: StakeholderType | null;
  country: string | null;
  regional_group: string | null;
  participation: string | null;
  travel_support: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  withdrawn_at: string | null;
  /** When names, emails, free text and platform ids were erased; the anonymous facts remain. */
  erased_at: Generated<string | null>;
}

export interface ApplicationDialoguesTable {
  application_id: string;
  dialogue_id: string;
  status: DialogueReviewStatus;
  round: number;
  updated_at: string;
}

export interface RepresentativesTable {
  application_id: string;
  position: number;
  name: string;
  gender: Gender;
  email: string;
  role: string;
  nationality: string;
}

export interface ApplicationEventsTable {
  id: string;
  application_id: string;
  at: string;
  kind: string; // created | step_saved | submitted | edited | withdrawn | decision | info_answer | message
  actor_ref: string;
  detail: string; // JSON
}

export interface DecisionsTable {
  id: string;
  application_id: string;
  dialogue_id: string;
  round: number;
  outcome: DecisionOutcome;
  reason: string | null;
  decider_name: string;
  decider_ref: string;
  decided_at: string;
}
