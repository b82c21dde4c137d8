import { describe, expect, it } from 'vitest';
import { aPayment } from './callback-fixtures.test-support.ts';
import { buildInquiryBody } from './inquiry-body.ts';

describe('buildInquiryBody', () => {
  it('writes the inquiry webhook of reference §4.3 when a method is picked', () => {
    const body = buildInquiryBody({
      event: 'payment_link.inquiry',
      payment: aPayment({
        status: 'pending',
        paidAt: null,
        amount: 27000,
        expiresAt: new Date('2026-08-22T15:33:09Z'),
      }),
      methodName: 'VA BRI',
      now: new Date('2026-08-21T15:33:09Z'),
    });
    expect(body).toStrictEqual(
      JSON.parse(`{"status": 200, "success": true, "event": "payment_link.inquiry",
        "timestamp": "21 Aug 2026 22:33:09",
        "data": {"payment_link_history": {"reff_no": "18917720251110094037705",
          "status": "pending", "payment_method_name": "VA BRI",
          "payment_method_value": "8888801234567890", "payment_method_additional": null,
          "amount": 27000}}}`),
    );
  });

  it('reports an expired payment, even one the sweep has not marked yet', () => {
    const body = buildInquiryBody({
      event: 'payment_link.inquiry.expired',
      payment: aPayment({
        status: 'pending',
        paidAt: null,
        methodCode: 'QRIS',
        methodValue: 'QR2025123100001',
        expiresAt: new Date('2025-12-31T16:59:00Z'),
      }),
      methodName: 'QRIS',
      now: new Date('2025-12-31T17:00:01Z'),
    });
    expect(body).toStrictEqual(
      JSON.parse(`{"status": 200, "success": true, "event": "payment_link.inquiry.expired",
        "timestamp": "01 Jan 2026 00:00:01",
        "data": {"payment_link_history": {"reff_no": "18917720251110094037705",
          "status": "expired", "payment_method_name": "QRIS",
          "payment_method_value": "QR2025123100001", "payment_method_additional": null,
          "amount": 10000}}}`),
    );
  });
});
