/**
 * The main thread's side of the answer thread: what it hands over, what happens to acknowledged
 * events when the thread dies, and shutdown. The thread is a stand-in that records what it is
 * sent and exits when told to; the real worker runs in test/faults/answer-thread.test.ts.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createAnswerThread, type FromThread, type ThreadLike, type ToThread } from '../../server/node-answer-thread';
import type { AckedEvent } from '../../bot/slack/runtime';
import { silentLogger } from '../../server/log';

class FakeThread extends EventEmitter {
  received: ToThread[] = [];
  postMessage(m: ToThread) {
    this.received.push(m);
    // A drained thread exits by itself with 0.
    if (m.t === 'drain') setImmediate(() => this.emit('exit', 0));
  }
  answers() {
    return this.received.flatMap((m) => (m.t === 'answer' ? [m] : []));
  }
  send(m: FromThread) {
    this.emit('message', m);
  }
  finish(id: number) {
    this.send({ t: 'done', id });
  }
  crash() {
    this.emit('error', new Error('out of memory'));
    this.emit('exit', 1);
  }
  async terminate() {
    return 1;
  }
}

const event = (n: number): AckedEvent => ({ rawBody: `{"event_id":"Ev${n}"}`, received: 1_700_000_000_000 + n });
const tick = () => new Promise((r) => setTimeout(r, 5));

function setUp(o: { maxFailures?: number; idleStopMs?: number } = {}) {
  const threads: FakeThread[] = [];
  const here: AckedEvent[] = [];
  const answered: unknown[][] = [];
  const answers = createAnswerThread({
    start: () => {
      const t = new FakeThread();
      threads.push(t);
      return t as unknown as ThreadLike;
    },
    inline: (e) => here.push(e),
    metrics: {
      answered: (...a) => answered.push(a),
      deliveryFailed: () => {},
      jobRun: () => {},
    },
    log: silentLogger,
    restartDelayMs: 1,
    ...o,
  });
  return { answers, threads, here, answered };
}

describe('the answer thread, seen from the main thread', () => {
  it('starts no thread before the first event, then hands each event to it and forgets it once answered', () => {
    const { answers, threads, here } = setUp();
    expect(threads).toHaveLength(0);
    answers.handOff(event(1));
    answers.handOff(event(2));
    expect(threads).toHaveLength(1);
    expect(threads[0]!.answers().map((m) => m.event)).toEqual([event(1), event(2)]);
    expect(answers.pending).toBe(2);
    threads[0]!.finish(threads[0]!.answers()[0]!.id);
    expect(answers.pending).toBe(1);
    expect(here).toEqual([]);
  });

  it('answers on the main thread what a dead thread had not finished, and starts a new thread for what comes next', async () => {
    const { answers, threads, here } = setUp();
    for (const n of [1, 2, 3]) answers.handOff(event(n));
    threads[0]!.finish(threads[0]!.answers()[0]!.id);
    threads[0]!.crash();
    expect(here).toEqual([event(2), event(3)]);
    expect(answers.pending).toBe(0);
    await tick();
    answers.handOff(event(4));
    expect(threads).toHaveLength(2);
    expect(threads[1]!.answers().map((m) => m.event)).toEqual([event(4)]);
    expect(here).toEqual([event(2), event(3)]);
  });

  it('gives up on a thread that keeps dying without answering anything, and answers everything here', async () => {
    const { answers, threads, here } = setUp({ maxFailures: 3 });
    for (const n of [1, 2, 3]) {
      await tick();
      answers.handOff(event(n));
      threads.at(-1)!.crash();
    }
    await tick();
    answers.handOff(event(9));
    expect(threads).toHaveLength(3);
    expect(here).toEqual([event(1), event(2), event(3), event(9)]);
  });

  it('stops a thread that has had nothing to do for a while, and starts one again for the next event', async () => {
    const { answers, threads, here } = setUp({ idleStopMs: 10 });
    answers.handOff(event(1));
    threads[0]!.finish(threads[0]!.answers()[0]!.id);
    await new Promise((r) => setTimeout(r, 40));
    expect(threads[0]!.received.at(-1)).toEqual({ t: 'drain' });
    expect(answers.running).toBe(false);
    answers.handOff(event(2));
    expect(threads).toHaveLength(2);
    expect(threads[1]!.answers().map((m) => m.event)).toEqual([event(2)]);
    expect(here).toEqual([]);
  });

  it('on close, lets the thread drain and redoes nothing it finished', async () => {
    const { answers, threads, here } = setUp();
    answers.handOff(event(1));
    const t = threads[0]!;
    t.finish(t.answers()[0]!.id);
    await answers.close();
    expect(t.received.at(-1)).toEqual({ t: 'drain' });
    expect(here).toEqual([]);
    // After close, nothing goes to a thread any more.
    answers.handOff(event(2));
    expect(here).toEqual([event(2)]);
    expect(threads).toHaveLength(1);
  });

  it('answers here what the thread still had when it died during shutdown', async () => {
    const { answers, threads, here } = setUp();
    answers.handOff(event(1));
    const t = threads[0]!;
    t.postMessage = (m: ToThread) => {
      t.received.push(m);
      if (m.t === 'drain') setImmediate(() => t.crash());
    };
    await answers.close();
    expect(here).toEqual([event(1)]);
  });

  it("records the thread's answer times in the main thread's metrics, and nothing it may not record", () => {
    const { answers, threads, answered } = setUp();
    answers.handOff(event(1));
    threads[0]!.send({ t: 'metric', name: 'answered', args: ['slack', 0.25] });
    threads[0]!.send({ t: 'metric', name: 'expose' as never, args: [] });
    expect(answered).toEqual([['slack', 0.25]]);
  });
});
