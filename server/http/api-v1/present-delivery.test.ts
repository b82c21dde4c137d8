import { describe, expect, it } from 'vitest';
import { presentDelivery, shownWebhookError } from './present-delivery.ts';

// SPEC §6: the delivery log never shows a socket error, even one stored before the rule.

describe('shownWebhookError', () => {
  it.each([
    ['HTTP 500', 'HTTP 500'],
    ['HTTP 302', 'HTTP 302'],
    ['timeout', 'timeout'],
    ['connection_failed', 'connection_failed'],
    ['destination_not_allowed', 'destination_not_allowed'],
    ['fetch failed (ECONNREFUSED)', 'connection_failed'],
    ['fetch failed (ECONNRESET)', 'connection_failed'],
    ['fetch failed (UND_ERR_SOCKET)', 'connection_failed'],
    ['getaddrinfo ENOTFOUND intranet.local', 'connection_failed'],
    ['timeout after 10 s', 'timeout'],
    [null, null],
  ])('%j is shown as %j', (stored, shown) => {
    expect(shownWebhookError(stored)).toBe(shown);
  });
});

describe('presentDelivery: last_error', () => {
  const at = new Date('2026-01-15T03:00:00.000Z');
  const row = {
    id: 7,
    accountId: '01K7P073Q8RE2A9PQT8Q7MXPN4',
    linkId: 3,
    paymentId: 4,
    event: 'payment-link-transaction.paid',
    orderingKey: null,
    messageId: 'msg_0000000000000000000000000',
    payload: '{}',
    attempts: 1,
    lastStatusCode: null,
    nextAttemptAt: at,
    deliveredAt: null,
    failedAt: null,
    createdAt: at,
    updatedAt: at,
  };

  it('shows a stored socket error of a callback as connection_failed', () => {
    const shown = presentDelivery({
      ...row,
      channel: 'webhook',
      target: 'https://merchant.example/hooks',
      lastError: 'fetch failed (ECONNRESET)',
    });
    expect(shown.last_error).toBe('connection_failed');
  });

  it("shows a mail's error as the mail server gave it (Paylink's own server, not a client's)", () => {
    const shown = presentDelivery({
      ...row,
      channel: 'email',
      target: 'budi@example.com',
      lastError: '550 5.1.1 mailbox unavailable',
    });
    expect(shown.last_error).toBe('550 5.1.1 mailbox unavailable');
  });
});
