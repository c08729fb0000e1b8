/** Where the bot is installed (Slack workspaces and orgs, Teams tenants) and pending OAuth states. */
import type { Generated } from 'kysely';

export type InstallationPlatform = 'slack' | 'teams';
/** active: serves; disabled: an administrator turned it off; uninstalled: the organisation removed the app. */
export type InstallationStatus = 'active' | 'disabled' | 'uninstalled';

export interface InstallationsTable {
  id: string; // "<platform>:<team, org or tenant id>"
  platform: InstallationPlatform;
  team_id: string; // Slack T… (or E… for an org-wide install); Teams tenant id
  enterprise_id: string | null;
  is_enterprise_install: Generated<number>;
  team_name: Generated<string>;
  bot_user_id: string | null;
  app_id: string | null;
  scopes: Generated<string>;
  /** JWE of the bot token (db/secrets.ts); null after uninstall or revocation. */
  token_enc: string | null;
  installed_by: Generated<string>;
  installed_at: string;
  status: InstallationStatus;
  /** Why the status last changed: "app_uninstalled", "tokens_revoked", "admin:<id>". */
  status_reason: string | null;
  updated_at: string;
}

export interface OauthStatesTable {
  id: string; // SHA-256 of the state value
  platform: InstallationPlatform;
  created_at: string;
  expires_at: string;
}
