/**
 * A fake Slack Web API on 127.0.0.1 (random port), reached through SLACK_API_URL. It records
 * every call and answers like Slack does, and can be told to fail the next call of a method
 * (429 with Retry-After, 500, or an `ok:false` error).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  contentType: string | undefined;
  /** What the fake answered (absent for failures), e.g. the `ts` of a posted message. */
  answer?: Record<string, unknown>;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string } | { delayMs: number };

export interface FakeSlackApi {
  /** Base URL ending in "/", for SLACK_API_URL. */
  url: string;
  calls(method?: string): RecordedCall[];
  /** The next call of `method` fails as described (queued, one per call). */
  failNext(method: string, failure: Failure): void;
  /** Members that conversations.members returns for a channel. */
  setMembers(channel: string, members: string[]): void;
  /** The wss:// (here ws://) URL apps.connections.open hands out, for Socket Mode tests. */
  setSocketUrl(url: string): void;
  /** users.info answers for a user. */
  setUser(user: string, info: { tz?: string; name?: string; email?: string; emailConfirmed?: boolean; locale?: string }): void;
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  let recorded: RecordedCall[] = [];
  let failures = new Map<string, Failure[]>();
  let members = new Map<string, string[]>();
  let users = new Map<string, { tz?: string; name?: string; email?: string; emailConfirmed?: boolean; locale?: string }>();
  let socketUrl: string | null = null;
  let seq = 0;
  let listening = 0;
  const ts = () => `1700000000.${String(++seq).padStart(6, '0')}`;

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T123ABC456' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: ts(), message: { text: body.text } };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'conversations.members':
        return { ok: true, members: members.get(String(body.channel)) ?? [], response_metadata: { next_cursor: '' } };
      case 'users.info': {
        const u = users.get(String(body.user)) ?? {};
        // As Slack does: the locale only when asked for with include_locale.
        const locale = String(body.include_locale) === 'true' ? { locale: u.locale ?? 'en-US' } : {};
        return { ok: true, user: { id: body.user, tz: u.tz ?? 'Europe/Vienna', real_name: u.name ?? 'Test User', ...(u.emailConfirmed !== undefined ? { is_email_confirmed: u.emailConfirmed } : {}), profile: { display_name: u.name ?? '', ...(u.email ? { email: u.email } : {}) }, ...locale } };
      }
      // files.uploadV2's three steps: a ticket, the bytes (recorded as "upload/<file id>"), sharing.
      case 'files.getUploadURLExternal': {
        const id = `F${String(++seq).padStart(8, '0')}`;
        return { ok: true, file_id: id, upload_url: `http://127.0.0.1:${listening}/upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (body.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })) };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: body.view_id ?? `V${++seq}`, hash: `h${seq}` } };
      default:
        if (method.startsWith('upload/')) return { ok: true };
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? '/').replace(/^\/+(api\/)?/, '').split('?')[0]!;
    const body = await readBody(req);
    const call: RecordedCall = { method, body, authorization: req.headers.authorization, contentType: req.headers['content-type'] };
    recorded.push(call);
    const failure = failures.get(method)?.shift();
    if (failure && 'delayMs' in failure) await new Promise((r) => setTimeout(r, failure.delayMs));
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (failure && 'status' in failure && failure.status === 429) {
      res.writeHead(429, { 'retry-after': String(failure.retryAfter) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else if (failure && 'status' in failure) {
      res.writeHead(500).end('{"ok":false,"error":"internal_error"}');
    } else if (failure && 'error' in failure) {
      res.writeHead(200).end(JSON.stringify({ ok: false, error: failure.error }));
    } else {
      call.answer = answer(method, body);
      res.writeHead(200).end(JSON.stringify(call.answer));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  listening = port;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls: (method) => (method ? recorded.filter((c) => c.method === method) : [...recorded]),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    setMembers: (channel, list) => void members.set(channel, list),
    setUser: (user, info) => void users.set(user, info),
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    reset() {
      recorded = [];
      failures = new Map();
      members = new Map();
      users = new Map();
      socketUrl = null;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
