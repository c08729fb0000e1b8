/** What the Slack adapter is configured with: its own settings, filled in by the composition root. */
export interface SlackSettings {
  /** xoxb- token for the Web API; empty when only the request URL is set up. */
  botToken: string;
  /** Checks POST /slack/events; without it the request URL refuses everything. */
  signingSecret?: string;
  /** xapp- token: Socket Mode instead of (or beside) the request URL. */
  appToken?: string;
  /** Base URL ending in "/", e.g. https://slack.com/api/. */
  apiUrl: string;
  /** SLACK_REVIEWERS: user ids (or team/user) who may decide on any application. */
  reviewers: string[];
  /** SLACK_HOME_TEAM: the workspace (or org) of the review channel, with "Add to Slack". */
  homeTeam?: string;
}
