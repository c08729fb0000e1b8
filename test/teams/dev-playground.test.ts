/**
 * The Agents Playground mode: unauthenticated activities are handled only in development, on a
 * server bound to loopback, from a loopback connector; it cannot be switched on anywhere else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { teamsAdapter } from '../../server/adapters';
import { loadConfig } from '../../server/config';
import { FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { fixture, rig } from './support';

const DEV = { NODE_ENV: 'development', HOST: '127.0.0.1', TEAMS_DEV_PLAYGROUND: 'true' };

/** The Playground's own connector: like it, it takes activities without asking for a token. */
interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}
let received: Received[] = [];
let playgroundConnector: Server;
let connectorUrl: string;

let fake: FakeBotFramework;
let t: TestApp | undefined;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
  playgroundConnector = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    received.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: text ? JSON.parse(text) : {},
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `pg-activity-${received.length}` }));
  });
  await new Promise<void>((resolve) => playgroundConnector.listen(0, '127.0.0.1', resolve));
  connectorUrl = `http://localhost:${(playgroundConnector.address() as AddressInfo).port}/_connector`;
});
afterAll(async () => {
  await fake.stop();
  await new Promise((resolve) => playgroundConnector.close(resolve));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  fake.reset();
  received = [];
});

describe('TEAMS_DEV_PLAYGROUND', () => {
  it('is refused in production, in tests, on a public address and next to a registered bot', () => {
    expect(loadConfig(DEV).TEAMS_DEV_PLAYGROUND).toBe(true);
    expect(loadConfig({ ...DEV, HOST: 'localhost' }).TEAMS_DEV_PLAYGROUND).toBe(true);
    expect(loadConfig({ ...DEV, HOST: '::1' }).TEAMS_DEV_PLAYGROUND).toBe(true);
    for (const env of [
      { ...DEV, NODE_ENV: 'production' },
      { ...DEV, NODE_ENV: 'test' },
      { ...DEV, HOST: '0.0.0.0' },
      { ...DEV, HOST: '::' },
      { ...DEV, HOST: '192.168.1.20' },
      { ...DEV, HOST: 'desk.example.org' },
      { ...DEV, HOST: '127.0.0.1.nip.io' },
      { ...DEV, TEAMS_APP_ID: 'app', TEAMS_APP_PASSWORD: 'secret' },
    ])
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(/TEAMS_DEV_PLAYGROUND/);
    expect(loadConfig({}).TEAMS_DEV_PLAYGROUND).toBe(false);
  });

  it('the adapter refuses the mode whatever the configuration object says', async () => {
    const r = await rig(fake);
    try {
      for (const patch of [{ NODE_ENV: 'production' as const }, { HOST: '0.0.0.0' }]) {
        expect(() =>
          teamsAdapter({ ...r.deps, config: { ...r.deps.config, ...patch, TEAMS_DEV_PLAYGROUND: true } }, { devPlayground: true }),
        ).toThrow(/refused/);
      }
    } finally {
      await r.close();
    }
  });

  it("answers the Playground's unauthenticated activity on its loopback connector, without a token", async () => {
    t = await createTestApp({ env: DEV });
    const activity = { ...fixture('message_personal'), id: 'pg-1', text: 'when is the deadline?', serviceUrl: connectorUrl };
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(200);
    await t.settle();
    const [answer] = received;
    expect(answer).toMatchObject({
      method: 'POST',
      path: `/_connector/v3/conversations/${encodeURIComponent('a:1xYzPersonalConversationId')}/activities/pg-1`,
      authorization: undefined,
    });
    expect(String(answer!.body.text)).toMatch(/12 February 2023/);
    expect(fake.calls).toHaveLength(0);
  });

  it('even in the mode, an activity naming a connector elsewhere is refused and causes nothing', async () => {
    t = await createTestApp({ env: DEV });
    const activity = { ...fixture('message_personal'), id: 'pg-2', serviceUrl: 'https://smba.trafficmanager.net/amer/' };
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(401);
    await t.settle();
    expect(fake.calls).toHaveLength(0);
    expect(received).toHaveLength(0);
  });

  it('without the mode, the same unauthenticated activity is refused', async () => {
    t = await createTestApp({ env: { ...fake.env(), NODE_ENV: 'development' } });
    const activity = { ...fixture('message_personal'), id: 'pg-3', serviceUrl: connectorUrl };
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(401);
    await t.settle();
    expect(received).toHaveLength(0);
  });
});
