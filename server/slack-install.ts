/**
 * "Add to Slack", wired: the routes of bot/slack/oauth.ts with their settings from the
 * configuration and their ports from db/ (state hashes, encrypted installations). Mounted on Node
 * and Workers alike when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set.
 */
import { Hono } from 'hono';
import { slackInstallRoutes } from '../bot/slack/oauth';
import manifest from '../bot/slack/manifest.json';
import { createTokenCipher, type TokenCipher } from '../db/secrets';
import { saveSlackInstallation } from '../db/store/installations';
import { putOauthState, takeOauthState } from '../db/store/oauth-states';
import type { Config } from './config';
import type { AppRoot } from './root';

/**
 * The cipher for installed workspaces' tokens: SLACK_TOKEN_KEY, else SESSION_SECRET (the
 * configuration requires one); SLACK_TOKEN_KEY_PREVIOUS still opens what the old key sealed.
 */
export function installationCipher(config: Config): TokenCipher | null {
  const key = config.SLACK_TOKEN_KEY ?? config.SESSION_SECRET;
  return key ? createTokenCipher(key, config.SLACK_TOKEN_KEY_PREVIOUS ? [config.SLACK_TOKEN_KEY_PREVIOUS] : []) : null;
}

export function createSlackInstallApp(deps: AppRoot, opts: { fetch?: typeof fetch; now?: () => number } = {}): Hono {
  const { config, db, atomic } = deps;
  const cipher = installationCipher(config);
  if (!config.slackOAuth || !config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET || !config.PUBLIC_URL || !cipher) return new Hono();
  const log = deps.log.child({ platform: 'slack' });
  // State expiry and install times are real time: DIALOGUES_CLOCK may run the product in 2023.
  const now = opts.now ?? Date.now;
  return slackInstallRoutes(
    {
      clientId: config.SLACK_CLIENT_ID,
      clientSecret: config.SLACK_CLIENT_SECRET,
      apiUrl: config.SLACK_API_URL,
      publicUrl: config.PUBLIC_URL,
      scopes: manifest.oauth_config.scopes.bot,
    },
    {
      states: {
        put: (hash, expiresAt) => putOauthState(db, hash, 'slack', new Date(now()).toISOString(), expiresAt.toISOString()),
        take: (hash, at) => takeOauthState(db, hash, at.toISOString()),
      },
      save: async (installation) => {
        await saveSlackInstallation(db, atomic, cipher, installation, new Date(now()).toISOString());
      },
    },
    log,
    { ...(opts.fetch ? { fetch: opts.fetch } : {}), now },
  );
}
