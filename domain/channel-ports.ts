/**
 * What the chat and web adapters keep beyond the Store, as ports implemented in db/: which
 * deliveries were already handled, who is on a reviewer list, Teams conversation references,
 * the review card a click updated, the playground's delivered messages, and the web sign-in's
 * codes and sessions. Adapters see these interfaces, never a database.
 */
import type { Platform } from './types';
import type { Recipient, Reply } from './messages';

/** First-delivery dedupe of platform events (Slack event ids, Teams activity ids). */
export interface Deliveries {
  /** True the first time an id is seen (stored, so it holds across restarts and processes). */
  isNew(id: string): Promise<boolean>;
  /** Takes an id back after its handling failed: the same delivery, retried, is then new again. */
  forget(id: string): Promise<void>;
}

/** The admin panel's reviewer lists. */
export interface ReviewerLists {
  /** Whether any of `ids` (a person's ids on `platform`) is on a reviewer list. */
  isListed(platform: Platform, ids: string[]): Promise<boolean>;
}

/** A Teams conversation reference: what a proactive message needs (tenant, serviceUrl, id). */
export interface TeamsConversation {
  id: string;
  tenantId: string;
  kind: 'personal' | 'channel' | 'group';
  serviceUrl: string;
  /** For personal chats: the user's AAD object id. */
  userId: string | null;
  name: string | null;
  /** The bot's id (28:…) and, for personal chats, the user's MRI (29:…). */
  botId: string | null;
  userMri: string | null;
  teamId: string | null;
}

export interface TeamsConversations {
  /** Stores or refreshes a reference; a missing name or user keeps the one stored. */
  save(ref: TeamsConversation, now: string): Promise<void>;
  find(id: string): Promise<TeamsConversation | null>;
  /** The user's 1:1 chat with the bot (in that tenant), most recently seen first. */
  findPersonal(userId: string, tenantId?: string): Promise<TeamsConversation | null>;
  /** Any conversation in the tenant: its serviceUrl is the region to create a new chat in. */
  anyIn(tenantId: string): Promise<TeamsConversation | null>;
}

/** The review cards the outbox posted, as the platform knows them. */
export interface ReviewCards {
  /**
   * The payload (stored replies, not yet checked) of the latest update queued for the review card
   * delivered on `platform` as message `externalId`; null when there is none.
   */
  latestUpdate(platform: Platform, externalId: string): Promise<unknown>;
}

/** A message the outbox delivered to the playground. */
export interface PlaygroundDelivery {
  id: string;
  purpose: string;
  deliveredAt: string | null;
  recipient: Recipient;
  replies: Reply[];
}

export interface PlaygroundFeed {
  /**
   * Delivered playground messages after `after` (an ISO instant, '' for all), oldest first, of
   * the latest `limit` read, those whose recipient `wanted` keeps.
   */
  deliveredAfter(after: string, limit: number, wanted: (to: Recipient) => boolean): Promise<PlaygroundDelivery[]>;
}

/** A stored one-time sign-in code: only its hash. */
export interface SignInCodeRow {
  id: string;
  email: string;
  codeHash: string;
  clientKey: string;
  createdAt: string;
  expiresAt: string;
}

export interface SignInCodes {
  insert(row: SignInCodeRow): Promise<void>;
  /** Codes created after `since` for this address (`email`) or client (`client`). */
  countSince(by: 'email' | 'client', value: string, since: string): Promise<number>;
  remove(id: string): Promise<void>;
  /**
   * Counts one try on an unused code with fewer than `maxTries` tries; what was stored, after the
   * count, or null when the code is unknown, used or out of tries.
   */
  countTry(id: string, maxTries: number): Promise<{ email: string; codeHash: string; attempts: number; expiresAt: string } | null>;
  exists(id: string): Promise<boolean>;
  /** Marks the code used; true only for the one call that did. */
  useUp(id: string, now: string): Promise<boolean>;
  emailOf(id: string): Promise<string | null>;
  /** True while the outbox message `dedupeKey` is undelivered after at least one failed try. */
  mailDelayed(dedupeKey: string): Promise<boolean>;
}

export interface ApplicantSessionRow {
  /** SHA-256 of the cookie's token. */
  id: string;
  personId: string;
  email: string;
  csrf: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApplicantSessions {
  /** In one atomic write: expired sessions and `replaces` (the previous cookie's) go, `row` comes. */
  create(row: ApplicantSessionRow & { createdAt: string }, opts: { now: string; replaces?: string }): Promise<void>;
  find(id: string): Promise<ApplicantSessionRow | null>;
  slide(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** One workspace's (or org's) install, as oauth.v2.access reports it. */
export interface SlackInstallation {
  teamId: string;
  teamName: string;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string;
  appId: string;
  scopes: string;
  token: string;
  installedBy: string;
}
