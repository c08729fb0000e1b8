/** Conversation state, delivery (outbox, processed events), admin panel, audit, settings, channels and approval rounds. */
import type { Generated } from 'kysely';
import type { OutboundMessage } from '../../domain/messages';
import type { ApprovalBody, Platform } from '../../domain/types';

export type OutboxStatus = 'pending' | 'sending' | 'delivered' | 'failed';
export type RoundStatus = 'open' | 'closed' | 'cancelled';
export type RoundItemOutcome = 'approved' | 'objected' | 'cancelled' | 'withdrawn';

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
  platform: Platform;
  recipient: string; // JSON Recipient
  purpose: OutboundMessage['purpose'];
  payload: string; // JSON Reply[]
  replaces: string | null; // dedupe key of the message this one updates
  status: OutboxStatus;
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
  platform: Platform;
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
  platform: Platform;
  id: string; // Slack channel id, Teams conversation id
  scope: string;
  kind: 'personal' | 'channel' | 'group';
  name: string | null;
  user_id: string | null; // for personal conversations: whose
  service_url: string | null; // Teams
  data: string | null; // JSON extra reference fields
  updated_at: string;
}

/** Reviewer channel per call and platform; call_id '' is the default for every call. */
export interface ReviewChannelsTable {
  call_id: string;
  platform: Platform;
  address: string;
  /** Language of the cards posted there; null: the deployment's REVIEW_LOCALE. */
  locale: string | null;
  updated_at: string;
}

/** A non-objection round: a frozen list of recommended applications sent to the approval body. */
export interface ApprovalRoundsTable {
  id: string;
  call_id: string;
  dialogue_id: string;
  body: Exclude<ApprovalBody, 'secretariat'>;
  status: RoundStatus;
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
  outcome: RoundItemOutcome | null;
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
  platform: Platform;
  address: string;
  updated_at: string;
}
