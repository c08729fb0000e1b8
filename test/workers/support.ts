/**
 * Driving the Worker from tests inside workerd: requests and cron runs through the real entry
 * (server/worker.ts) with an ExecutionContext whose waitUntil work is awaited, signed Slack
 * requests, and the control server of the Node fakes (global-setup.ts).
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker, { type WorkerEnv } from '../../server/worker';
import { computeSignature } from '../../bot/slack/verify';
import { SLACK_SECRET } from './constants';

export const ORIGIN = 'https://desk.example.test';
const workerEnv = env as unknown as WorkerEnv;

/** One request through the Worker's fetch handler; resolves after its waitUntil work is done. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, init), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** One Cron Trigger run, as Cloudflare fires it every minute. */
export async function cron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
}

/** POST /slack/events signed with the Worker's SLACK_SIGNING_SECRET, as Slack sends it. */
export async function slackPost(body: string, contentType: string): Promise<Response> {
  const ts = String(Math.floor(Date.now() / 1000));
  return request('/slack/events', {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': ts,
      'x-slack-signature': await computeSignature(SLACK_SECRET, ts, body),
    },
    body,
  });
}

/** The fakes' control server (Node side). */
export async function control<T = unknown>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${env.CONTROL_URL}${path}`,
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
}
export const slackCalls = (method: string) => control<SlackCall[]>(`/slack/calls?method=${encodeURIComponent(method)}`);
export const slackText = (calls: SlackCall[]) => calls.map((c) => `${c.body.text}\n${JSON.stringify(c.body.blocks ?? [])}`).join('\n');

/** The playground API as its browser page calls it (what PlaygroundClient expects of a Hono app). */
export const playgroundApp = {
  request: (path: string, init?: RequestInit) => request(path, init),
} as unknown as import('hono').Hono;
