/** What the Teams adapter is configured with, filled in by the composition root. */
import type { ReviewCards, TeamsConversations } from '../../domain/channel-ports';

import type { MyApplications } from './my-application';

export interface TeamsSettings {
  /** The bot's Microsoft app id: the audience of the tokens Teams sends. */
  appId?: string;
  /** Its client secret: tokens for the connector, and the key of dialog and download links. */
  appPassword?: string;
  /** The tenant of a single-tenant bot: where a personal chat is created when none is known. */
  tenantId?: string;
  /** Organisations whose activities are handled (lower case); null: any. */
  allowedTenants: string[] | null;
  openIdMetadataUrl?: string;
  tokenUrl: string;
  /** Where to send when no conversation told us its serviceUrl yet. */
  serviceUrl: string;
  /** TEAMS_REVIEWERS: AAD object ids who may decide on any application. */
  reviewers: string[];
  /** The public address; links into dialogs and downloads need it to be https. */
  publicUrl?: string;
  /** Where this process runs: the Agents Playground mode is allowed only in development on loopback. */
  runtime: { NODE_ENV: string; HOST: string };
  /** Where Entra publishes its signing keys (TEAMS_SSO_JWKS_URL; default the global endpoint). */
  ssoJwksUrl?: string;
}

/** What the Teams adapter keeps in storage, as ports. */
export interface TeamsStores {
  conversations: TeamsConversations;
  reviewCards: ReviewCards;
  /** The signed-in person's own applications, for the "My application" tab's single sign-on. */
  myApplications?: MyApplications;
  /** Tenants the bot has heard from (the admin panel's Installations), and which were disabled there. */
  tenants?: TeamsTenants;
}

export interface TeamsTenants {
  /** Records a tenant on its first activity; false when an administrator disabled it. */
  admit(tenantId: string): Promise<boolean>;
}
