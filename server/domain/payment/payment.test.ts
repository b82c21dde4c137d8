import { describe, expect, it } from 'vitest';
import {
  nextPaymentStatus,
  PAYMENT_EVENTS,
  PAYMENT_STATUSES,
  type PaymentEvent,
  type PaymentStatus,
} from './payment.ts';

/** Every (state, event) pair, written out: anything not listed is a no-op (SPEC §2). */
const EXPECTED: Record<string, PaymentStatus> = {
  'pending:pay': 'paid',
  'pending:expire': 'expired',
  'pending:cancel': 'cancelled',
  'paid:settle': 'settled',
};

describe('nextPaymentStatus', () => {
  const pairs = PAYMENT_STATUSES.flatMap((status) =>
    PAYMENT_EVENTS.map((event) => [status, event] as const),
  );

  it.each(pairs)('%s + %s', (status: PaymentStatus, event: PaymentEvent) => {
    expect(nextPaymentStatus(status, event)).toBe(EXPECTED[`${status}:${event}`] ?? null);
  });

  it('covers 20 pairs, of which exactly four move', () => {
    expect(pairs).toHaveLength(20);
    expect(pairs.filter(([s, e]) => nextPaymentStatus(s, e) !== null)).toHaveLength(4);
  });
});
