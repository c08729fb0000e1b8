/**
 * Delivers outbox rows through each platform's Sender. A row is claimed before sending (so two
 * workers never send it twice), marked delivered with where the platform put it, or put back
 * with backoff (honouring Retry-After). Rows left "sending" by a crash go back to pending.
 */
import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from '../../db/schema';
import { claimDue, externalRefOf, markDelivered, markFailed, markRetry, requeueStale, scrubPayload } from '../../db/outbox-queue';
import { parseJson, recipientJson, repliesJson } from '../../db/json';
import { DeliveryError, type Sender } from '../../bot/core/sender';
import type { Clock } from '../../domain/clock';
import type { Platform } from '../../domain/types';
import type { Logger } from '../log';
import type { FailureReason, Metrics } from '../metrics/types';
import { errorMessage } from '../../lib/errors';

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10 * 60_000;
const STALE_AFTER_MS = 2 * 60_000;
const REQUEUE_EVERY_MS = 30_000;
/** How long (seconds, roughly) a delivered message waits for a locked database to record it. */
const RECORD_TRIES = 60;

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  senders: () => Map<Platform, Sender>;
  /** Failed deliveries by reason, and each run's outcome. */
  metrics?: Metrics;
  batchSize?: number;
  /** For tests: jitter is Math.random by default. */
  random?: () => number;
  /** Pause between tries to record a delivery while the database is busy; default 1 s. */
  recordRetryMs?: number;
}

export interface OutboxWorker {
  /** Delivers what is due now; resolves with how many rows it handled. */
  runOnce(): Promise<number>;
  /** Keeps delivering until nothing is due (tests, the Workers cron). */
  drain(maxRounds?: number): Promise<number>;
  start(intervalMs: number): void;
  kick(): void;
  stop(): Promise<void>;
}

/** Exponential backoff with full jitter, capped; Retry-After wins when the platform gives one. */
export function retryDelay(attempts: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, MAX_DELAY_MS);
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, log } = opts;
  const random = opts.random ?? Math.random;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | null = null;
  let again = false;

  async function deliverRow(row: OutboxRow): Promise<void> {
    const sender = opts.senders().get(row.platform);
    const now = () => clock.now().toISOString();
    const attempt = row.attempts + 1;
    const failed = (reason: FailureReason) => opts.metrics?.deliveryFailed(row.platform, reason);
    const retry = async (message: string, retryAfterMs?: number, reason: FailureReason | null = 'transient') => {
      if (reason) failed(reason);
      if (attempt >= MAX_ATTEMPTS) {
        failed('gave_up');
        await markFailed(db, row.id, message);
        log.error('outbox_failed', { outboxId: row.id, purpose: row.purpose, attempts: attempt, reason: message });
        await forgetSecret(row);
        return;
      }
      const at = new Date(clock.now().getTime() + retryDelay(attempt, retryAfterMs, random)).toISOString();
      await markRetry(db, row.id, message, at);
      log.warn('outbox_retry', { outboxId: row.id, purpose: row.purpose, attempts: attempt, reason: message, nextAttemptAt: at });
    };
    if (!sender) {
      // The platform may be configured later (admin adds a channel, env var set): keep the message.
      await retry(`no sender for platform ${row.platform}`, undefined, 'no_sender');
      return;
    }
    let replacesRef: unknown = null;
    if (row.replaces) {
      replacesRef = await externalRefOf(db, row.replaces);
      // The card being replaced is not delivered yet: wait for it rather than posting a second card.
      if (replacesRef === null || replacesRef === undefined) {
        // Waiting for another message is not a failure of this one.
        await retry('replaced message not delivered yet', undefined, null);
        return;
      }
    }
    let delivered: { externalRef: unknown; externalId?: string | null } | null = null;
    try {
      const result = await sender.deliver({
        recipient: parseJson(row.recipient, recipientJson, 'outbox recipient'),
        replies: parseJson(row.payload, repliesJson, 'outbox payload'),
        purpose: row.purpose,
        replacesRef,
        outboxId: row.id,
      });
      delivered = result;
    } catch (err) {
      if (err instanceof DeliveryError && !err.retryable) {
        failed('rejected');
        await markFailed(db, row.id, err.message);
        log.error('outbox_failed', { outboxId: row.id, purpose: row.purpose, reason: err.message });
        await forgetSecret(row);
        return;
      }
      const retryAfterMs = err instanceof DeliveryError ? err.retryAfterMs : undefined;
      await retry(errorMessage(err) || 'delivery failed', retryAfterMs, retryAfterMs !== undefined ? 'rate_limited' : 'transient');
      return;
    }
    // The platform has the message now: recording that must not be mistaken for a failed send
    // (that would send it again), so a busy database is waited out here.
    await recordDelivery(row, delivered.externalRef, now, attempt, delivered.externalId ?? null);
  }

  async function recordDelivery(
    row: OutboxRow,
    externalRef: unknown,
    now: () => string,
    attempt: number,
    externalId: string | null,
  ): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        await markDelivered(db, row.id, externalRef, now(), externalId);
        log.info('outbox_delivered', { outboxId: row.id, purpose: row.purpose, platform: row.platform, attempts: attempt });
        await forgetSecret(row);
        return;
      } catch (err) {
        if (i >= RECORD_TRIES) {
          log.error('outbox_record_failed', { outboxId: row.id, error: err });
          return;
        }
        log.warn('outbox_record_retry', { outboxId: row.id, attempt: i + 1, error: err });
        await new Promise((r) => setTimeout(r, opts.recordRetryMs ?? 1_000));
      }
    }
  }

  // A sign-in code is kept in the outbox only until it is sent (or given up on); the code
  // itself lives on as a hash only (sign_in_codes).
  async function forgetSecret(row: OutboxRow): Promise<void> {
    if (row.purpose !== 'sign_in_code') return;
    await scrubPayload(db, row.id).catch((err) => log.warn('outbox_scrub_failed', { outboxId: row.id, error: err }));
  }

  let lastRequeue = -Infinity;

  async function runOnceInner(): Promise<number> {
    const nowIso = clock.now().toISOString();
    // Rows left "sending" only come from a crash: looking for them once in a while is enough,
    // not on every kick under load.
    if (clock.now().getTime() - lastRequeue >= REQUEUE_EVERY_MS) {
      lastRequeue = clock.now().getTime();
      await requeueStale(db, new Date(lastRequeue - STALE_AFTER_MS).toISOString());
    }
    const rows = await claimDue(db, nowIso, opts.batchSize ?? 25);
    // In order, one at a time: card updates must follow the cards they replace.
    for (const row of rows) await deliverRow(row);
    return rows.length;
  }

  let stopped = false;
  const worker: OutboxWorker = {
    runOnce() {
      // A kick that arrives after shutdown began finds the database closing: nothing to do.
      if (stopped) return Promise.resolve(0);
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        try {
          do {
            again = false;
            total += await runOnceInner();
          } while (again);
          opts.metrics?.jobRun('outbox', true);
        } catch (err) {
          opts.metrics?.jobRun('outbox', false);
          log.error('outbox_error', { error: err });
        } finally {
          running = null;
        }
        return total;
      })();
      return running;
    },
    async drain(maxRounds = 50) {
      let total = 0;
      for (let i = 0; i < maxRounds; i++) {
        const n = await worker.runOnce();
        total += n;
        if (n === 0) break;
      }
      return total;
    },
    start(intervalMs) {
      timer ??= setInterval(() => void worker.runOnce(), intervalMs);
    },
    kick() {
      void worker.runOnce();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },
  };
  return worker;
}
