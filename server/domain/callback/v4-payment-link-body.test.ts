import { describe, expect, it } from 'vitest';
import { aLink, BASE_URL, PUBLIC_ID } from './callback-fixtures.test-support.ts';
import {
  buildV4PaymentLinkBody,
  formatV4Amount,
  formatV4Time,
  v4Id,
} from './v4-payment-link-body.ts';

describe('buildV4PaymentLinkBody', () => {
  it('writes the v4 object of SPEC §4 for a link with every field set', () => {
    const link = aLink({
      dialect: 'v4',
      reffNo: 'Payment_link_reference_id',
      description: 'Order Number 0001',
      createdAt: new Date('2021-12-05T15:05:26Z'),
      expiredAt: new Date('2021-12-06T09:00:00Z'),
      customer: { name: 'John Doe', email: 'john@example.com', phone: '080000000000' },
      displayName: 'Nama Tampilan',
    });
    expect(buildV4PaymentLinkBody({ link, status: 'paid', baseUrl: BASE_URL })).toStrictEqual(
      JSON.parse(`{"data": {"id": "paymentlink_fd65953f01a9de1364fe899d2722f255",
        "type": "payment_links",
        "attributes": {"status": "paid", "amount": "10000.0",
          "referenceId": "Payment_link_reference_id", "createdAt": "2021-12-05 22:05:26 +0700",
          "description": "Order Number 0001", "expiredAt": "2021-12-06 16:00:00 +0700",
          "paymentLinkUrl": "https://pay.example.id/b2b/${PUBLIC_ID}",
          "customerName": "John Doe", "customerEmail": "john@example.com",
          "customerPhoneNumber": "080000000000",
          "paymentMethodOptions": {"displayName": "Nama Tampilan"}}}}`),
    );
  });

  it('uses the title, nulls and no empty object when fields are absent', () => {
    const link = aLink({ createdAt: new Date('2025-12-31T17:00:00Z') });
    expect(buildV4PaymentLinkBody({ link, status: 'completed', baseUrl: BASE_URL })).toStrictEqual(
      JSON.parse(`{"data": {"id": "paymentlink_fd65953f01a9de1364fe899d2722f255",
        "type": "payment_links",
        "attributes": {"status": "completed", "amount": "10000.0",
          "referenceId": "INV-2025-0042", "createdAt": "2026-01-01 00:00:00 +0700",
          "description": "Kaos polos", "expiredAt": null,
          "paymentLinkUrl": "https://pay.example.id/b2b/${PUBLIC_ID}",
          "customerName": null, "customerEmail": null, "customerPhoneNumber": null,
          "paymentMethodOptions": {"displayName": null}}}}`),
    );
  });
});

describe('v4 formats', () => {
  it('derives the id from the random tail of the public id', () => {
    expect(v4Id('PL20211205220526' + '0123456789abcdef0123456789abcdef')).toBe(
      'paymentlink_0123456789abcdef0123456789abcdef',
    );
  });

  it('refuses something that is not a public id', () => {
    expect(() => v4Id('PL2025102113590968f72f3df34e5')).toThrow(RangeError);
    expect(() => v4Id('INV-2025-0042')).toThrow(RangeError);
  });

  it('writes times in WIB, across a UTC midnight', () => {
    expect(formatV4Time(new Date('2021-12-05T15:05:26Z'))).toBe('2021-12-05 22:05:26 +0700');
    expect(formatV4Time(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31 23:59:59 +0700');
    expect(formatV4Time(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01 00:00:00 +0700');
  });

  it('writes whole rupiah with one decimal and refuses fractions', () => {
    expect(formatV4Amount(10000)).toBe('10000.0');
    expect(formatV4Amount(1)).toBe('1.0');
    expect(() => formatV4Amount(10000.5)).toThrow(RangeError);
  });
});
