/**
 * A small Slack Web API client on fetch. Failures come out as DeliveryError so that the outbox
 * worker knows whether to retry (and when) without knowing Slack.
 */
import { DeliveryError } from '../core/sender';

/** Slack error codes that say "try again later" rather than "this will never work". */
const RETRYABLE_CODES = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
const TIMEOUT_MS = 10_000;

export class SlackApiError extends DeliveryError {
  constructor(
    readonly method: string,
    readonly code: string,
    retryable: boolean,
    retryAfterMs?: number,
  ) {
    super(`Slack ${method} failed: ${code}`, retryable, retryAfterMs);
    this.name = 'SlackApiError';
  }
}

export interface SlackClientOptions {
  /** Base URL ending in "/", e.g. https://slack.com/api/ (config.SLACK_API_URL). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type SlackResponse = { ok: true } & Record<string, unknown>;

export interface SlackClient {
  call<T extends Record<string, unknown> = Record<string, unknown>>(
    method: string,
    body: Record<string, unknown>,
  ): Promise<SlackResponse & T>;
}

function retryAfterMs(res: Response): number | undefined {
  const header = res.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Creates a client that POSTs JSON with the bot token, as Slack recommends for write methods. */
export function createSlackClient(opts: SlackClientOptions): SlackClient {
  const doFetch = opts.fetch ?? fetch;
  return {
    async call(method, body) {
      let res: Response;
      try {
        res = await doFetch(new URL(method, opts.baseUrl), {
          method: 'POST',
          headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS),
        });
      } catch (err) {
        // Network failure or timeout: the request may or may not have arrived, but Slack's
        // chat methods are cheap to repeat compared with losing a notice.
        const code = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? 'timeout' : 'network_error';
        throw new SlackApiError(method, code, true);
      }
      if (res.status === 429) throw new SlackApiError(method, 'ratelimited', true, retryAfterMs(res) ?? 60_000);
      if (res.status >= 500) throw new SlackApiError(method, `http_${res.status}`, true, retryAfterMs(res));
      if (!res.ok) throw new SlackApiError(method, `http_${res.status}`, false);
      let data: unknown;
      try {
        data = await res.json();
      } catch {
        throw new SlackApiError(method, 'invalid_response', true);
      }
      const obj = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
      if (obj.ok !== true) {
        const code = typeof obj.error === 'string' ? obj.error : 'unknown_error';
        throw new SlackApiError(method, code, RETRYABLE_CODES.has(code), code === 'ratelimited' ? retryAfterMs(res) : undefined);
      }
      return obj as never;
    },
  };
}
