import { describe, expect, it } from 'vitest';
import { METHOD_GROUPS } from '../../domain/payment-method/catalog.ts';
import { MIDTRANS_CATALOG } from './midtrans-catalog.ts';
import { midtransChannelOf } from './midtrans-channels.ts';

const DAY = 86_400;

describe('MIDTRANS_CATALOG', () => {
  it('holds the documented limits and expiries (reference A.6) in page order', () => {
    const rows = MIDTRANS_CATALOG.map((m) => [
      m.code,
      m.group,
      m.name,
      m.displayName,
      m.minAmount,
      m.maxAmount,
      m.expirySeconds,
      m.enabled,
    ]);
    expect(rows).toEqual([
      ['QRIS', 'qris', 'QRIS', 'QRIS', 1, 10_000_000, 900, true],
      ['VA_BCA', 'va', 'VA BCA', 'BCA', 10_000, 20_000_000_000, DAY, true],
      ['VA_BNI', 'va', 'VA BNI', 'BNI', 1, 100_000_000_000, DAY, true],
      ['VA_BRI', 'va', 'VA BRI', 'BRI', 1, 20_000_000_000, DAY, true],
      ['VA_MANDIRI', 'va', 'VA MANDIRI', 'Mandiri', 1, 50_000_000_000, DAY, true],
      ['VA_PERMATA', 'va', 'VA PERMATA', 'Permata', 1, 9_999_999_999, DAY, true],
      ['VA_CIMB', 'va', 'VA CIMB', 'CIMB Niaga', 1, 250_000_000, DAY, true],
      ['GOPAY', 'ewallet', 'GoPay', 'GoPay', 1, 20_000_000, 900, true],
      ['SHOPEEPAY', 'ewallet', 'ShopeePay', 'ShopeePay', 1, 20_000_000, 900, true],
      ['ALFAMART', 'cstore', 'Alfamart', 'Alfamart', 1, 5_000_000, DAY, true],
      ['INDOMARET', 'cstore', 'Indomaret', 'Indomaret', 10_000, 5_000_000, DAY, true],
    ]);
  });

  it('lists the groups in the order the page shows them', () => {
    const groups = MIDTRANS_CATALOG.map((m) => METHOD_GROUPS.indexOf(m.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });

  it('keeps every limit a safe integer', () => {
    for (const m of MIDTRANS_CATALOG) {
      expect(Number.isSafeInteger(m.maxAmount), m.code).toBe(true);
      expect(m.minAmount).toBeLessThanOrEqual(m.maxAmount);
    }
  });

  it('has a Midtrans channel for every code', () => {
    for (const m of MIDTRANS_CATALOG) expect(midtransChannelOf(m.code), m.code).toBeDefined();
  });
});

describe('midtransChannelOf', () => {
  it('charges Mandiri as a bill (echannel) and Permata as a bank transfer', () => {
    expect(midtransChannelOf('VA_MANDIRI')).toEqual({ paymentType: 'echannel' });
    expect(midtransChannelOf('VA_PERMATA')).toEqual({
      paymentType: 'bank_transfer',
      bank: 'permata',
    });
    expect(midtransChannelOf('INDOMARET')).toEqual({ paymentType: 'cstore', store: 'indomaret' });
  });

  it('knows no code outside its catalog, nor inherited names', () => {
    expect(midtransChannelOf('VA_DANAMON')).toBeUndefined();
    expect(midtransChannelOf('toString')).toBeUndefined();
  });
});
