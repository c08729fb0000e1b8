/**
 * POST /slack/events: the one request URL for the Events API, slash commands and interactivity.
 * Nothing is parsed or done before the signature checks out; the answer goes back at once and
 * the rest runs in the background.
 */
import { Hono } from 'hono';
import { inboundJsonOrUndefined as parseJson } from '../../lib/json';
import { verifySlackSignature, type SlackVerifier } from './verify';
import { handleCommand, handleEventBody } from './events';
import { handleInteraction } from './interactions';
import type { AckedEvent, Outcome, SlackRuntime } from './runtime';

export interface RouteOptions {
  /** Real time for the signature window; the product clock may be set to 2023. */
  verifyClock?: () => number;
  /** The signature check (default Web Crypto, which Workers have; Node passes a synchronous one). */
  verify?: SlackVerifier;
  /**
   * Where acknowledged events are answered instead of this thread's background queue (Node: the
   * answer thread), so that answers never hold up the next ack.
   */
  handOff?: (event: AckedEvent) => void;
}

/** Dispatches a verified body by its shape: JSON events, `payload=` interactivity, or command fields. */
async function dispatch(rt: SlackRuntime, contentType: string, rawBody: string): Promise<Outcome | null> {
  if (contentType.includes('application/json')) {
    const body = parseJson(rawBody);
    return body === undefined ? null : handleEventBody(rt, body);
  }
  const form = new URLSearchParams(rawBody);
  const payload = form.get('payload');
  if (payload !== null) {
    const body = parseJson(payload);
    return body === undefined ? null : handleInteraction(rt, body);
  }
  if (form.has('command')) return handleCommand(rt, Object.fromEntries(form));
  return null;
}

export function slackRoutes(rt: SlackRuntime, opts: RouteOptions = {}): Hono {
  const { deps } = rt;
  const app = new Hono();
  const now = opts.verifyClock ?? Date.now;
  const verify = opts.verify ?? verifySlackSignature;
  const handOff = opts.handOff;

  app.post('/slack/events', async (c) => {
    const received = Date.now();
    const rawBody = await c.req.text();
    const secret = rt.settings.signingSecret;
    const ok =
      secret !== undefined &&
      (await verify(
        secret,
        {
          timestamp: c.req.header('x-slack-request-timestamp'),
          signature: c.req.header('x-slack-signature'),
          rawBody,
        },
        now(),
      ));
    if (!ok) {
      rt.log.warn('slack.signature_rejected', { retry: c.req.header('x-slack-retry-num') ?? null });
      return c.json({ error: 'invalid_signature' }, 401);
    }
    const outcome = await dispatch(rt, c.req.header('content-type') ?? '', rawBody);
    if (!outcome) return c.json({ error: 'unsupported_payload' }, 400);
    const later = outcome.later;
    if (later && outcome.acked && handOff) handOff({ rawBody, received });
    else if (later) {
      deps.background(async () => {
        await later();
        deps.metrics.answered('slack', (Date.now() - received) / 1000);
      });
    }
    return outcome.body ? c.json(outcome.body) : c.body(null, 200);
  });

  return app;
}
