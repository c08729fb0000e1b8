import { describe, expect, it } from 'vitest';
import { stripMention } from '../../bot/slack/events';

describe('the mention that addressed the bot', () => {
  it('is removed wherever it stands, with or without a display name', () => {
    expect(stripMention('<@U0BOT> when is the deadline?', 'U0BOT')).toBe('when is the deadline?');
    expect(stripMention('hi <@U0BOT|desk>, can we apply?', 'U0BOT')).toBe('hi , can we apply?');
  });

  it('never lets a strange bot id from the payload into the pattern', () => {
    for (const id of ['(x'.repeat(10), 'x'.repeat(100_000), '.*', 'U0BOT|x']) {
      expect(() => stripMention('<@U0BOT> hello', id)).not.toThrow();
      expect(stripMention('<@U0BOT> hello', id)).toBe('hello');
    }
  });
});
