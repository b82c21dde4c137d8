import { describe, expect, it } from 'vitest';
import {
  aLink,
  anAccount,
  aPayment,
  BASE_URL,
  PUBLIC_ID,
} from './callback-fixtures.test-support.ts';
import { buildV1TransactionBody } from './payment-link-transaction-body.ts';

describe('buildV1TransactionBody', () => {
  it('writes the paid webhook of reference §4.2, field for field', () => {
    const body = buildV1TransactionBody({
      payment: aPayment(),
      link: aLink(),
      account: anAccount(),
      status: 'paid',
      now: new Date('2025-11-10T02:46:40Z'),
      baseUrl: BASE_URL,
    });
    expect(body).toStrictEqual(
      JSON.parse(`{
        "status": 200, "success": true, "event": "payment-link-transaction",
        "timestamp": "10 Nov 2025 09:46:40",
        "data": {
          "transaction": {
            "reff_no": "18917720251110094037705", "type": "pl", "status": "paid",
            "amount": {"value": "10000.00", "currency": "IDR"}, "tip": null,
            "post_timestamp": "10 Nov 2025 09:46:38",
            "processed_timestamp": "10 Nov 2025 09:46:38"
          },
          "customer": {"id": null, "name": "Siti Aminah", "email": "siti@example.id",
                       "phone": "082291501085"},
          "payment": {"method": "payment_link", "additional_info": {"payment_link": {
            "id": 189, "reff_no": "INV-2025-0042", "title": "Kaos polos",
            "payment_date": "2025-11-05T09:09:49.000000Z",
            "payment_url": "https://pay.example.id/b2b/${PUBLIC_ID}",
            "status": "open", "max_usage": 1000, "current_usage": 4, "expired_at": null,
            "total_amount": "10000.00", "account_id": "01K7P073Q8RE2A9PQT8Q7MXPN4"
          }}}
        }
      }`),
    );
  });

  it('writes the settled webhook across a UTC midnight, with nulls for an unknown customer', () => {
    const body = buildV1TransactionBody({
      payment: aPayment({
        status: 'settled',
        amount: 250000,
        customer: null,
        paidAt: new Date('2025-12-31T16:59:59Z'),
        settledAt: new Date('2025-12-31T17:00:05Z'),
      }),
      link: aLink({
        status: 'closed',
        maxUsage: 1,
        currentUsage: 1,
        totalAmount: 250000,
        paymentDate: null,
        expiredAt: new Date('2026-01-31T16:59:59Z'),
      }),
      account: anAccount(),
      status: 'settled',
      now: new Date('2025-12-31T17:00:07Z'),
      baseUrl: BASE_URL,
    });
    expect(body).toStrictEqual(
      JSON.parse(`{
        "status": 200, "success": true, "event": "payment-link-transaction",
        "timestamp": "01 Jan 2026 00:00:07",
        "data": {
          "transaction": {
            "reff_no": "18917720251110094037705", "type": "pl", "status": "settled",
            "amount": {"value": "250000.00", "currency": "IDR"}, "tip": null,
            "post_timestamp": "31 Dec 2025 23:59:59",
            "processed_timestamp": "01 Jan 2026 00:00:05"
          },
          "customer": {"id": null, "name": null, "email": null, "phone": null},
          "payment": {"method": "payment_link", "additional_info": {"payment_link": {
            "id": 189, "reff_no": "INV-2025-0042", "title": "Kaos polos",
            "payment_date": null,
            "payment_url": "https://pay.example.id/b2b/${PUBLIC_ID}",
            "status": "closed", "max_usage": 1, "current_usage": 1,
            "expired_at": "2026-01-31T23:59:59+07:00",
            "total_amount": "250000.00", "account_id": "01K7P073Q8RE2A9PQT8Q7MXPN4"
          }}}
        }
      }`),
    );
  });

  it("falls back to the link's customer, and keeps unknown fields null", () => {
    const body = buildV1TransactionBody({
      payment: aPayment({ customer: null }),
      link: aLink({ customer: { name: 'Budi', email: null, phone: '081234567890' } }),
      account: anAccount(),
      status: 'paid',
      now: new Date('2025-11-10T02:46:40Z'),
      baseUrl: BASE_URL,
    });
    expect(body.data.customer).toStrictEqual({
      id: null,
      name: 'Budi',
      email: null,
      phone: '081234567890',
    });
  });

  it('keeps sub-second precision of payment_date in the gateway format', () => {
    const body = buildV1TransactionBody({
      payment: aPayment(),
      link: aLink({ paymentDate: new Date('2025-11-05T23:59:59.123Z') }),
      account: anAccount(),
      status: 'paid',
      now: new Date('2025-11-10T02:46:40Z'),
      baseUrl: BASE_URL,
    });
    expect(body.data.payment.additional_info.payment_link.payment_date).toBe(
      '2025-11-05T23:59:59.123000Z',
    );
  });
});
