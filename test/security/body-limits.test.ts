/**
 * Finding 4: bodies of any size were read and parsed before anything was checked (four 150 MB
 * requests took the server to 1.2 GB). Now every route answers 413 from the declared length, or
 * stops reading a chunked body at the limit; the Teams token is checked before the body is
 * parsed; and the sign-in page echoes at most an email's worth of what was typed.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { limitFor } from '../../server/limits';

let fake: FakeBotFramework;
let t: AdminTestApp;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  fake = await FakeBotFramework.start();
  t = await createAdminTestApp({
    env: { ...fake.env(), SLACK_SIGNING_SECRET: 'limits-secret-0123456789', SLACK_BOT_TOKEN: 'xoxb-limits', PLAYGROUND: 'true' },
  });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
  await fake.stop();
});

/**
 * Sends the headers and the first `send` bytes of a body that claims `declared` bytes (or is
 * chunked when `declared` is null), and resolves with the status as soon as the server answers.
 * A server that read the whole body first would never answer: the rest never comes.
 */
function partialPost(
  path: string,
  declared: number | null,
  send: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(declared === null ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declared) }),
          ...headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString('utf8');
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < send) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

const HUGE = 150 * 1024 * 1024;

describe('body limits', () => {
  it('answers 413 from the declared length on every route, before reading the body or checking anyone', async () => {
    for (const path of [
      '/api/messages',
      '/slack/events',
      '/playground/api/event',
      '/admin/login',
      '/admin/faq/new',
      '/teams/dialog/api',
      '/anything-else',
    ]) {
      const res = await partialPost(path, HUGE, 64 * 1024);
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'payload_too_large' });
    }
  });

  it('stops reading a chunked body at the limit', async () => {
    const res = await partialPost('/slack/events', null, limitFor('/slack/events') + 128 * 1024);
    expect(res.status).toBe(413);
  });

  it('fits what the platforms send: Slack and Bot Framework bodies and admin forms are well under the limits', () => {
    expect(limitFor('/slack/events')).toBeGreaterThanOrEqual(256 * 1024);
    expect(limitFor('/api/messages')).toBeGreaterThanOrEqual(256 * 1024);
    expect(limitFor('/admin/faq/new')).toBeGreaterThanOrEqual(128 * 1024);
    expect(limitFor('/slack/events')).toBeLessThanOrEqual(1024 * 1024);
  });

  it('checks the Teams token before it parses the body', async () => {
    // Not JSON at all: a parser run first would answer 400; the token check answers first.
    const noToken = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(noToken.status).toBe(401);
    const badToken = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body: '{"type":',
    });
    expect(badToken.status).toBe(403);
    const good = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
      body: '{"type":',
    });
    expect(good.status).toBe(400);
  });

  it('echoes at most an email address worth of what was typed on the sign-in page', async () => {
    const v = new Visitor(t.app);
    await v.get('/admin/login');
    const typed = 'a'.repeat(200_000);
    const res = await v.post('/admin/login', { email: typed, password: 'x' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html.length).toBeLessThan(20_000);
    expect(html).not.toContain('a'.repeat(400));
  });
});
