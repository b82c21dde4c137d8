import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedForOneSecond } from './shared-for-one-second.ts';

describe('sharedForOneSecond', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once per second however many callers ask', async () => {
    vi.useFakeTimers();
    let asked = 0;
    const ping = sharedForOneSecond(async () => {
      asked += 1;
    });
    await Promise.all([ping(), ping(), ping()]);
    expect(asked).toBe(1);
    vi.advanceTimersByTime(1000);
    await ping();
    expect(asked).toBe(2);
  });

  it('shares a failure only for its second', async () => {
    vi.useFakeTimers();
    let isDown = true;
    const ping = sharedForOneSecond(async () => {
      if (isDown) throw new Error('down');
    });
    await expect(ping()).rejects.toThrow('down');
    isDown = false;
    await expect(ping()).rejects.toThrow('down');
    vi.advanceTimersByTime(1000);
    await expect(ping()).resolves.toBeUndefined();
  });
});
