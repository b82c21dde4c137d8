import { describe, expect, it } from 'vitest';
import { linkRow, paymentRow } from '../../../tests/support/checkout-db.ts';
import { useGatewayJourney } from '../../../tests/support/gateway-journey.ts';
import {
  eventsOfPayment,
  MIDTRANS_TEST_KEY,
  notificationsAnswered,
} from '../../../tests/support/midtrans-paylink.ts';

// SPEC §10: what the gateway does to an order by itself (its expiry, a cancel in its
// dashboard, a reversal after payment) reaches Paylink by its notification.

const j = useGatewayJourney();

const pendingPayment = (method: string, linkBody: object = {}) =>
  j.pendingPayment(method, linkBody);

describe('the gateway ends a payment itself', () => {
  it('its own expiry: the payment expires and the j.merchant’s inquiry URL hears of it', async () => {
    const t = j.gateway.t;
    const { link, payment } = await pendingPayment('QRIS');
    t.clock.advance(15 * 60_000);
    expect(j.gateway.emulator.expireDue().map((order) => order.orderId)).toContain(payment.reff_no);
    const [notice] = await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'expire');
    expect(notice!.replyStatus).toBe(200);
    expect(await paymentRow(t, payment.reff_no)).toMatchObject({
      status: 'expired',
      endedAt: t.clock.now(),
    });
    expect(await eventsOfPayment(t, payment.id)).toContain('payment_link.inquiry.expired');
    expect((await linkRow(t, link.id)).currentUsage).toBe(0);
    // The inquiry events of one payment go one at a time, in order: two passes.
    await j.gateway.runWorker();
    await j.gateway.runWorker();
    expect(j.inquiries(payment.reff_no)).toEqual([
      'payment_link.inquiry',
      'payment_link.inquiry.expired',
    ]);
  });

  it('a cancel made at Midtrans (its dashboard): the payment is cancelled', async () => {
    const t = j.gateway.t;
    const { payment } = await pendingPayment('VA_PERMATA');
    const cancelled = await fetch(`${j.gateway.emulator.url}/v2/${payment.reff_no}/cancel`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${MIDTRANS_TEST_KEY}:`).toString('base64')}`,
        accept: 'application/json',
      },
    });
    expect(cancelled.status).toBe(200);
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'cancel');
    expect((await paymentRow(t, payment.reff_no)).status).toBe('cancelled');
    // Paylink's own closing then finds the order already ended, and leaves it so.
    await j.gateway.runWorker();
    expect(j.gateway.emulator.order(payment.reff_no)!.status).toBe('cancel');
  });

  it('a store payment reversed after settlement: stays paid, and an error asks for a look', async () => {
    const { payment } = await pendingPayment('INDOMARET');
    j.gateway.emulator.pay(payment.reff_no);
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'settlement');
    j.gateway.emulator.reverse(payment.reff_no);
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'deny');
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('paid');
    const order = j.gateway.emulator.order(payment.reff_no)!;
    expect(j.lines.filter((line) => line.includes('reversed'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `payment_id=${payment.id} link_id=\\d+ connector=midtrans gateway_ref=${order.transactionId}`,
        ),
      ),
    ]);
  });
});
