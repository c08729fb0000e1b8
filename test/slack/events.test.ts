import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { FORM_TYPE, JSON_TYPE, REAL_NOW, fakeEngine, fixture, fixtureText, formBody, jsonBody, makeAdapter, signed } from './support';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

const nowSec = Math.floor(REAL_NOW / 1000);

describe('POST /slack/events: verification', () => {
  it('answers url_verification with the challenge', async () => {
    const { adapter } = makeAdapter(api);
    const res = await adapter.routes!.request(await signed(jsonBody(fixture('url_verification.json')), JSON_TYPE));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(fixture('url_verification_response.json'));
  });

  it.each([
    ['unsigned', { unsigned: true }],
    ['forged', { secret: 'not-the-secret' }],
    ['stale', { timestamp: nowSec - 301 }],
    ['from the future', { timestamp: nowSec + 301 }],
  ])('refuses %s requests with 401 and does nothing', async (_name, opts) => {
    const { adapter, engine, settle } = makeAdapter(api);
    const bodies = [
      [jsonBody(fixture('event_message_im.json')), JSON_TYPE],
      [jsonBody(fixture('url_verification.json')), JSON_TYPE],
      [fixtureText('slash_command.body.txt'), FORM_TYPE],
      [fixtureText('interactivity_block_actions.body.txt'), FORM_TYPE],
    ] as const;
    for (const [body, type] of bodies) {
      const res = await adapter.routes!.request(await signed(body, type, opts));
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('challenge');
    }
    await settle();
    expect(engine.handle).not.toHaveBeenCalled();
    expect(engine.openForm).not.toHaveBeenCalled();
    expect(api.calls()).toEqual([]);
  });

  it('checks the window against real time, not the product clock set in 2023', async () => {
    const { adapter } = makeAdapter(api);
    const in2023 = Math.floor(Date.UTC(2023, 0, 20, 9) / 1000);
    const res = await adapter.routes!.request(await signed(jsonBody(fixture('url_verification.json')), JSON_TYPE, { timestamp: in2023 }));
    expect(res.status).toBe(401);
  });

  it('refuses everything when no signing secret is configured', async () => {
    const { adapter } = makeAdapter(api, fakeEngine(), { SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-1' });
    const res = await adapter.routes!.request(await signed(jsonBody(fixture('url_verification.json')), JSON_TYPE));
    expect(res.status).toBe(401);
  });
});

describe('POST /slack/events: questions', () => {
  it('answers a DM in the DM with the asker as a Slack actor with time zone', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    api.setUser('U2147483697', { tz: 'America/New_York', name: 'Steve' });
    const res = await adapter.routes!.request(await signed(jsonBody(fixture('event_message_im.json')), JSON_TYPE));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await settle();
    expect(engine.events).toEqual([
      {
        kind: 'message',
        actor: {
          platform: 'slack',
          userId: 'U2147483697',
          scope: 'T123ABC456',
          displayName: 'Steve',
          timeZone: 'America/New_York',
          locale: 'en-US',
        },
        conversation: { id: 'D024BE91L', isDirect: true },
        text: 'I want to apply',
      },
    ]);
    const [post] = api.calls('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'D024BE91L', text: 'You said: I want to apply' });
    expect(post?.body).not.toHaveProperty('thread_ts');
  });

  it('answers a mention in its thread, without the mention', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    await adapter.routes!.request(await signed(jsonBody(fixture('event_app_mention.json')), JSON_TYPE));
    await settle();
    expect(engine.events[0]).toMatchObject({
      kind: 'message',
      text: 'what is the application deadline?',
      conversation: { id: 'C123ABC456', isDirect: false },
    });
    expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ channel: 'C123ABC456', thread_ts: '1515449522.000016' });
  });

  it("ignores its own and other bots' messages", async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const res = await adapter.routes!.request(await signed(jsonBody(fixture('event_message_im_from_bot.json')), JSON_TYPE));
    expect(res.status).toBe(200);
    const own = fixture<any>('event_message_im.json');
    own.event_id = 'EvOWN';
    own.event.user = 'U0LAN0Z89'; // the bot user in authorizations
    await adapter.routes!.request(await signed(jsonBody(own), JSON_TYPE));
    await settle();
    expect(engine.handle).not.toHaveBeenCalled();
    expect(api.calls()).toEqual([]);
  });

  it('acknowledges a retried delivery and answers once', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const body = jsonBody(fixture('event_message_im.json'));
    const first = await adapter.routes!.request(await signed(body, JSON_TYPE));
    const retry = await adapter.routes!.request(
      await signed(body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
    );
    expect([first.status, retry.status]).toEqual([200, 200]);
    await settle();
    expect(engine.handle).toHaveBeenCalledTimes(1);
    expect(api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('acknowledges before the engine has finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { adapter, settle } = makeAdapter(
      api,
      fakeEngine(async () => {
        await gate;
        return { replies: [{ kind: 'text', text: 'late' }] };
      }),
    );
    const res = await adapter.routes!.request(await signed(jsonBody(fixture('event_message_im.json')), JSON_TYPE));
    expect(res.status).toBe(200);
    expect(api.calls('chat.postMessage')).toHaveLength(0);
    release();
    await settle();
    expect(api.calls('chat.postMessage')).toHaveLength(1);
  });

  it("publishes App Home from the engine's cards", async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    await adapter.routes!.request(await signed(jsonBody(fixture('event_app_home_opened.json')), JSON_TYPE));
    await settle();
    expect(engine.home).toHaveBeenCalledWith(expect.objectContaining({ userId: 'U123ABC456', timeZone: 'Europe/Vienna' }));
    const [publish] = api.calls('views.publish');
    expect(publish?.body).toMatchObject({ user_id: 'U123ABC456', view: { type: 'home' } });
    expect(JSON.stringify(publish?.body)).toContain('"action_id":"apply"');
  });

  it('caches users.info for an hour', async () => {
    const { adapter, settle } = makeAdapter(api);
    const ev = fixture<any>('event_message_im.json');
    for (const id of ['Ev1', 'Ev2']) await adapter.routes!.request(await signed(jsonBody({ ...ev, event_id: id }), JSON_TYPE));
    await settle();
    expect(api.calls('users.info')).toHaveLength(1);
    expect(api.calls('chat.postMessage')).toHaveLength(2);
  });
});

describe('POST /slack/events: /dialogues', () => {
  const command = (text: string, trigger = '13345224609.738474920.8088930838d88f008e0') =>
    formBody({ ...fixture<Record<string, string>>('slash_command.fields.json'), command: '/dialogues', text, trigger_id: trigger });

  it('opens the application modal for "apply" with the trigger id', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const res = await adapter.routes!.request(await signed(command('apply'), FORM_TYPE));
    expect(res.status).toBe(200);
    await settle();
    // With the profile users.info gave in time (its confirmed address would link the person's other doors).
    expect(engine.openForm).toHaveBeenCalledWith(expect.objectContaining({ platform: 'slack', userId: 'U2147483697', scope: 'T0001' }));
    expect(api.calls('users.info')).toHaveLength(1);
    const [open] = api.calls('views.open');
    expect(open?.body).toMatchObject({
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
      view: { type: 'modal', private_metadata: '{"draftId":"draft-1"}' },
    });
  });

  it('opens the modal without the profile when users.info is slow, well within the trigger window', async () => {
    // users.info answers after the wait for it (shortened from 800 ms here) has passed.
    const { adapter, engine, settle } = makeAdapter(api, undefined, {}, { profileWaitMs: 50 });
    api.failNext('users.info', { delayMs: 500 });
    const started = Date.now();
    await adapter.routes!.request(await signed(command('apply'), FORM_TYPE));
    await settle();
    expect(engine.openForm).toHaveBeenCalledWith({ platform: 'slack', userId: 'U2147483697', scope: 'T0001' });
    const [open] = api.calls('views.open');
    expect(open?.body).toMatchObject({ view: { type: 'modal' } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('passes anything else to the engine as a message and answers ephemerally', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    await adapter.routes!.request(await signed(command('status'), FORM_TYPE));
    await adapter.routes!.request(await signed(command('', 'trigger-2'), FORM_TYPE));
    await settle();
    expect(engine.events.map((e) => e.kind === 'message' && e.text)).toEqual(['status', 'help']);
    const calls = api.calls('chat.postEphemeral');
    expect(calls[0]?.body).toMatchObject({ channel: 'C2147483705', user: 'U2147483697', text: 'You said: status' });
  });

  it('falls back to a DM where the bot cannot post ephemerally', async () => {
    const { adapter, settle } = makeAdapter(api);
    api.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await adapter.routes!.request(await signed(command('help'), FORM_TYPE));
    await settle();
    expect(api.calls('conversations.open')[0]?.body).toEqual({ users: 'U2147483697' });
    expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ channel: 'D2147483697' });
  });

  it('handles the same invocation once', async () => {
    const { adapter, engine, settle } = makeAdapter(api);
    const body = command('status');
    await adapter.routes!.request(await signed(body, FORM_TYPE));
    await adapter.routes!.request(await signed(body, FORM_TYPE, { headers: { 'x-slack-retry-num': '1' } }));
    await settle();
    expect(engine.handle).toHaveBeenCalledTimes(1);
  });
});
