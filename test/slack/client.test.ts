import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackClient, SlackApiError } from '../../bot/slack/client';
import { DeliveryError } from '../../bot/core/sender';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

const client = (timeoutMs?: number) => createSlackClient({ baseUrl: api.url, token: 'xoxb-t', ...(timeoutMs ? { timeoutMs } : {}) });

async function failure(p: Promise<unknown>): Promise<SlackApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SlackApiError);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as SlackApiError;
}

describe('Slack Web API client', () => {
  it('posts JSON with the bot token to SLACK_API_URL', async () => {
    const res = await client().call('chat.postMessage', { channel: 'C1', text: 'hi' });
    expect(res.ok).toBe(true);
    const [call] = api.calls('chat.postMessage');
    expect(call?.authorization).toBe('Bearer xoxb-t');
    expect(call?.contentType).toBe('application/json; charset=utf-8');
    expect(call?.body).toEqual({ channel: 'C1', text: 'hi' });
  });

  it('turns HTTP 429 into a retryable error that honours Retry-After', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const err = await failure(client().call('chat.postMessage', { channel: 'C1' }));
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 30_000, code: 'ratelimited' });
  });

  it('treats 5xx, timeouts and network errors as retryable', async () => {
    api.failNext('chat.update', { status: 500 });
    expect(await failure(client().call('chat.update', {}))).toMatchObject({ retryable: true, code: 'http_500' });
    api.failNext('chat.update', { delayMs: 300 });
    expect(await failure(client(50).call('chat.update', {}))).toMatchObject({ retryable: true, code: 'timeout' });
    const dead = createSlackClient({ baseUrl: 'http://127.0.0.1:1/api/', token: 'xoxb-t' });
    expect(await failure(dead.call('chat.update', {}))).toMatchObject({ retryable: true, code: 'network_error' });
  });

  it('treats ok:false as permanent unless Slack says it is transient', async () => {
    api.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await failure(client().call('chat.postMessage', {}))).toMatchObject({ retryable: false, code: 'channel_not_found' });
    api.failNext('chat.postMessage', { error: 'internal_error' });
    expect(await failure(client().call('chat.postMessage', {}))).toMatchObject({ retryable: true });
  });
});
