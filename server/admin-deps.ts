/**
 * The admin panel's deps, filled from the root's: the settings it reads, the store and engine
 * operations it shares with the chat surfaces, and nothing of the platforms' secrets.
 */
import type { AdminDeps } from '../admin/deps';
import type { AppRoot } from './root';

export function adminDeps(deps: AppRoot): AdminDeps {
  const { config } = deps;
  return {
    db: deps.db,
    atomic: deps.atomic,
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    engine: deps.engine,
    kickOutbox: () => deps.kickOutbox(),
    settings: {
      publicUrl: config.PUBLIC_URL,
      sessionSecret: config.SESSION_SECRET,
      trustProxy: config.TRUST_PROXY,
      passwordCost: config.PASSWORD_HASH_COST,
      ...(config.REVIEW_LOCALE ? { reviewLocale: config.REVIEW_LOCALE } : {}),
      envReviewers: { slack: config.slackReviewers, teams: config.teamsReviewers },
      slackSetup: {
        enabled: config.slackEnabled,
        installPage: config.slackOAuth,
        ...(config.SLACK_HOME_TEAM ? { homeTeam: config.SLACK_HOME_TEAM } : {}),
        botToken: Boolean(config.SLACK_BOT_TOKEN),
      },
      ...(config.ADMIN_EMAIL && config.ADMIN_PASSWORD
        ? { firstAdmin: { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD } }
        : {}),
    },
  };
}
