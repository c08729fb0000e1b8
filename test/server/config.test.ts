import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('configuration', () => {
  it('runs with nothing set: SQLite under data/, playground on, no platforms', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('file:data/dialogue-desk.sqlite');
    expect(c.PORT).toBe(3000);
    expect(c.PLAYGROUND).toBe(true);
    expect(c.slackEnabled).toBe(false);
    expect(c.teamsEnabled).toBe(false);
    expect(c.SLACK_API_URL).toBe('https://slack.com/api/');
  });

  it('names every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x',
        DIALOGUES_CLOCK: 'yesterday',
        SLACK_API_URL: 'ftp://x',
        ADMIN_EMAIL: 'not-an-email',
        ADMIN_PASSWORD: 'short',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'DIALOGUES_CLOCK', 'SLACK_API_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'])
      expect(message).toContain(name);
  });

  it('hashes admin passwords at scrypt cost 15 unless told otherwise, and only from 10 to 20', () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe(15);
    expect(loadConfig({ PASSWORD_HASH_COST: '17' }).PASSWORD_HASH_COST).toBe(17);
    for (const bad of ['9', '21', 'high', '15.5']) expect(() => loadConfig({ PASSWORD_HASH_COST: bad })).toThrow(/PASSWORD_HASH_COST/);
  });

  it('turns the playground off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).PLAYGROUND).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' }).PLAYGROUND).toBe(true);
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow(/PLAYGROUND/);
  });

  it('derives the Teams token endpoint from the tenant and ends API bases with a slash', () => {
    const c = loadConfig({
      TEAMS_APP_ID: 'app',
      TEAMS_APP_PASSWORD: 'secret',
      TEAMS_TENANT_ID: 'tenant-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(c.TEAMS_TOKEN_URL).toBe('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token');
    expect(c.SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
    expect(c.teamsEnabled).toBe(true);
  });

  it('asks for the Slack signing secret with a bot token unless Socket Mode is used', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slackEnabled).toBe(true);
  });
});
