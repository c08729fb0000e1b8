/**
 * Socket Mode (Node only): Slack pushes the same payloads over a WebSocket instead of HTTP, so a
 * workspace can be served without a public URL. Each envelope goes to the same handlers as
 * POST /slack/events; the ack carries the handler's body (a view_submission's response_action).
 */
import type { SocketModeClient } from '@slack/socket-mode';
import type { AdapterHost } from '../core/host';
import { isWellFormedJson } from '../../lib/json';
import { handleCommand, handleEventBody } from './events';
import { handleInteraction } from './interactions';
import type { Outcome, SlackRuntime } from './runtime';

export interface SocketEnvelope {
  type: string;
  body: unknown;
  ack(response?: Record<string, unknown>): Promise<void>;
}

/** Runs one envelope through the handlers and acks it; exported for tests without a socket. */
export async function handleEnvelope(rt: SlackRuntime, deps: AdapterHost, env: SocketEnvelope): Promise<void> {
  let outcome: Outcome = {};
  try {
    // Refused as POST /slack/events refuses it (acked, so Slack does not send it again).
    if (!isWellFormedJson(env.body)) rt.log.warn('slack.socket_envelope_refused', { type: env.type });
    else if (env.type === 'events_api') outcome = await handleEventBody(rt, env.body);
    else if (env.type === 'slash_commands') outcome = await handleCommand(rt, (env.body ?? {}) as Record<string, unknown>);
    else if (env.type === 'interactive') outcome = await handleInteraction(rt, env.body);
  } finally {
    // Always ack: an unacked envelope is redelivered, and a failing handler would fail again.
    await env.ack(outcome.body);
  }
  if (outcome.later) deps.background(outcome.later);
}

export interface SocketConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSocketConnection(rt: SlackRuntime, deps: AdapterHost, appToken: string): SocketConnection {
  let client: SocketModeClient | null = null;
  return {
    async start() {
      // Loaded on start: the WebSocket stack costs memory that HTTP-only deployments need not pay.
      const { SocketModeClient, LogLevel } = await import('@slack/socket-mode');
      client = new SocketModeClient({
        appToken,
        // Its own log lines are plain text; ours are JSON. Only its warnings are worth mixing in.
        logLevel: LogLevel.WARN,
        // apps.connections.open goes to the configured API base like every other call.
        clientOptions: { slackApiUrl: rt.settings.apiUrl },
      });
      client.on('slack_event', (env: SocketEnvelope) => {
        handleEnvelope(rt, deps, env).catch((err) => rt.log.error('slack.socket_envelope_failed', { err, type: env.type }));
      });
      await client.start();
      rt.log.info('slack.socket_connected');
    },
    async stop() {
      await client?.disconnect();
    },
  };
}
