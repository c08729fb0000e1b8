/**
 * A fake Slack Web API built for load and fault tests: it keeps counters instead of every body
 * (40,000 DMs in a benchmark must not cost the fake a gigabyte), counts a delivery only when
 * the answer reached a caller that was still listening, keeps the views it was asked to open
 * (so a driver can fill the modal the server opened), and can fail the next calls of a method
 * with 429 + Retry-After, 500, or no answer at all (a timeout on the caller's side).
 *
 * It can run inside a test (startCountingSlackApi) or as its own process (bench/fake-slack.ts),
 * controlled over HTTP: GET /__stats, POST /__reset, POST /__fail, GET /__view?trigger=...
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CountingFailure = { status: 429; retryAfter: number } | { status: 500 } | { hang: true } | { error: string };

export interface CountingStats {
  /** Answers with ok:true that reached a caller still waiting, per method. */
  delivered: Record<string, number>;
  /** Requests received per method, whatever the answer. */
  received: Record<string, number>;
  /** Failures injected, per method. */
  failed: Record<string, number>;
  /** chat.postMessage deliveries per channel, for channels listed in `watch` (others summed as "other"). */
  postsByChannel: Record<string, number>;
  /** Text of every chat.postMessage delivered to a watched channel, in order (review cards). */
  watchedTexts: { channel: string; text: string }[];
}

export interface CountingSlackApi {
  url: string;
  port: number;
  stats(): CountingStats;
  failNext(method: string, ...failures: CountingFailure[]): void;
  /** The view the server asked to open for this trigger id, waiting for it up to `waitMs`. */
  viewFor(triggerId: string, waitMs?: number): Promise<Record<string, unknown> | null>;
  reset(): void;
  close(): Promise<void>;
}

export interface CountingOptions {
  port?: number;
  /** Channels whose chat.postMessage texts are kept (e.g. the review channel). */
  watch?: string[];
  /** Runs before a successful answer is written (a fault test can lock the database here). */
  beforeAnswer?: (method: string) => void | Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(text: string, contentType: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    if ((contentType ?? '').includes('json')) return JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(text));
  } catch {
    return {};
  }
}

export async function startCountingSlackApi(opts: CountingOptions = {}): Promise<CountingSlackApi> {
  const watch = new Set(opts.watch ?? []);
  let stats: CountingStats;
  let failures: Map<string, CountingFailure[]>;
  let views: Map<string, Record<string, unknown>>;
  let waiters: Map<string, ((v: Record<string, unknown>) => void)[]>;
  let seq = 0;
  const hanging = new Set<ServerResponse>();
  const reset = () => {
    stats = { delivered: {}, received: {}, failed: {}, postsByChannel: {}, watchedTexts: [] };
    failures = new Map();
    views = new Map();
    waiters = new Map();
  };
  reset();
  const bump = (m: Record<string, number>, k: string) => {
    m[k] = (m[k] ?? 0) + 1;
  };

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T123ABC456' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `1700000000.${String(++seq).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(++seq).padStart(6, '0')}` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'conversations.members':
        return { ok: true, members: ['U0REVIEWR'], response_metadata: { next_cursor: '' } };
      case 'users.info':
        return { ok: true, user: { id: body.user, tz: 'Africa/Nairobi', real_name: 'Load Test', profile: { display_name: '' } } };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: body.view_id ?? `V${++seq}`, hash: `h${seq}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function control(path: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const json = (status: number, body: unknown): void =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/__stats') return json(200, api.stats());
    if (path === '/__reset') {
      reset();
      return json(200, { ok: true });
    }
    if (path === '/__fail') {
      const body = JSON.parse(await readBody(req)) as { method: string; failures: CountingFailure[] };
      api.failNext(body.method, ...body.failures);
      return json(200, { ok: true });
    }
    if (path === '/__view') {
      const view = await api.viewFor(url.searchParams.get('trigger') ?? '', Number(url.searchParams.get('wait') ?? 5000));
      return json(view ? 200 : 404, view ?? { error: 'no_view' });
    }
    return json(404, { error: 'not_found' });
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/__')) return void (await control(url.pathname, req, res, url));
    const method = url.pathname.replace(/^\/+(api\/)?/, '');
    const text = await readBody(req);
    const body = parse(text, req.headers['content-type']);
    bump(stats.received, method);
    const failure = failures.get(method)?.shift();
    if (failure) {
      bump(stats.failed, method);
      if ('hang' in failure) {
        // Never answer: the caller's timeout fires. The socket is closed by the caller or at close().
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      res.setHeader('content-type', 'application/json; charset=utf-8');
      if ('error' in failure) return void res.writeHead(200).end(JSON.stringify({ ok: false, error: failure.error }));
      if (failure.status === 429)
        return void res.writeHead(429, { 'retry-after': String(failure.retryAfter) }).end('{"ok":false,"error":"ratelimited"}');
      return void res.writeHead(500).end('{"ok":false,"error":"internal_error"}');
    }
    const out = answer(method, body);
    await opts.beforeAnswer?.(method);
    if (req.socket.destroyed) return; // the caller gave up: nothing was delivered to it
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(out), () => {
      if (out.ok !== true) return;
      bump(stats.delivered, method);
      if (method === 'chat.postMessage') {
        const channel = String(body.channel);
        bump(stats.postsByChannel, watch.has(channel) ? channel : 'other');
        if (watch.has(channel))
          stats.watchedTexts.push({ channel, text: `${String(body.text ?? '')}\n${JSON.stringify(body.blocks ?? [])}` });
      }
      if (method === 'views.open' && typeof body.trigger_id === 'string' && body.view && typeof body.view === 'object') {
        const view = body.view as Record<string, unknown>;
        views.set(body.trigger_id, view);
        for (const w of waiters.get(body.trigger_id) ?? []) w(view);
        waiters.delete(body.trigger_id);
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: CountingSlackApi = {
    url: `http://127.0.0.1:${port}/api/`,
    port,
    stats: () => JSON.parse(JSON.stringify(stats)) as CountingStats,
    failNext(method, ...list) {
      failures.set(method, [...(failures.get(method) ?? []), ...list]);
    },
    viewFor(triggerId, waitMs = 5000) {
      const hit = views.get(triggerId);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), waitMs);
        const list = waiters.get(triggerId) ?? [];
        list.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
        waiters.set(triggerId, list);
      });
    },
    reset,
    close: () =>
      new Promise((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
