import { describe, expect, it } from 'vitest';
import {
  type ComputedLinkStatus,
  computeLinkStatus,
  itemsTotal,
  type LinkStatus,
  type PaymentLink,
} from './payment-link.ts';

const NOW = new Date('2026-01-15T03:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

function link(
  status: LinkStatus,
  currentUsage: number,
  maxUsage: number,
  expiredAt: Date | null,
): PaymentLink {
  return {
    id: 1,
    accountId: 'acc',
    reffNo: 'R1',
    publicId: 'PL20260115100000' + '0'.repeat(32),
    dialect: 'v1',
    title: 'Kaos',
    description: null,
    requiredCustomerDetail: false,
    maxUsage,
    currentUsage,
    status,
    expiredAt,
    totalAmount: 20_000,
    items: null,
    whitelistedPaymentMethod: null,
    redirectUrl: null,
    callbackUrl: null,
    optionalMetadata: null,
    customer: null,
    displayName: null,
    requestFingerprint: null,
    paymentDate: null,
    createdAt: at(-60_000),
    updatedAt: at(-60_000),
  };
}

type Row = [LinkStatus, number, number, string, Date | null, ComputedLinkStatus];

// SPEC §2: expired first (expired_at set and not in the future), then closed (by the merchant
// or used up), else open. Every (stored status × usage × expiry) combination, written out.
const TABLE: Row[] = [
  ['open', 0, 2, 'never', null, 'open'],
  ['open', 0, 2, 'in 1 ms', at(1), 'open'],
  ['open', 0, 2, 'exactly now', at(0), 'expired'],
  ['open', 0, 2, '1 ms ago', at(-1), 'expired'],
  ['open', 1, 2, 'never', null, 'open'],
  ['open', 2, 2, 'never', null, 'closed'],
  ['open', 2, 2, 'in 1 ms', at(1), 'closed'],
  ['open', 2, 2, 'exactly now', at(0), 'expired'],
  ['open', 2, 2, '1 ms ago', at(-1), 'expired'],
  ['closed', 0, 2, 'never', null, 'closed'],
  ['closed', 0, 2, 'in 1 ms', at(1), 'closed'],
  ['closed', 0, 2, 'exactly now', at(0), 'expired'],
  ['closed', 0, 2, '1 ms ago', at(-1), 'expired'],
  ['closed', 2, 2, 'never', null, 'closed'],
  ['closed', 2, 2, 'in 1 ms', at(1), 'closed'],
  ['closed', 2, 2, 'exactly now', at(0), 'expired'],
  ['closed', 2, 2, '1 ms ago', at(-1), 'expired'],
];

describe('computeLinkStatus (SPEC §2)', () => {
  it.each(TABLE)(
    'stored %s, usage %i of %i, expiry %s → %s',
    (status, usage, max, _label, expiredAt, expected) => {
      expect(computeLinkStatus(link(status, usage, max, expiredAt), NOW)).toBe(expected);
    },
  );

  it('reads time from its argument only: the same link turns expired when the clock passes expired_at', () => {
    const expiring = link('open', 0, 1, at(60_000));
    expect(computeLinkStatus(expiring, NOW)).toBe('open');
    expect(computeLinkStatus(expiring, at(59_999))).toBe('open');
    expect(computeLinkStatus(expiring, at(60_000))).toBe('expired');
  });
});

describe('itemsTotal', () => {
  it('sums quantity × unit price, discount lines included', () => {
    expect(
      itemsTotal([
        { name: 'Kaos', quantity: 3, unitPrice: 50_000 },
        { name: 'Diskon', quantity: 1, unitPrice: -15_000 },
      ]),
    ).toBe(135_000);
  });

  it('is 0 for no items', () => {
    expect(itemsTotal([])).toBe(0);
  });
});
