/**
 * The recorder without prom-client, for Workers (prom-client needs Node's modules). It keeps the
 * same counters and histograms and exposes them as JSON. On Workers the counters are per isolate
 * (since it started); the stored numbers come from D1 and are global.
 */
import { ACK_BUCKETS, ANSWER_BUCKETS, type Exposition, type FailureReason, type JobName, type Metrics, type StoredNumbers } from './types';

interface Histogram {
  buckets: number[];
  counts: number[];
  sum: number;
  count: number;
}

const histogram = (buckets: number[]): Histogram => ({ buckets, counts: buckets.map(() => 0), sum: 0, count: 0 });

function observe(h: Histogram, v: number): void {
  h.sum += v;
  h.count += 1;
  h.buckets.forEach((b, i) => {
    if (v <= b) h.counts[i] = (h.counts[i] ?? 0) + 1;
  });
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

export function createMemoryMetrics(): Metrics & { startedAt: string } {
  const acked = new Map<string, number>();
  const ack = new Map<string, Histogram>();
  const answer = new Map<string, Histogram>();
  const failed = new Map<string, number>();
  const runs = new Map<string, number>();
  const lastSuccess = new Map<string, number>();
  const per = (m: Map<string, Histogram>, platform: string, buckets: number[]) => {
    let h = m.get(platform);
    if (!h) {
      h = histogram(buckets);
      m.set(platform, h);
    }
    return h;
  };
  const histJson = (m: Map<string, Histogram>) =>
    Object.fromEntries(
      [...m].map(([p, h]) => [
        p,
        {
          count: h.count,
          sum: h.sum,
          buckets: Object.fromEntries(h.buckets.map((b, i) => [String(b), h.counts[i]])),
        },
      ]),
    );
  const startedAt = new Date().toISOString();
  return {
    startedAt,
    eventAcknowledged(platform, seconds) {
      bump(acked, platform);
      observe(per(ack, platform, ACK_BUCKETS), seconds);
    },
    answered(platform, seconds) {
      observe(per(answer, platform, ANSWER_BUCKETS), seconds);
    },
    deliveryFailed(platform: string, reason: FailureReason) {
      bump(failed, `${platform}|${reason}`);
    },
    jobRun(job: JobName, ok: boolean, at = new Date()) {
      bump(runs, `${job}|${ok ? 'ok' : 'error'}`);
      if (ok) lastSuccess.set(job, at.getTime() / 1000);
    },
    async expose(stored: StoredNumbers): Promise<Exposition> {
      const body = {
        countersSince: startedAt,
        eventsAcknowledged: Object.fromEntries(acked),
        ackSeconds: histJson(ack),
        answerSeconds: histJson(answer),
        deliveriesFailed: [...failed].map(([k, n]) => ({ platform: k.split('|')[0], reason: k.split('|')[1], count: n })),
        jobRuns: [...runs].map(([k, n]) => ({ job: k.split('|')[0], outcome: k.split('|')[1], count: n })),
        jobLastSuccess: Object.fromEntries([...lastSuccess].map(([job, s]) => [job, new Date(s * 1000).toISOString()])),
        outbox: {
          backlog: stored.outboxBacklog,
          oldestPendingSeconds: stored.outboxOldestPendingSeconds,
          failingOverHour: stored.outboxFailingOverHour,
          failed: stored.outboxFailed,
        },
        applicationsByStatus: stored.applicationsByStatus,
      };
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
    },
  };
}
