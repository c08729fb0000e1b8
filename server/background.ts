/**
 * Work after the ack, on Node. Acks are the latency that matters (Slack allows 3 s, Teams 15 s),
 * and answers share one event loop with them. So tasks start one per turn of the event loop:
 * between two starts, Node goes back to its sockets and acknowledges whatever arrived. Many
 * tasks may be in flight at once (most of a task's time is waiting on the platform's API), but
 * their CPU-heavy starts never pile up in front of new requests. Everything queued is done, in
 * order, and shutdown waits for it.
 */
export interface BackgroundQueue {
  run(task: () => Promise<unknown>): void;
  /** Resolves when everything queued so far (and anything it queues) has finished. */
  idle(): Promise<void>;
  readonly size: number;
}

export function createBackgroundQueue(onError: (err: unknown) => void, concurrency = 16): BackgroundQueue {
  const waiting: (() => Promise<unknown>)[] = [];
  let active = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (active !== 0 || waiting.length !== 0) return;
    const w = idleWaiters;
    idleWaiters = [];
    for (const resolve of w) resolve();
  };

  const schedule = () => {
    if (scheduled || active >= concurrency || waiting.length === 0) return;
    scheduled = true;
    // setImmediate from inside a setImmediate callback runs on the next turn, after the poll
    // phase: one start per turn.
    setImmediate(startOne);
  };

  function startOne() {
    scheduled = false;
    const task = waiting.shift();
    if (!task) return settleIdle();
    active++;
    Promise.resolve()
      .then(task)
      .catch(onError)
      .finally(() => {
        active--;
        schedule();
        settleIdle();
      });
    schedule();
  }

  return {
    run(task) {
      waiting.push(task);
      schedule();
    },
    idle: () => (active === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
    get size() {
      return active + waiting.length;
    },
  };
}
