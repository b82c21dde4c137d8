import { describe, expect, it } from 'vitest';
import {
  type ComputedLinkStatus,
  computeLinkStatus,
  itemsTotal,
  type LinkStatus,
  type PaymentLink,
  returnUrlFor,
} from './payment-link.ts';

const NOW = new Date('2026-01-15T03:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

function link(
  status: LinkStatus,
  currentUsage: number,
  maxUsage: number | null,
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
    requiredCustomerNumber: false,
    requiredCustomerEmail: false,
    maxUsage,
    currentUsage,
    status,
    expiredAt,
    totalAmount: 20_000,
    items: null,
    whitelistedPaymentMethod: null,
    redirectUrl: null,
    successRedirectUrl: null,
    expiredRedirectUrl: null,
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

type Row = [LinkStatus, number, number | null, string, Date | null, ComputedLinkStatus];

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
  // SPEC §3.5: an unlimited link (max_usage null) never closes by usage.
  ['open', 0, null, 'never', null, 'open'],
  ['open', 1_000_001, null, 'never', null, 'open'],
  ['open', 1_000_001, null, 'exactly now', at(0), 'expired'],
  ['closed', 3, null, 'never', null, 'closed'],
];

describe('computeLinkStatus (SPEC §2)', () => {
  it.each(TABLE)(
    'stored %s, usage %i of %s, expiry %s → %s',
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

describe('returnUrlFor (SPEC §3.5)', () => {
  const R = 'https://shop.example/back';
  const S = 'https://shop.example/thanks';
  const E = 'https://shop.example/too-late';
  it.each([
    [null, null, null, 'paid', null],
    [R, null, null, 'paid', R],
    [R, null, null, 'expired', R],
    [R, S, E, 'paid', S],
    [R, S, E, 'expired', E],
    [R, S, null, 'expired', R],
    [R, null, E, 'paid', R],
    [null, S, null, 'expired', null],
    [null, null, E, 'expired', E],
  ] as const)(
    'redirect %s, success %s, expired %s: after %s → %s',
    (redirectUrl, successRedirectUrl, expiredRedirectUrl, outcome, expected) => {
      expect(returnUrlFor({ redirectUrl, successRedirectUrl, expiredRedirectUrl }, outcome)).toBe(
        expected,
      );
    },
  );
});
