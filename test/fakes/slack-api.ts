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
  /**
   * A workspace that can install the app: oauth.v2.access answers `code` with its own bot token
   * (once; a reused code is `invalid_code`), and calls made with that token act in that workspace.
   */
  addWorkspace(code: string, ws: FakeWorkspace): void;
  /** The app is removed from a workspace: its token answers `token_revoked` from now on. */
  uninstall(teamId: string): void;
  /** The client id and secret oauth.v2.access accepts (Basic auth), like the app's credentials. */
  setClient(id: string, secret: string): void;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  token: string;
  botUserId: string;
  installer: string;
  enterprise?: { id: string; name: string };
  isEnterpriseInstall?: boolean;
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
  let workspaces = new Map<string, FakeWorkspace>();
  let usedCodes = new Set<string>();
  let revoked = new Set<string>();
  let client = { id: '1111111111.2222222222', secret: 'fake-client-secret' };
  let seq = 0;
  let listening = 0;
  const ts = () => `1700000000.${String(++seq).padStart(6, '0')}`;

  function oauthAccess(body: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    if (authorization !== `Basic ${btoa(`${client.id}:${client.secret}`)}`) return { ok: false, error: 'invalid_client_id' };
    const code = String(body.code ?? '');
    const ws = workspaces.get(code);
    if (!ws || usedCodes.has(code)) return { ok: false, error: 'invalid_code' };
    if (!body.redirect_uri) return { ok: false, error: 'bad_redirect_uri' };
    usedCodes.add(code);
    revoked.delete(ws.token);
    return {
      ok: true,
      access_token: ws.token,
      token_type: 'bot',
      scope: 'app_mentions:read,chat:write,commands',
      bot_user_id: ws.botUserId,
      app_id: 'A0DESK',
      team: ws.isEnterpriseInstall ? null : { id: ws.teamId, name: ws.teamName },
      enterprise: ws.enterprise ?? null,
      is_enterprise_install: ws.isEnterpriseInstall ?? false,
      authed_user: { id: ws.installer },
    };
  }

  /** The workspace a bearer token belongs to, or an error when it is unknown or revoked. */
  function tokenCheck(authorization: string | undefined): Record<string, unknown> | null {
    const token = authorization?.replace(/^Bearer /, '') ?? '';
    if (revoked.has(token)) return { ok: false, error: 'token_revoked' };
    return null;
  }

  function answer(method: string, body: Record<string, unknown>, authorization?: string): Record<string, unknown> {
    if (method === 'oauth.v2.access') return oauthAccess(body, authorization);
    const refused = tokenCheck(authorization);
    if (refused) return refused;
    switch (method) {
      case 'apps.connections.open':
        return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'auth.test': {
        const ws = [...workspaces.values()].find((w) => `Bearer ${w.token}` === authorization);
        return { ok: true, user_id: ws?.botUserId ?? 'U0BOT', bot_id: 'B0BOT', team_id: ws?.teamId ?? 'T123ABC456' };
      }
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
        return {
          ok: true,
          user: {
            id: body.user,
            tz: u.tz ?? 'Europe/Vienna',
            real_name: u.name ?? 'Test User',
            ...(u.emailConfirmed !== undefined ? { is_email_confirmed: u.emailConfirmed } : {}),
            profile: { display_name: u.name ?? '', ...(u.email ? { email: u.email } : {}) },
            ...locale,
          },
        };
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
      call.answer = answer(method, body, req.headers.authorization);
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
    addWorkspace: (code, ws) => void workspaces.set(code, ws),
    uninstall(teamId) {
      for (const ws of workspaces.values()) if (ws.teamId === teamId) revoked.add(ws.token);
    },
    setClient: (id, secret) => void (client = { id, secret }),
    reset() {
      recorded = [];
      workspaces = new Map();
      usedCodes = new Set();
      revoked = new Set();
      failures = new Map();
      members = new Map();
      users = new Map();
      socketUrl = null;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
