import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { handleEnvelope } from '../../bot/slack/socket';
import { createSlackClient } from '../../bot/slack/client';
import { createDirectory } from '../../bot/slack/directory';
import { createResponder } from '../../bot/slack/respond';
import { silentLogger } from '../../server/log';
import type { SlackRuntime } from '../../bot/slack/runtime';
import { fakeEngine, fixture, formStep, makeAdapter, makeDeps, memoryDedupe } from './support';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

function runtime(engine = fakeEngine()) {
  const made = makeDeps(api, engine, { SLACK_APP_TOKEN: 'xapp-1-test' });
  const client = createSlackClient({ baseUrl: api.url, token: 'xoxb-test-token' });
  const directory = createDirectory(client);
  const rt: SlackRuntime = {
    deps: made.deps,
    settings: made.settings,
    client,
    directory,
    log: silentLogger,
    responder: createResponder(client, directory, silentLogger),
    isNew: memoryDedupe(),
    forget: async () => {},
  };
  return { ...made, rt, engine };
}

describe('Socket Mode envelopes', () => {
  it('acks an Events API envelope at once and answers the mention in its thread', async () => {
    const { rt, deps, settle, engine } = runtime();
    const env = fixture<any>('socket_mode_envelope_events_api.json');
    const ack = vi.fn(async () => {});
    await handleEnvelope(rt, deps, { type: env.type, body: env.payload, ack });
    expect(ack).toHaveBeenCalledWith(undefined);
    await settle();
    expect(engine.events[0]).toMatchObject({ kind: 'message', text: 'what is the application deadline?' });
    expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ thread_ts: '1515449522.000016' });
  });

  it("puts a view_submission's response_action in the ack", async () => {
    const { rt, deps } = runtime(fakeEngine(async () => ({ replies: [], fieldErrors: { organisationName: 'Required' } })));
    const base = fixture<any>('interactivity_view_submission.json');
    const body = {
      ...base,
      view: {
        ...base.view,
        callback_id: 'form|application|step1',
        private_metadata: '{"draftId":"d1"}',
        blocks: [{ type: 'input', block_id: 'organisationName' }],
        state: { values: { organisationName: { organisationName: { type: 'plain_text_input', value: '' } } } },
      },
    };
    const ack = vi.fn(async () => {});
    await handleEnvelope(rt, deps, { type: 'interactive', body, ack });
    expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { organisationName: 'Required' } });
  });

  it('treats slash command envelopes like HTTP commands', async () => {
    const { rt, deps, settle, engine } = runtime();
    const ack = vi.fn(async () => {});
    await handleEnvelope(rt, deps, {
      type: 'slash_commands',
      body: { ...fixture<Record<string, string>>('slash_command.fields.json'), text: 'apply' },
      ack,
    });
    expect(ack).toHaveBeenCalledTimes(1);
    await settle();
    expect(engine.openForm).toHaveBeenCalled();
    expect(api.calls('views.open')[0]?.body.view).toMatchObject({ callback_id: `form|application|${formStep(1).stepId}` });
  });
});

describe('Socket Mode connection', () => {
  it('connects with the app token, handles an envelope and acks it over the socket', async () => {
    // `ws` ships with @slack/socket-mode; imported by name only, as it has no bundled types.
    const { WebSocketServer } = (await import('ws' as string)) as { WebSocketServer: new (o: object) => any };
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.on('listening', r));
    api.setSocketUrl(`ws://127.0.0.1:${wss.address().port}/`);
    const envelope = fixture<any>('socket_mode_envelope_events_api.json');
    const acked = new Promise<any>((resolve) => {
      wss.on('connection', (sock: any) => {
        sock.on('message', (data: Buffer) => resolve(JSON.parse(String(data))));
        sock.send(JSON.stringify({ type: 'hello', num_connections: 1 }));
        sock.send(JSON.stringify(envelope));
      });
    });
    const { adapter, settle, engine } = makeAdapter(api, undefined, { SLACK_APP_TOKEN: 'xapp-1-socket' });
    try {
      await adapter.start!();
      expect(await acked).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
      await vi.waitFor(() => expect(engine.handle).toHaveBeenCalled());
      await settle();
      const open = api.calls('apps.connections.open')[0];
      expect(open?.authorization).toBe('Bearer xapp-1-socket');
      expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ channel: 'C123ABC456', thread_ts: '1515449522.000016' });
    } finally {
      await adapter.stop!();
      wss.close();
    }
  });
});
