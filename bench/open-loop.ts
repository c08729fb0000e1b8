/**
 * Open-loop load: request i is due at t0 + i/rate whatever happened to earlier ones, and its
 * latency is counted from when it was due (so a stalled server cannot hide its stall by slowing
 * the generator down: no coordinated omission). Each request is built (and signed) when it goes.
 */
import { Agent, request } from 'node:http';

export interface OpenLoopResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Milliseconds from due time to the end of the response, sorted. */
  latencies: number[];
  /** Largest delay between due time and actual send (generator lag). */
  maxSendLagMs: number;
}

export async function openLoop(o: {
  url: string;
  rate: number;
  durationS: number;
  build(i: number): { body: string; headers: Record<string, string> };
}): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.round(o.rate * o.durationS);
  const latencies: number[] = [];
  let ok = 0,
    non2xx = 0,
    errors = 0,
    sent = 0,
    maxLag = 0;
  const t0 = performance.now() + 20;
  const inflight = new Set<Promise<void>>();
  const fire = (i: number, due: number) => {
    const { body, headers } = o.build(i);
    maxLag = Math.max(maxLag, performance.now() - due);
    const p = new Promise<void>((resolve) => {
      const req = request(
        o.url,
        { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) ok++;
            else non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
    inflight.add(p);
    void p.then(() => inflight.delete(p));
  };
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + (sent * 1000) / o.rate <= now) {
        fire(sent, t0 + (sent * 1000) / o.rate);
        sent++;
      }
      if (sent >= total) return resolve();
      const wait = t0 + (sent * 1000) / o.rate - performance.now();
      setTimeout(tick, Math.max(0, Math.min(wait, 5)));
    };
    tick();
  });
  await Promise.all([...inflight]);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent, ok, non2xx, errors, latencies, maxSendLagMs: maxLag };
}

export const pct = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
