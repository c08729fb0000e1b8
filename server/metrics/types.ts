/**
 * What the product counts about itself, in terms that mean something to an operator. The
 * recorder is runtime-neutral: Node exposes it with prom-client (server/metrics/prom.ts), Workers
 * with the same numbers as JSON (server/metrics/memory.ts).
 */
export type JobName = 'outbox' | 'scheduled' | 'retention' | 'backup';

/**
 * Why a delivery did not go through. A short, fixed list: a label per error text would grow
 * without bound and could carry what a platform echoed back.
 */
export type FailureReason = 'rate_limited' | 'rejected' | 'no_sender' | 'gave_up' | 'transient';

/** Numbers read from the database at scrape time, so they hold across restarts and processes. */
export interface StoredNumbers {
  outboxBacklog: number;
  outboxOldestPendingSeconds: number;
  /** Messages still not delivered an hour after they were written (pending, sending or failed). */
  outboxFailingOverHour: number;
  outboxFailed: number;
  applicationsByStatus: Record<string, number>;
}

export interface Exposition {
  contentType: string;
  body: string;
}

export interface Metrics {
  /** A platform request answered within its limit (Slack's 3 s, Teams' HTTP response). */
  eventAcknowledged(platform: string, seconds: number): void;
  /** From receiving a message to the end of the work that answered it. */
  answered(platform: string, seconds: number): void;
  deliveryFailed(platform: string, reason: FailureReason): void;
  jobRun(job: JobName, ok: boolean, at?: Date): void;
  expose(stored: StoredNumbers): Promise<Exposition>;
}

/** Histogram buckets in seconds: acks live under 50 ms, answers under a few seconds. */
export const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3];
export const ANSWER_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const METRIC_NAMES = {
  acked: 'dialogue_desk_events_acknowledged_total',
  ackSeconds: 'dialogue_desk_ack_seconds',
  answerSeconds: 'dialogue_desk_answer_seconds',
  deliveriesFailed: 'dialogue_desk_deliveries_failed_total',
  jobRuns: 'dialogue_desk_job_runs_total',
  jobLastSuccess: 'dialogue_desk_job_last_success_timestamp_seconds',
  outboxBacklog: 'dialogue_desk_outbox_backlog',
  outboxOldest: 'dialogue_desk_outbox_oldest_pending_seconds',
  outboxFailingHour: 'dialogue_desk_outbox_failing_over_hour',
  outboxFailed: 'dialogue_desk_outbox_failed',
  applications: 'dialogue_desk_applications',
} as const;
