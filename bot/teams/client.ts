/**
 * The Bot Framework connector (its REST API reference): an app token by client credentials, then send,
 * reply, update and create-conversation calls against the conversation's own serviceUrl.
 */
import * as z from 'zod';
import { connectorError, resourceResponse, tokenResponse } from './schema';
import { inboundJsonOrUndefined } from '../../lib/json';

const SCOPE = 'https://api.botframework.com/.default';
/** Renew early so that a token never expires between the check and the call. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
/** A turn has 15 s in total; one connector call must leave room for the rest. */
const REQUEST_TIMEOUT_MS = 10_000;

/** A roster is an array of channel accounts; only the AAD object id matters here. */
const roster = z.array(z.looseObject({ aadObjectId: z.string().max(100).optional() })).max(100_000);

export interface ClientOptions {
  appId: string;
  appPassword: string;
  tokenUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** No token at all: only for the Agents Playground's local connector (dev-playground.ts). */
  anonymous?: boolean;
}

/** A connector call that failed; `status` 0 means no HTTP answer (network, timeout). */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`teams_connector_${status}_${code}`);
    this.name = 'ConnectorError';
  }
}

export interface ConnectorClient {
  /** POST v3/conversations/{id}/activities[/{replyToId}]: returns the new activity id. */
  send(serviceUrl: string, conversationId: string, activity: object, replyToId?: string): Promise<string | null>;
  /** PUT v3/conversations/{id}/activities/{activityId}. */
  update(serviceUrl: string, conversationId: string, activityId: string, activity: object): Promise<void>;
  /** POST v3/conversations: a 1:1 chat with a user, for proactive messages. Returns its id. */
  createPersonalConversation(serviceUrl: string, input: { botId: string; memberId: string; tenantId: string }): Promise<string>;
  /**
   * GET v3/conversations/{id}/members: a team's roster (for a channel id, the team's members).
   * The AAD object ids of the members.
   */
  members(serviceUrl: string, conversationId: string): Promise<string[]>;
  /** The app token (exposed for tests and diagnostics). */
  token(): Promise<string>;
}

export function createConnectorClient(opts: ClientOptions): ConnectorClient {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function token(): Promise<string> {
    if (cached && now() < cached.renewAt) return cached.token;
    // One request for everyone waiting; a burst of outbox deliveries must not stampede Entra.
    pending ??= (async () => {
      try {
        const body = new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: opts.appId,
          client_secret: opts.appPassword,
          scope: SCOPE,
        });
        const res = await call(opts.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        if (!res.ok) throw new ConnectorError(res.status, 'token', retryAfter(res, now));
        const parsed = tokenResponse.safeParse(await res.json().catch(() => null));
        if (!parsed.success) throw new ConnectorError(res.status, 'token_response');
        const lifetime = parsed.data.expires_in * 1000;
        cached = { token: parsed.data.access_token, renewAt: now() + Math.max(0, lifetime - TOKEN_MARGIN_MS) };
        return parsed.data.access_token;
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (e) {
      const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new ConnectorError(0, timeout ? 'timeout' : 'network');
    }
  }

  async function connector(method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown): Promise<unknown> {
    const res = await call(url, {
      method,
      headers: {
        ...(opts.anonymous ? {} : { authorization: `Bearer ${await token()}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status === 401) cached = null; // a revoked or rotated secret: fetch a new token next time
    if (!res.ok) throw new ConnectorError(res.status, await errorCode(res), retryAfter(res, now));
    const text = await res.text();
    return inboundJsonOrUndefined(text) ?? {};
  }

  const activitiesUrl = (serviceUrl: string, conversationId: string) =>
    `${base(serviceUrl)}v3/conversations/${encodeURIComponent(conversationId)}/activities`;

  return {
    token,
    async send(serviceUrl, conversationId, activity, replyToId) {
      const url = replyToId
        ? `${activitiesUrl(serviceUrl, conversationId)}/${encodeURIComponent(replyToId)}`
        : activitiesUrl(serviceUrl, conversationId);
      const body = { ...activity, conversation: { id: conversationId }, ...(replyToId ? { replyToId } : {}) };
      const parsed = resourceResponse.safeParse(await connector('POST', url, body));
      return parsed.success ? (parsed.data.id ?? null) : null;
    },
    async update(serviceUrl, conversationId, activityId, activity) {
      const url = `${activitiesUrl(serviceUrl, conversationId)}/${encodeURIComponent(activityId)}`;
      await connector('PUT', url, { ...activity, id: activityId, conversation: { id: conversationId } });
    },
    async members(serviceUrl, conversationId) {
      const parsed = roster.safeParse(
        await connector('GET', `${base(serviceUrl)}v3/conversations/${encodeURIComponent(conversationId)}/members`),
      );
      if (!parsed.success) throw new ConnectorError(200, 'bad_roster');
      return parsed.data.flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : []));
    },
    async createPersonalConversation(serviceUrl, input) {
      const body = {
        bot: { id: input.botId },
        isGroup: false,
        members: [{ id: input.memberId }],
        tenantId: input.tenantId,
        channelData: { tenant: { id: input.tenantId } },
      };
      const parsed = resourceResponse.safeParse(await connector('POST', `${base(serviceUrl)}v3/conversations`, body));
      if (!parsed.success || !parsed.data.id) throw new ConnectorError(200, 'no_conversation_id');
      return parsed.data.id;
    },
  };
}

function base(serviceUrl: string): string {
  return serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfter(res: Response, now: () => number): number | undefined {
  const h = res.headers.get('retry-after');
  if (!h) return undefined;
  const seconds = Number(h);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

/** Teams nests the useful code (e.g. MessageWritesBlocked) as JSON inside `message`. */
async function errorCode(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  const body = inboundJsonOrUndefined(text);
  if (body === undefined) return 'http_error';
  const parsed = connectorError.safeParse(body);
  if (!parsed.success) return 'http_error';
  if (parsed.data.message) {
    const sub = /"subCode"\s*:\s*"([A-Za-z]+)"/.exec(parsed.data.message);
    if (sub?.[1]) return sub[1];
  }
  return parsed.data.error?.code ?? 'http_error';
}
