import { describe, expect, it } from 'vitest';
import { buildDynamicQris, SANDBOX_QRIS_MERCHANT } from './qris-payload.ts';
import { readQrisPayee } from './qris-reader.ts';

describe('readQrisPayee', () => {
  it('reads the merchant name and NMID a customer’s app shows', () => {
    const payload = buildDynamicQris({
      merchant: { ...SANDBOX_QRIS_MERCHANT, nmid: 'ID1022123456789' },
      merchantName: 'Toko Kopi Senja',
      amount: 20_000,
      reference: 'PAY123',
    });
    expect(readQrisPayee(payload)).toEqual({
      merchantName: 'Toko Kopi Senja',
      nmid: 'ID1022123456789',
    });
  });

  it('reads null where a part is missing or the text is not a payload', () => {
    expect(readQrisPayee('000201010212')).toEqual({ merchantName: null, nmid: null });
    expect(readQrisPayee('not a QR payload')).toEqual({ merchantName: null, nmid: null });
  });
});
