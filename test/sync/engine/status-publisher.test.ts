// The pace of status reads: in order, shared by the events that wait for a read, spaced apart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusPublisher } from '../../../src-main/sync/status-publisher';

describe('StatusPublisher', () => {
  let state: number;
  let delivered: number[];
  let publisher: StatusPublisher<number>;
  beforeEach(() => {
    vi.useFakeTimers();
    state = 0;
    delivered = [];
    publisher = new StatusPublisher(
      async () => state,
      (status) => delivered.push(status),
      (error) => {
        throw error;
      },
      100,
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads at once when nothing was read lately', async () => {
    state = 1;
    publisher.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered).toEqual([1]);
  });

  it('answers a stream of events with one read per interval, the last one seeing the latest state', async () => {
    for (let step = 1; step <= 30; step += 1) {
      state = step;
      publisher.request();
      await vi.advanceTimersByTimeAsync(10); // an event every 10 ms for 300 ms
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(delivered.length).toBeGreaterThanOrEqual(3);
    expect(delivered.length).toBeLessThanOrEqual(5);
    expect(delivered).toEqual([...delivered].sort((a, b) => a - b)); // in order
    expect(delivered.at(-1)).toBe(30);
  });

  it('starts no read once stopped', async () => {
    publisher.request();
    await vi.advanceTimersByTimeAsync(0);
    publisher.request(); // waits for its interval
    const stopped = publisher.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopped;
    expect(delivered).toEqual([0]);
  });
});
