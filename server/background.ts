/**
 * Work after the ack, on Node: a queue that runs a few tasks at a time and starts each one on a
 * later turn of the event loop. Acks are the latency that matters (Slack allows 3 s, Teams 15 s);
 * starting every task at once would let a burst of answers hold the loop while new requests
 * wait to be acknowledged. Queued work is still all done, in order, and shutdown waits for it.
 */
export interface BackgroundQueue {
  run(task: () => Promise<unknown>): void;
  /** Resolves when everything queued so far (and anything it queues) has finished. */
  idle(): Promise<void>;
  readonly size: number;
}

export function createBackgroundQueue(onError: (err: unknown) => void, concurrency = 4): BackgroundQueue {
  const waiting: (() => Promise<unknown>)[] = [];
  let active = 0;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (active === 0 && waiting.length === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      for (const resolve of w) resolve();
    }
  };

  const pump = () => {
    while (active < concurrency && waiting.length > 0) {
      const task = waiting.shift()!;
      active++;
      setImmediate(() => {
        Promise.resolve()
          .then(task)
          .catch(onError)
          .finally(() => {
            active--;
            pump();
            settleIdle();
          });
      });
    }
  };

  return {
    run(task) {
      waiting.push(task);
      pump();
    },
    idle: () => (active === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
    get size() {
      return active + waiting.length;
    },
  };
}
