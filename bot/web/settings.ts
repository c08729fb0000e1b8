/** What the applicant web pages are configured with and keep, filled in by the composition root. */
import type { ApplicantSessions, SignInCodes } from '../../domain/channel-ports';
import type { AdapterHost } from '../core/host';

export interface WebSettings {
  /** WEB_APPLY: off, /apply and /my do not exist. */
  enabled: boolean;
  /** The public address: its origin is accepted on form posts, https makes cookies secure. */
  publicUrl?: string;
  /** Keys the stored code hashes and the pre-sign-in form tokens when set. */
  sessionSecret?: string;
  /** Whether X-Forwarded-For (its last entry) names the client: only behind a trusted proxy. */
  trustProxy: boolean;
}

export interface WebDeps extends AdapterHost {
  settings: WebSettings;
  codes: SignInCodes;
  sessions: ApplicantSessions;
  /** Asks the outbox to send now: a person waits at the screen for their code. */
  deliverSoon(): void;
}
