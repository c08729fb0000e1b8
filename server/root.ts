/**
 * Everything the composition root built, in one object: what it fills the adapters' hosts and
 * settings from, and what the entries, jobs and tests reach for. Built once per process on Node
 * and once per isolate on Workers. Adapters never see it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Atomic } from '../db/atomic';
import type { Store } from '../domain/ports';
import type { Clock } from '../domain/clock';
import type { Engine } from '../bot/core/engine-types';
import type { SlackWaits } from '../bot/slack/runtime';
import type { Config } from './config';
import type { Logger } from './log';
import type { Metrics } from './metrics/types';

/**
 * Waits that production takes from the platforms' limits, shorter in tests so that they do not
 * sit through them. Empty in production.
 */
export interface Waits {
  slack?: Partial<SlackWaits>;
  /** Pause between tries to record a delivery while the database is busy (1 s). */
  outboxRecordRetryMs?: number;
}

export interface AppRoot {
  config: Config;
  db: Kysely<Database>;
  atomic: Atomic;
  store: Store;
  clock: Clock;
  log: Logger;
  engine: Engine;
  /** Counters and latencies for GET /metrics (prom-client on Node, JSON on Workers). */
  metrics: Metrics;
  /**
   * Runs work after the HTTP response has gone (Slack's 3 s ack): `ctx.waitUntil` on Workers,
   * a tracked promise on Node that graceful shutdown waits for. Errors are logged, not thrown.
   */
  background(task: () => Promise<unknown>): void;
  /** Asks the outbox worker to deliver now instead of at its next tick. */
  kickOutbox(): void;
  /** Absent in production. */
  waits?: Waits;
}
