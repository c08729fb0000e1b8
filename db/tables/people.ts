/** People and how they are known: platform identities, web sign-in codes and applicant sessions. */
import type { Generated } from 'kysely';
import type { LocaleSource, Platform } from '../../domain/types';

export interface PeopleTable {
  id: string;
  display_name: string | null;
  email: string | null;
  time_zone: string | null;
  /** An address a platform or a sign-in code vouched for: one person per verified address. */
  verified_email: string | null;
  /** 1: notices also go by email, wherever the person last was. */
  email_notices: Generated<number>;
  /** 'en' | 'fr' | 'es' …; null until known. */
  locale: string | null;
  locale_source: LocaleSource | null;
  created_at: string;
  updated_at: string;
  /** Set when the person's data was erased (on request or by retention); the row stays as an anonymous key. */
  erased_at: Generated<string | null>;
}

export interface IdentitiesTable {
  platform: Platform;
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
