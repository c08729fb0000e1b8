/**
 * Ack latency of signed message.im events, each with a new event_id, at a fixed rate: with
 * autocannon (its `overallRate`) and with our open-loop generator, against any server that
 * answers POST /slack/events.
 *
 * autocannon 8's rate limit is a per-connection quota per second: a connection sends back to
 * back until it has made rate/connections requests this second, then waits for the next 1 s
 * tick. Load therefore arrives in bursts at the start of each second rather than evenly, and a
 * connection waiting for a slow answer does not send (coordinated omission). Its correction
 * (`recordValueWithExpectedInterval(latency, ceil(1/rate))`) takes 1/rate in seconds as an
 * interval in milliseconds, i.e. 1 ms, and back-fills phantom samples for every millisecond of
 * every answer; we turn it off (`ignoreCoordinatedOmission`). The open-loop generator sends each
 * request when it is due and counts latency from then, which is what Slack's traffic looks like.
 */
import autocannon from 'autocannon';
import { dmEventBody, JSON_TYPE, QUESTIONS, signedHeaders, userId } from '../test/faults/slack-traffic';
import { openLoop, pct } from './open-loop';

export interface AckResult {
  tool: 'autocannon' | 'open-loop';
  rate: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

let seq = 0;
/** A fresh, signed DM event from one of `users` people. */
export function dmRequest(secret: string, prefix: string, users = 2000): { body: string; headers: Record<string, string> } {
  const n = ++seq;
  const body = dmEventBody(`Ev${prefix}${n.toString(36)}`, userId(1 + (n % users)), QUESTIONS[n % QUESTIONS.length]!);
  return { body, headers: signedHeaders(secret, body, JSON_TYPE) };
}

export async function ackAutocannon(url: string, secret: string, rate: number, durationS: number, prefix: string): Promise<AckResult> {
  const connections = Math.min(50, rate);
  const result = await autocannon({
    url: `${url}/slack/events`,
    method: 'POST',
    connections,
    overallRate: rate,
    duration: durationS,
    ignoreCoordinatedOmission: true,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => {
          const { body, headers } = dmRequest(secret, prefix);
          return { ...req, method: 'POST', path: '/slack/events', body, headers };
        },
      },
    ],
  } as never);
  const r = result as unknown as {
    requests: { sent: number; total: number };
    latency: { p50: number; p99: number; max: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    '2xx': number;
  };
  return {
    tool: 'autocannon',
    rate,
    sent: r.requests.total,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

export async function ackOpenLoop(url: string, secret: string, rate: number, durationS: number, prefix: string): Promise<AckResult> {
  const r = await openLoop({ url: `${url}/slack/events`, rate, durationS, build: () => dmRequest(secret, prefix) });
  return {
    tool: 'open-loop',
    rate,
    sent: r.sent,
    ok: r.ok,
    non2xx: r.non2xx,
    errors: r.errors,
    p50: pct(r.latencies, 50),
    p99: pct(r.latencies, 99),
    max: r.latencies.at(-1) ?? NaN,
  };
}
