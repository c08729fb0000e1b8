/**
 * The main thread's side of the answer thread (Node). The main thread verifies each Slack
 * request, stores its event id and acknowledges; the answer (engine, SQLite reads and writes,
 * chat.postMessage) is computed in a worker thread with its own database connection
 * (server/node-answers.ts), so an answer in progress never holds up the next ack.
 *
 * Every event handed over is remembered until the thread reports it done. If the thread dies,
 * what it had not finished is answered here on the main thread (the events are acknowledged and
 * their ids stored, so Slack will not send them again: nobody else would answer them), and the
 * next event starts a new thread. A thread that keeps dying is given up, and answers stay on the
 * main thread. Closing waits for the threads to finish everything they were given and close their
 * connections.
 */
import { Worker } from 'node:worker_threads';
import type { AckedEvent } from '../bot/slack/runtime';
import type { Logger } from './log';
import type { Metrics } from './metrics/types';
import type { Config } from './config';

/** Messages between the threads. */
export type ToThread = { t: 'answer'; id: number; event: AckedEvent } | { t: 'drain' };
export type FromThread = { t: 'ready' } | { t: 'done'; id: number } | { t: 'metric'; name: ForwardedMetric; args: unknown[] };

/** What the answer thread may record in the main thread's metrics (which /metrics exposes). */
export const FORWARDED_METRICS = ['answered', 'deliveryFailed', 'jobRun'] as const;
export type ForwardedMetric = (typeof FORWARDED_METRICS)[number];

/** The parts of a node:worker_threads Worker used here (tests pass a fake). */
export interface ThreadLike {
  postMessage(message: ToThread): void;
  on(event: 'message', listener: (message: FromThread) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface AnswerThreadOptions {
  start(): ThreadLike;
  /** Answers an event on this thread: after a crash, and when no thread can be had. */
  inline(event: AckedEvent): void;
  metrics: Pick<Metrics, ForwardedMetric>;
  log: Logger;
  /** Wait before a thread may be started again after one died. */
  restartDelayMs?: number;
  /** Threads that die in a row without answering anything before answers stay on the main thread. */
  maxFailures?: number;
  /** A thread with nothing to do for this long is stopped (its memory returned) until the next event. */
  idleStopMs?: number;
}

export interface AnswerThread {
  handOff(event: AckedEvent): void;
  /** Waits until the threads have answered everything handed to them and closed their connections. */
  close(): Promise<void>;
  /** Events handed over and not yet answered. */
  readonly pending: number;
  /** Whether a thread is running now. */
  readonly running: boolean;
}

interface Running {
  worker: ThreadLike;
  /** Events handed to this thread and not yet reported done, by id. */
  pending: Map<number, AckedEvent>;
  exited: Promise<void>;
  stopping: boolean;
}

/**
 * Threads start on the first event (an idle server holds no second isolate) and stop after
 * `idleStopMs` without work.
 */
export function createAnswerThread(o: AnswerThreadOptions): AnswerThread {
  const threads = new Set<Running>();
  let current: Running | null = null;
  let nextId = 0;
  let failures = 0;
  let givenUp = false;
  let closing = false;
  let coolingUntil = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function launch(): Running | null {
    let worker: ThreadLike;
    try {
      worker = o.start();
    } catch (err) {
      o.log.error('answer_thread_start_failed', { error: err });
      died(false);
      return null;
    }
    let answeredAny = false;
    let onExit!: () => void;
    const r: Running = { worker, pending: new Map(), exited: new Promise<void>((resolve) => (onExit = resolve)), stopping: false };
    threads.add(r);
    worker.on('error', (err) => o.log.error('answer_thread_failed', { error: err }));
    worker.on('message', (m) => {
      if (m.t === 'done') {
        answeredAny = true;
        r.pending.delete(m.id);
        if (r === current && r.pending.size === 0) armIdleStop();
      } else if (m.t === 'metric' && (FORWARDED_METRICS as readonly string[]).includes(m.name)) {
        (o.metrics[m.name] as (...args: unknown[]) => void)(...m.args);
      }
    });
    worker.on('exit', (code) => {
      threads.delete(r);
      if (current === r) current = null;
      // Exit 0 after a drain: everything it was given is answered. Anything else is a death.
      if (!(r.stopping && code === 0)) {
        o.log.error('answer_thread_exited', { code, unanswered: r.pending.size });
        redoHere(r);
        died(answeredAny);
      }
      onExit();
    });
    return r;
  }

  /** Everything a dead thread had not finished is answered here: nobody else would answer it. */
  function redoHere(r: Running): void {
    const left = [...r.pending.values()];
    r.pending.clear();
    if (left.length) o.log.warn('answer_thread_redone_here', { events: left.length });
    for (const event of left) o.inline(event);
  }

  function died(answeredAny: boolean): void {
    failures = answeredAny ? 1 : failures + 1;
    coolingUntil = Date.now() + (o.restartDelayMs ?? 1_000);
    if (failures >= (o.maxFailures ?? 3) && !givenUp) {
      givenUp = true;
      o.log.error('answer_thread_given_up', { failures });
    }
  }

  function stop(r: Running): void {
    r.stopping = true;
    if (current === r) current = null;
    // The thread exits by itself once drained; if it dies instead, what it left is redone here.
    r.worker.postMessage({ t: 'drain' });
  }

  function armIdleStop(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () => {
        idleTimer = null;
        if (current && current.pending.size === 0) stop(current);
      },
      o.idleStopMs ?? 5 * 60_000,
    );
    idleTimer.unref?.();
  }

  return {
    handOff(event) {
      if (!current && !closing && !givenUp && Date.now() >= coolingUntil) current = launch();
      if (!current || closing) return o.inline(event);
      const id = ++nextId;
      current.pending.set(id, event);
      current.worker.postMessage({ t: 'answer', id, event });
    },
    async close() {
      closing = true;
      if (idleTimer) clearTimeout(idleTimer);
      if (current) stop(current);
      await Promise.all([...threads].map((r) => r.exited));
    },
    get pending() {
      let n = 0;
      for (const r of threads) n += r.pending.size;
      return n;
    },
    get running() {
      return current !== null;
    },
  };
}

/** Marks the worker started by `answerThreadWorker`; server/node.ts checks it to know which side it is. */
export const ANSWER_THREAD_ROLE = 'slack-answers';

export interface AnswerThreadData {
  role: typeof ANSWER_THREAD_ROLE;
  config: Config;
}

/**
 * A worker running `entry` (the server bundle itself, which starts the answer side when it sees
 * the role). Only a built .mjs/.js file can be a worker entry: under a TypeScript loader (tests
 * of the sources) there is no thread and answers stay on the main thread.
 */
export function answerThreadWorker(entry: string, config: Config): (() => ThreadLike) | null {
  if (!/\.m?js$/.test(new URL(entry).pathname)) return null;
  const data: AnswerThreadData = { role: ANSWER_THREAD_ROLE, config };
  return () => new Worker(new URL(entry), { workerData: data }) as unknown as ThreadLike;
}
