/**
 * What a platform adapter may use, declared by the core and filled in by the composition root:
 * the engine, the Store port, time, logs, work after the response, first-delivery dedupe, the
 * reviewer lists and one number for the metrics. Each adapter adds its own typed settings; none
 * sees the whole configuration or a database.
 */
import type { Deliveries, ReviewerLists } from '../../domain/channel-ports';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../domain/log';
import type { Store } from '../../domain/ports';
import type { Engine } from './engine-types';

export type { Logger };

/** The one measurement adapters take: from receiving a message to the end of answering it. */
export interface AnswerMetrics {
  answered(platform: string, seconds: number): void;
}

export interface AdapterHost {
  engine: Engine;
  store: Store;
  clock: Clock;
  log: Logger;
  metrics: AnswerMetrics;
  /**
   * Runs work after the HTTP response has gone (Slack's 3 s ack): `ctx.waitUntil` on Workers,
   * a tracked promise on Node that graceful shutdown waits for. Errors are logged, not thrown.
   */
  background(task: () => Promise<unknown>): void;
  /** Which platform deliveries were already handled (platforms redeliver slow or failed ones). */
  deliveries: Deliveries;
  reviewerLists: ReviewerLists;
}
