import type { MethodGroup, PaymentMethod } from '../../domain/payment-method/catalog.ts';

/**
 * What Paylink offers through Midtrans Core API, in the order the page lists them. Limits are
 * Midtrans' documented "max as acquirer" amounts and expiries its documented defaults
 * (reference A.6); a merchant's own Midtrans account may set lower ones.
 */
const MINUTES_15 = 15 * 60;
const DAY = 24 * 60 * 60;

/**
 * BNI VAs have no documented upper limit; a cap keeps amounts far inside safe integers and
 * matches the largest documented VA limit in size (BRI and BCA: 20 billion).
 */
const BNI_CAP = 100_000_000_000;

function method(
  code: string,
  group: MethodGroup,
  name: string,
  displayName: string,
  [minAmount, maxAmount]: [number, number],
  expirySeconds: number,
): PaymentMethod {
  return { code, group, name, displayName, minAmount, maxAmount, expirySeconds, enabled: true };
}

function va(code: string, displayName: string, limits: [number, number]): PaymentMethod {
  return method(code, 'va', `VA ${code.slice(3)}`, displayName, limits, DAY);
}

export const MIDTRANS_CATALOG: readonly PaymentMethod[] = [
  method('QRIS', 'qris', 'QRIS', 'QRIS', [1, 10_000_000], MINUTES_15),
  va('VA_BCA', 'BCA', [10_000, 20_000_000_000]),
  va('VA_BNI', 'BNI', [1, BNI_CAP]),
  va('VA_BRI', 'BRI', [1, 20_000_000_000]),
  // Mandiri through Midtrans is a bill payment (echannel): biller code plus bill key.
  va('VA_MANDIRI', 'Mandiri', [1, 50_000_000_000]),
  va('VA_PERMATA', 'Permata', [1, 9_999_999_999]),
  va('VA_CIMB', 'CIMB Niaga', [1, 250_000_000]),
  // The 20 million cap is for verified wallet users; unverified ones stop at 2 million.
  method('GOPAY', 'ewallet', 'GoPay', 'GoPay', [1, 20_000_000], MINUTES_15),
  method('SHOPEEPAY', 'ewallet', 'ShopeePay', 'ShopeePay', [1, 20_000_000], MINUTES_15),
  // Alfamart takes up to 5 million cashless, 2.5 million in cash.
  method('ALFAMART', 'cstore', 'Alfamart', 'Alfamart', [1, 5_000_000], DAY),
  method('INDOMARET', 'cstore', 'Indomaret', 'Indomaret', [10_000, 5_000_000], DAY),
];
