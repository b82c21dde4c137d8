import { describe, expect, it } from 'vitest';
import type { V4LinkStatus } from '../callback/v4-payment-link-body.ts';
import { aLink } from '../callback/callback-fixtures.test-support.ts';
import type { PaymentStatus } from '../payment/payment.ts';
import type { LinkStatus } from './payment-link.ts';
import { v4LinkStatus } from './v4-status.ts';

const NOW = new Date('2026-01-15T03:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

/** A single-use v4 link in a given stored state. */
const v4Link = (status: LinkStatus, currentUsage: number, expiredAt: Date | null) =>
  aLink({ dialect: 'v4', maxUsage: 1, currentUsage, status, expiredAt });

type Row = [string, LinkStatus, number, Date | null, PaymentStatus[], V4LinkStatus];

// SPEC §4: pending (unpaid), paid, completed (settled), expired (expired unpaid); the payment
// statuses are those SPEC §2 lets a single-use link hold together.
const TABLE: Row[] = [
  ['new, no expiry', 'open', 0, null, [], 'pending'],
  ['new, expires later', 'open', 0, at(1), [], 'pending'],
  ['a payment started', 'open', 0, at(60_000), ['pending'], 'pending'],
  ['a payment lapsed, link still open', 'open', 0, null, ['expired'], 'pending'],
  ['two tries lapsed or cancelled', 'open', 0, null, ['expired', 'cancelled'], 'pending'],
  ['expired exactly now, unpaid', 'open', 0, at(0), [], 'expired'],
  ['expired, a payment lapsed with it', 'open', 0, at(-1), ['expired'], 'expired'],
  ['expired, a payment still marked pending', 'open', 0, at(-1), ['pending'], 'expired'],
  ['closed by the merchant, unpaid', 'closed', 0, null, [], 'expired'],
  ['closed by the merchant, a try cancelled', 'closed', 0, at(60_000), ['cancelled'], 'expired'],
  ['paid', 'closed', 1, null, ['paid'], 'paid'],
  ['paid, the other try cancelled', 'closed', 1, null, ['cancelled', 'paid'], 'paid'],
  ['paid, then the link expired', 'closed', 1, at(-1), ['paid'], 'paid'],
  ['used, the paid payment not in the list', 'closed', 1, null, ['cancelled'], 'paid'],
  ['settled', 'closed', 1, null, ['settled'], 'completed'],
  ['settled, the other try cancelled', 'closed', 1, null, ['settled', 'cancelled'], 'completed'],
  ['settled, then the link expired', 'closed', 1, at(-1), ['settled', 'expired'], 'completed'],
];

describe('v4LinkStatus (SPEC §4)', () => {
  it.each(TABLE)('%s → %s', (_label, status, usage, expiredAt, payments, expected) => {
    expect(v4LinkStatus(v4Link(status, usage, expiredAt), payments, NOW)).toBe(expected);
  });

  it('turns expired when the clock passes expired_at, and not before', () => {
    const link = v4Link('open', 0, at(60_000));
    expect(v4LinkStatus(link, [], at(59_999))).toBe('pending');
    expect(v4LinkStatus(link, [], at(60_000))).toBe('expired');
  });
});
