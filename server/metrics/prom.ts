/**
 * The recorder on Node: prom-client, with its own registry (never the global one, so two apps in
 * one process, as in the tests, do not share counters) and Node's process metrics beside ours.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ACK_BUCKETS, ANSWER_BUCKETS, METRIC_NAMES as N, type Metrics, type StoredNumbers } from './types';

export function createPromMetrics(opts: { processMetrics?: boolean } = {}): Metrics & { registry: Registry } {
  const registry = new Registry();
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'dialogue_desk_' });
  const registers = [registry];
  const acked = new Counter({ name: N.acked, help: 'Platform requests acknowledged, by platform', labelNames: ['platform'], registers });
  const ack = new Histogram({
    name: N.ackSeconds,
    help: 'Time from receiving a platform request to its acknowledgement',
    labelNames: ['platform'],
    buckets: ACK_BUCKETS,
    registers,
  });
  const answer = new Histogram({
    name: N.answerSeconds,
    help: 'Time from receiving a message to the end of the work that answered it',
    labelNames: ['platform'],
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const failed = new Counter({
    name: N.deliveriesFailed,
    help: 'Outbox deliveries that did not go through, by platform and reason',
    labelNames: ['platform', 'reason'],
    registers,
  });
  const runs = new Counter({
    name: N.jobRuns,
    help: 'Runs of background jobs, by job and outcome',
    labelNames: ['job', 'outcome'],
    registers,
  });
  const lastSuccess = new Gauge({
    name: N.jobLastSuccess,
    help: 'When each job last finished without error (Unix seconds)',
    labelNames: ['job'],
    registers,
  });
  const backlog = new Gauge({ name: N.outboxBacklog, help: 'Outbox messages waiting to be delivered (pending or being sent)', registers });
  const oldest = new Gauge({
    name: N.outboxOldest,
    help: 'Age of the oldest message waiting in the outbox, in seconds (0 when none)',
    registers,
  });
  const failingHour = new Gauge({
    name: N.outboxFailingHour,
    help: 'Messages still not delivered an hour after they were written',
    registers,
  });
  const failedRows = new Gauge({
    name: N.outboxFailed,
    help: 'Messages the outbox gave up on (shown in the admin panel with a retry button)',
    registers,
  });
  const applications = new Gauge({ name: N.applications, help: 'Applications by status', labelNames: ['status'], registers });

  return {
    registry,
    eventAcknowledged(platform, seconds) {
      acked.inc({ platform });
      ack.observe({ platform }, seconds);
    },
    answered(platform, seconds) {
      answer.observe({ platform }, seconds);
    },
    deliveryFailed(platform, reason) {
      failed.inc({ platform, reason });
    },
    jobRun(job, ok, at = new Date()) {
      runs.inc({ job, outcome: ok ? 'ok' : 'error' });
      if (ok) lastSuccess.set({ job }, at.getTime() / 1000);
    },
    async expose(stored: StoredNumbers) {
      backlog.set(stored.outboxBacklog);
      oldest.set(stored.outboxOldestPendingSeconds);
      failingHour.set(stored.outboxFailingOverHour);
      failedRows.set(stored.outboxFailed);
      applications.reset();
      for (const [status, n] of Object.entries(stored.applicationsByStatus)) applications.set({ status }, n);
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
