import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../tests/support/test-paylink.ts';
import { createFixedWindow } from './fixed-window.ts';

function tenPerMinute(maxKeys = 100) {
  const clock = createTestClock();
  return {
    clock,
    window: createFixedWindow({ limit: 10, windowSeconds: 60, clock: clock.now, maxKeys }),
  };
}

describe('fixed window per key', () => {
  it('lets exactly `limit` requests through, then says how long to wait', () => {
    const { clock, window } = tenPerMinute();
    for (let i = 0; i < 10; i++) {
      expect(window.retryAfter('a')).toBe(0);
      window.count('a');
    }
    expect(window.retryAfter('a')).toBe(60);
    clock.advance(59_001);
    expect(window.retryAfter('a')).toBe(1);
  });

  it('starts a fresh window once the old one has passed', () => {
    const { clock, window } = tenPerMinute();
    for (let i = 0; i < 10; i++) window.count('a');
    clock.advance(60_000);
    expect(window.retryAfter('a')).toBe(0);
    window.count('a');
    expect(window.retryAfter('a')).toBe(0);
  });

  it('keeps keys apart', () => {
    const { window } = tenPerMinute();
    for (let i = 0; i < 10; i++) window.count('a');
    expect(window.retryAfter('a')).toBeGreaterThan(0);
    expect(window.retryAfter('b')).toBe(0);
  });

  it('gives a count back within its window, never into the next one', () => {
    const { clock, window } = tenPerMinute();
    const tickets = Array.from({ length: 10 }, () => window.count('a'));
    window.refund(tickets[0]!);
    expect(window.retryAfter('a')).toBe(0);
    window.count('a');
    clock.advance(60_000);
    const fresh = window.count('a');
    window.refund(tickets[1]!);
    for (let i = 0; i < 9; i++) window.count('a');
    expect(window.retryAfter('a')).toBeGreaterThan(0);
    window.refund(fresh);
    expect(window.retryAfter('a')).toBe(0);
  });

  it('holds at most maxKeys keys: a million addresses cost a bounded map', () => {
    const { window } = tenPerMinute(1000);
    for (let i = 0; i < 1_000_000; i++) window.count(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    // The latest keys are remembered, the oldest forgotten.
    for (let i = 0; i < 9; i++) window.count('10.15.66.63');
    expect(window.retryAfter('10.15.66.63')).toBe(60);
    expect(window.retryAfter('10.0.0.0')).toBe(0);
    expect(window.size()).toBe(1000);
  });
});
