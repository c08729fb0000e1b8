/**
 * The answer thread (a node:worker_threads worker, started by server/node-answer-thread.ts):
 * answers Slack events that the main thread has verified, stored and acknowledged. It builds the
 * same app as the main thread (engine, adapters, outbox) on its own SQLite connection (WAL: its
 * reads never wait for the main thread's writes; busy_timeout covers writes), but serves no HTTP
 * and runs no scheduled jobs: migrations, the outbox's polling and recovery stay on the main
 * thread. The outbox runs here only when an answer kicks it; its rows are claimed by one UPDATE
 * each, so the two threads never deliver the same row.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import type { SlackAdapter } from '../bot/slack';
import { openSqlite } from '../db/connect-node';
import { shiftedClock, systemClock } from '../domain/clock';
import { buildApp } from './app';
import { createBackgroundQueue } from './background';
import { createLogger } from './log';
import type { Metrics } from './metrics/types';
import type { AnswerThreadData, ForwardedMetric, FromThread, ToThread } from './node-answer-thread';
import { nodeAdaptersWith } from './node-setup';

/** Metrics recorded here are sent to the main thread, whose registry /metrics exposes. */
function forwardedMetrics(send: (m: FromThread) => void): Metrics {
  const forward =
    (name: ForwardedMetric) =>
    (...args: unknown[]) =>
      send({ t: 'metric', name, args });
  return {
    // Acks happen on the main thread only.
    eventAcknowledged: () => {},
    answered: forward('answered'),
    deliveryFailed: forward('deliveryFailed'),
    jobRun: forward('jobRun'),
    expose: () => Promise.reject(new Error('metrics are exposed by the main thread')),
  };
}

/**
 * How much this thread yields the CPU to the main thread (a nice value, 0 to 19). With both
 * busy on a small machine, the kernel's scheduler then runs the acks first and the answers in the
 * time left; nothing is starved (at 10 the thread still gets about a tenth of a busy core).
 */
export const ANSWER_THREAD_NICE = 10;

/** On Linux the nice value is per thread: this thread's id is the last part of /proc/thread-self. */
function yieldToAcks(): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, ANSWER_THREAD_NICE);
    return true;
  } catch {
    // Not Linux (no /proc), or not allowed: the answers then compete with the acks as equals.
    return false;
  }
}

export function runAnswerThread(port: MessagePort, data: AnswerThreadData): void {
  const { config } = data;
  const send = (m: FromThread) => port.postMessage(m);
  const log = createLogger(config.LOG_LEVEL).child({ thread: 'answers' });
  if (!yieldToAcks()) log.info('answer_thread_same_priority');
  const clock = config.DIALOGUES_CLOCK ? shiftedClock(new Date(config.DIALOGUES_CLOCK)) : systemClock;
  const sqlite = openSqlite(config.DATABASE_URL);
  const queue = createBackgroundQueue((err) => log.error('background_failed', { error: err }));
  let slack: SlackAdapter | null = null;
  const built = buildApp({
    config,
    db: sqlite.db,
    atomic: sqlite.atomic,
    clock,
    log,
    background: (task) => queue.run(task),
    kickDelayMs: 25,
    adapters: nodeAdaptersWith({
      built: (adapter) => {
        slack = adapter;
      },
    }),
    metrics: forwardedMetrics(send),
  });
  if (!slack) throw new Error('the answer thread needs Slack to be configured');
  const answer = (slack as SlackAdapter).answerAcked;

  let draining = false;
  port.on('message', (m: ToThread) => {
    if (m.t === 'answer') {
      queue.run(async () => {
        try {
          await answer(m.event);
        } finally {
          // Done, answered or failed (afterAck has told the person and logged): not to be redone.
          send({ t: 'done', id: m.id });
        }
      });
    } else if (m.t === 'drain' && !draining) {
      draining = true;
      void (async () => {
        await queue.idle();
        await built.outbox.stop();
        await sqlite.close();
        // Exit code 0 after a drain tells the main thread that nothing is left to redo.
        process.exit(0);
      })();
    }
  });
  send({ t: 'ready' });
}
