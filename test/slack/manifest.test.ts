import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLY_SHORTCUT } from '../../bot/slack/interactions';

const manifest = JSON.parse(readFileSync(new URL('../../bot/slack/manifest.json', import.meta.url), 'utf8'));

describe('Slack app manifest', () => {
  it('asks for the documented bot scopes and the events the adapter handles', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['app_mentions:read', 'im:history', 'chat:write', 'im:write', 'commands', 'users:read', 'users:read.email']),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('points every URL at the one request URL and defines /dialogues and the apply shortcut', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    for (const u of urls) expect(u).toMatch(/\/slack\/events$/);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/dialogues']);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'global', callback_id: APPLY_SHORTCUT })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
