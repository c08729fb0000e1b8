/**
 * Kysely's view of the database. Times are UTC ISO strings; JSON columns hold text that the
 * repositories parse with zod on the way out. Booleans are 0/1 (SQLite and D1 have no bool).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface DialoguesTable {
  id: string;
  name: string;
  short_name: string;
  date: string | null;
  format: string;
  location: string;
  description: string;
  status: string;
  call_note: string | null;
  sort_order: number;
  /** JSON string[]: other names of the dialogue, any language. */
  aliases: Generated<string>;
  /** JSON { fr?: DialogueText, es?: DialogueText }. */
  translations: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface CallsTable {
  id: string;
  title: string;
  reference_prefix: string;
  opens_at: string;
  closes_at: string;
  zone: string;
  archived: number;
  /** Last reference number handed out; bumped in the submission's atomic write. */
  last_reference: Generated<number>;
  /** Who approves what reviewers recommend: states_parties | extended_bureau | secretariat. */
  approval_body: Generated<string>;
  /** JSON BalanceTargets: target share per gender and per regional group. */
  balance_targets: Generated<string>;
  /** Months after the call's last dialogue that personal data is kept (retention job). */
  retention_months: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CallDialoguesTable {
  call_id: string;
  dialogue_id: string;
}

export interface FaqEntriesTable {
  id: string;
  call_id: string | null;
  question: string;
  variants: string; // JSON string[]
  answer: string;
  source: string;
  source_url: string | null;
  topic: string | null;
  archived: Generated<number>;
  /** JSON string[]: up to three FAQ entry ids offered as follow-up questions. */
  related: Generated<string>;
  updated_at: string;
}

/** An FAQ entry in one more language (English is faq_entries itself). */
export interface FaqTranslationsTable {
  faq_id: string;
  locale: string;
  question: string;
  variants: string; // JSON string[]
  answer: string;
  updated_at: string;
}

export interface UnansweredQuestionsTable {
  id: string;
  text: string;
  platform: string;
  person_id: string | null;
  asked_at: string;
  best_match_id: string | null;
  status: string; // open | answered | dismissed
  answered_faq_id: string | null;
  /** JSON Recipient: where the answer goes; null when none can be delivered. */
  reply_to: string | null;
  locale: Generated<string>;
  /** The question normalised: the same question from several people groups on it. */
  normalized: Generated<string>;
  /** The question this one is answered through (same question, or merged by the secretariat). */
  merged_into: string | null;
  kind: Generated<string>; // question | contact
  answer: string | null;
  answered_by: string | null;
  answered_ref: string | null;
  answered_at: string | null;
  /** Written by the answering batch: its later statements run only if this batch won. */
  answer_token: string | null;
  dismiss_reason: string | null;
  assigned_to: string | null;
  assigned_ref: string | null;
  /** Bumped on every change the secretariat channel's card shows. */
  version: Generated<number>;
}

export interface PeopleTable {
  id: string;
  display_name: string | null;
  email: string | null;
  time_zone: string | null;
  /** An address a platform or a sign-in code vouched for: one person per verified address. */
  verified_email: string | null;
  /** 1: notices also go by email, wherever the person last was. */
  email_notices: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Set when the person's data was erased (on request or by retention); the row stays as an anonymous key. */
  erased_at: Generated<string | null>;
}

export interface IdentitiesTable {
  platform: string;
  scope: string; // Slack team id, Teams tenant id, '' when none
  user_id: string;
  person_id: string;
  created_at: string;
  /** Refreshed at most every few minutes: notices go to the identity used last. */
  last_seen_at: string | null;
}

/** One-time sign-in codes for the web: only a hash of the code is kept. */
export interface SignInCodesTable {
  id: string;
  email: string; // normalised (trimmed, lower-case)
  code_hash: string;
  client_key: string; // hash of the client address, for the per-client limit
  created_at: string;
  expires_at: string;
  attempts: Generated<number>;
  used_at: string | null;
}

/** Applicant sessions on the web; separate from admin sessions. */
export interface ApplicantSessionsTable {
  id: string; // SHA-256 of the cookie token
  person_id: string;
  email: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  name_key: string; // lower-cased, spaces folded: one organisation per name and country
  country: string;
  stakeholder_type: string;
  website: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationsTable {
  id: string;
  call_id: string;
  person_id: string;
  organisation_id: string | null;
  platform: string;
  reference: string | null;
  status: string; // draft | submitted | withdrawn
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
  stakeholder_type: string | null;
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
  status: string;
  round: number;
  updated_at: string;
}

export interface RepresentativesTable {
  application_id: string;
  position: number;
  name: string;
  gender: string;
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
  outcome: string;
  reason: string | null;
  decider_name: string;
  decider_ref: string;
  decided_at: string;
}

export interface ConversationStateTable {
  key: string; // platform:scope:user
  state: string; // JSON
  updated_at: string;
}

export interface ProcessedEventsTable {
  id: string; // platform:event id
  received_at: string;
}

export interface OutboxTable {
  id: string;
  dedupe_key: string;
  platform: string;
  recipient: string; // JSON Recipient
  purpose: string;
  payload: string; // JSON Reply[]
  replaces: string | null; // dedupe key of the message this one updates
  status: string; // pending | sending | delivered | failed
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  /** Where the platform put it (Slack channel+ts, Teams conversation+activity id), JSON. */
  external_ref: string | null;
  /** The platform's own id of the delivered message (Teams activity id, Slack ts), indexed. */
  external_id: Generated<string | null>;
  created_at: string;
  delivered_at: string | null;
}

/** People named as reviewers in the admin panel (besides review-channel members). */
export interface PlatformReviewersTable {
  platform: string;
  user_id: string; // Slack user id, or "T…/U…"; Teams AAD object id
  label: string;
  added_by: string;
  added_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_ref: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string; // JSON
}

export interface AdminUsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string; // admin | secretariat | reviewer | state_party
  /** For role state_party: the State party (ISO 3166-1 alpha-2) this focal point speaks for. */
  state_party: string | null;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AdminSessionsTable {
  id: string; // SHA-256 of the cookie token, never the token itself
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginAttemptsTable {
  key: string; // "pair:<email>|<addr>", "email:<addr>" or "ip:<addr>"
  window_start: string;
  failures: number;
  /** A pair key: no attempt before this instant. */
  blocked_until: Generated<string | null>;
  /** A pair key: blocks in a row; each lasts twice the one before. */
  strikes: Generated<number>;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}

export interface SubscriptionsTable {
  id: string;
  person_id: string;
  dialogue_id: string;
  recipient: string; // JSON Recipient
  created_at: string;
  notified_at: string | null;
}

/** Conversations the bot has seen: where it may post, and what admins may pick as channels. */
export interface ConversationsTable {
  platform: string;
  id: string; // Slack channel id, Teams conversation id
  scope: string;
  kind: string; // personal | channel | group
  name: string | null;
  user_id: string | null; // for personal conversations: whose
  service_url: string | null; // Teams
  data: string | null; // JSON extra reference fields
  updated_at: string;
}

/** Reviewer channel per call and platform; call_id '' is the default for every call. */
export interface ReviewChannelsTable {
  call_id: string;
  platform: string;
  address: string;
  updated_at: string;
}

/** A non-objection round: a frozen list of recommended applications sent to the approval body. */
export interface ApprovalRoundsTable {
  id: string;
  call_id: string;
  dialogue_id: string;
  body: string; // states_parties | extended_bureau
  status: string; // open | closed | cancelled
  closes_at: string;
  zone: string; // the zone the closing time was set in (Europe/Vienna)
  created_by: string; // actor ref
  sent_at: string;
  closed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

export interface RoundItemsTable {
  round_id: string;
  application_id: string;
  dialogue_id: string;
  /** The secretariat's note when an objected application is put into a new round. */
  note: string | null;
  /** 1 while the round is open; a partial unique index keeps an application in one live round. */
  active: Generated<number>;
  outcome: string | null; // approved | objected | cancelled | withdrawn
}

export interface ObjectionsTable {
  id: string;
  round_id: string;
  application_id: string;
  dialogue_id: string;
  state_party: string;
  user_id: string;
  reason: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** Secretariat channel (questions arrive as cards) per call and platform; call_id '' is the default. */
export interface SecretariatChannelsTable {
  call_id: string;
  platform: string;
  address: string;
  updated_at: string;
}

export interface Database {
  dialogues: DialoguesTable;
  calls: CallsTable;
  call_dialogues: CallDialoguesTable;
  faq_entries: FaqEntriesTable;
  faq_translations: FaqTranslationsTable;
  unanswered_questions: UnansweredQuestionsTable;
  people: PeopleTable;
  identities: IdentitiesTable;
  organisations: OrganisationsTable;
  applications: ApplicationsTable;
  application_dialogues: ApplicationDialoguesTable;
  representatives: RepresentativesTable;
  application_events: ApplicationEventsTable;
  decisions: DecisionsTable;
  conversation_state: ConversationStateTable;
  processed_events: ProcessedEventsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  admin_users: AdminUsersTable;
  admin_sessions: AdminSessionsTable;
  login_attempts: LoginAttemptsTable;
  settings: SettingsTable;
  subscriptions: SubscriptionsTable;
  conversations: ConversationsTable;
  review_channels: ReviewChannelsTable;
  platform_reviewers: PlatformReviewersTable;
  sign_in_codes: SignInCodesTable;
  applicant_sessions: ApplicantSessionsTable;
  approval_rounds: ApprovalRoundsTable;
  round_items: RoundItemsTable;
  objections: ObjectionsTable;
  secretariat_channels: SecretariatChannelsTable;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplicationRow = Insertable<ApplicationsTable>;
export type ApplicationUpdate = Updateable<ApplicationsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type DialogueRow = Selectable<DialoguesTable>;
export type CallRow = Selectable<CallsTable>;
export type FaqRow = Selectable<FaqEntriesTable>;
export type QuestionRow = Selectable<UnansweredQuestionsTable>;
export type AdminUserRow = Selectable<AdminUsersTable>;
