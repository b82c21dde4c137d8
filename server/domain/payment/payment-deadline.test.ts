import { describe, expect, it } from 'vitest';
import { aLink, NOW } from '../../../tests/support/payment-fixtures.ts';
import { createCatalog, type PaymentMethod } from '../payment-method/catalog.ts';
import { paymentDeadline } from './start-payment.ts';

const catalog = createCatalog();
const method = (code: string): PaymentMethod => {
  const found = catalog.find(code);
  if (!found) throw new Error(`no ${code} in the catalog`);
  return found;
};
const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

// SPEC §5 expiries (QRIS 30 minutes, VA 24 hours), capped by the link's expired_at (SPEC §2).
describe('paymentDeadline = min(method expiry, link expired_at)', () => {
  it.each([
    ['QRIS', null, 30],
    ['QRIS', 10, 10],
    ['QRIS', 30, 30],
    ['QRIS', 31, 30],
    ['VA_BRI', null, 24 * 60],
    ['VA_BCA', 60, 60],
    ['VA_MANDIRI', 24 * 60 - 1, 24 * 60 - 1],
    ['VA_BSI', 24 * 60 + 1, 24 * 60],
    ['VA_PERMATA', 7 * 24 * 60, 24 * 60],
  ] as const)('%s with the link expiring in %s min → %s min', (code, linkMinutes, expected) => {
    const link = aLink({ expiredAt: linkMinutes === null ? null : at(linkMinutes) });
    expect(paymentDeadline(method(code), link, NOW)).toEqual(at(expected));
  });

  it('every VA method of the catalog lasts 24 hours, QRIS 30 minutes', () => {
    for (const entry of catalog.all) {
      const expected = entry.group === 'qris' ? 30 : 24 * 60;
      expect(paymentDeadline(entry, aLink(), NOW), entry.code).toEqual(at(expected));
    }
  });

  it('follows configured expiries rather than a constant', () => {
    const custom = { ...method('QRIS'), expirySeconds: 5 * 60 };
    expect(paymentDeadline(custom, aLink(), NOW)).toEqual(at(5));
  });
});
