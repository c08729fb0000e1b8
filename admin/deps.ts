/**
 * What the admin panel needs from the rest of the product, and nothing more. The composition
 * root fills it in; the panel never sees the whole configuration (platform secrets, tokens) or
 * the root's other parts.
 */
import type { Kysely } from 'kysely';
import type { Atomic } from '../db/atomic';
import type { Database } from '../db/schema';
import type { Clock } from '../domain/clock';
import type { Locale } from '../domain/i18n';
import type { Store } from '../domain/ports';
import type { Engine } from '../bot/core/engine-types';

export type AdminLogFields = Record<string, unknown>;

/** Structured logs: codes and ids only, never what a person typed. */
export interface AdminLog {
  info(msg: string, fields?: AdminLogFields): void;
  warn(msg: string, fields?: AdminLogFields): void;
  error(msg: string, fields?: AdminLogFields): void;
}

export interface AdminSettings {
  /** The address people reach the product at: links in notices, the Origin check, Secure cookies. */
  publicUrl?: string;
  /** Signs CSRF tokens; without it they are bound to the session only. */
  sessionSecret?: string;
  /** Behind a reverse proxy: take the client address the proxy reports (sign-in throttling). */
  trustProxy: boolean;
  /** Reviewers named in the environment, shown read-only beside those set in the panel. */
  envReviewers: { slack: string[]; teams: string[] };
  /** For the Installations page: how Slack is set up, to say which workspace is "home". */
  slackSetup: { enabled: boolean; installPage: boolean; homeTeam?: string; botToken: boolean };
  /** scrypt work factor (log2 N) for new password hashes; absent: the default (15). */
  passwordCost?: number;
  /** The first administrator, created at start when no active one exists. */
  firstAdmin?: { email: string; password: string };
  /** The reviewers' language (REVIEW_LOCALE): what focal points read too. */
  reviewLocale?: Locale;
}

/** The parts of the store the panel reads through the domain's port rather than by query. */
export type AdminStore = Pick<
  Store,
  'get' | 'listDialogues' | 'getSetting' | 'personalData' | 'recordPrivacyRequest' | 'identitiesOf' | 'getPerson'
>;

/** The engine's operations the panel shares with the chat surfaces (cards and notices follow). */
export type AdminEngine = Pick<Engine, 'decide' | 'erasePerson' | 'answerQuestion' | 'changeQuestion'>;

export interface AdminDeps {
  db: Kysely<Database>;
  atomic: Atomic;
  store: AdminStore;
  clock: Clock;
  log: AdminLog;
  engine: AdminEngine;
  /** Asks the outbox to deliver now: a change that wrote messages should not wait for the next tick. */
  kickOutbox(): void;
  settings: AdminSettings;
}
