import { describe, expect, it } from 'vitest';
import { createBackgroundQueue } from '../../server/background';

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('work after the ack', () => {
  it('starts one task per turn of the event loop, so requests in between are served first', async () => {
    const started: number[] = [];
    const q = createBackgroundQueue(() => {}, 16);
    for (let i = 0; i < 5; i++)
      q.run(async () => {
        started.push(i);
      });
    expect(started).toEqual([]); // nothing runs inside the request that queued it
    await turn();
    expect(started.length).toBeLessThanOrEqual(1);
    await q.idle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps many tasks in flight while they wait on the network, and never more than allowed', async () => {
    let inFlight = 0;
    let most = 0;
    const q = createBackgroundQueue(() => {}, 3);
    for (let i = 0; i < 10; i++) {
      q.run(async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
      });
    }
    await q.idle();
    expect(most).toBe(3);
  });

  it('reports a failing task and carries on with the rest', async () => {
    const errors: unknown[] = [];
    const done: number[] = [];
    const q = createBackgroundQueue((e) => errors.push(e));
    q.run(async () => {
      throw new Error('boom');
    });
    q.run(async () => {
      done.push(1);
    });
    await q.idle();
    expect(errors).toHaveLength(1);
    expect(done).toEqual([1]);
    expect(q.size).toBe(0);
  });
});
