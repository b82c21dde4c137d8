import { describe, expect, it } from 'vitest';
import { hasStatusChanged, nextPollDelay } from './status-poll.ts';

describe('hasStatusChanged', () => {
  const pending = { linkStatus: 'open', paymentStatus: 'pending' };
  const answer = (link_status: string, status: string | null) => ({
    link_status,
    payment: status ? { reff_no: 'PY1', status } : null,
  });

  it.each([
    [answer('open', 'pending'), false],
    [answer('open', 'paid'), true],
    [answer('closed', 'paid'), true],
    [answer('expired', 'expired'), true],
    [answer('open', 'cancelled'), true],
    [answer('open', null), true],
  ])('payment page: %j → %s', (status, changed) => {
    expect(hasStatusChanged(status, pending)).toBe(changed);
  });

  it.each([
    [answer('open', null), false],
    [answer('expired', null), true],
    [answer('closed', null), true],
  ])('link page: %j → %s', (status, changed) => {
    expect(hasStatusChanged(status, { linkStatus: 'open', paymentStatus: null })).toBe(changed);
  });
});

describe('nextPollDelay', () => {
  it('polls every 1.5 s and backs off to at most 30 s on errors', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(nextPollDelay)).toEqual([
      1500, 3000, 6000, 12000, 24000, 30000, 30000,
    ]);
  });
});
