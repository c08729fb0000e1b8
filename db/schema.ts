/**
 * Kysely's view of the database. Times are UTC ISO strings; JSON columns hold text that the
 * repositories parse with zod on the way out. Booleans are 0/1 (SQLite and D1 have no bool).
 */
import type { Selectable } from 'kysely';
import type {
  DialoguesTable,
  CallsTable,
  CallDialoguesTable,
  FaqEntriesTable,
  FaqTranslationsTable,
  UnansweredQuestionsTable,
} from './tables/catalog';
import type { PeopleTable, IdentitiesTable, SignInCodesTable, ApplicantSessionsTable } from './tables/people';
import type {
  OrganisationsTable,
  ApplicationsTable,
  ApplicationDialoguesTable,
  RepresentativesTable,
  ApplicationEventsTable,
  DecisionsTable,
} from './tables/applications';
import type { InstallationsTable, OauthStatesTable } from './tables/installations';
import type {
  ConversationStateTable,
  ProcessedEventsTable,
  OutboxTable,
  PlatformReviewersTable,
  AuditLogTable,
  AdminUsersTable,
  AdminSessionsTable,
  LoginAttemptsTable,
  SettingsTable,
  SubscriptionsTable,
  ConversationsTable,
  ReviewChannelsTable,
  ApprovalRoundsTable,
  RoundItemsTable,
  ObjectionsTable,
  SecretariatChannelsTable,
} from './tables/operations';

// Every table's row type (and the column unions they use) is reachable from here, as before the split.
export type * from './tables/catalog';
export type * from './tables/people';
export type * from './tables/applications';
export type * from './tables/installations';
export type * from './tables/operations';

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
  installations: InstallationsTable;
  oauth_states: OauthStatesTable;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type DialogueRow = Selectable<DialoguesTable>;
export type CallRow = Selectable<CallsTable>;
export type FaqRow = Selectable<FaqEntriesTable>;
export type QuestionRow = Selectable<UnansweredQuestionsTable>;
