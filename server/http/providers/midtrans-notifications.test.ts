import { describe, expect, it } from 'vitest';
import { linkRow, paymentRow } from '../../../tests/support/checkout-db.ts';
import { useGatewayJourney } from '../../../tests/support/gateway-journey.ts';
import {
  eventsOfPayment,
  notificationBody,
  notificationsAnswered,
  postNotification,
} from '../../../tests/support/midtrans-paylink.ts';

// SPEC §10: the gateway's HTTP notification, sent by the Midtrans emulator to the app's real
// port, is verified, confirmed with the status API, and applied through the same transitions
// as the sandbox's payments: usage, callbacks and mails are the same. Duplicates and stale
// notices change nothing.

const SETTLEMENT_DELAY_S = 600;
const CUSTOMER = { name: 'Budi Santoso', email: 'budi@example.com', phone: '081234567890' };

const j = useGatewayJourney({ env: { SETTLEMENT_DELAY: String(SETTLEMENT_DELAY_S) } });

/** A pending payment of a new link, started by a customer who gave an email (for the receipt). */
const pendingPayment = (method: string, linkBody: object = {}) =>
  j.pendingPayment(method, linkBody, CUSTOMER);

describe('a payment Midtrans took money for', () => {
  it.each([
    ['VA_BNI', undefined],
    ['VA_MANDIRI', undefined],
    ['QRIS', undefined],
    ['GOPAY', 'app'],
    ['GOPAY', 'qr'],
    ['SHOPEEPAY', 'app'],
    ['ALFAMART', undefined],
  ] as const)(
    '%s (paid by %s): paid once, counted once, the j.merchant told once, then settled',
    async (method, via) => {
      const t = j.gateway.t;
      const { link, payment } = await pendingPayment(method, { max_usage: 3 });
      await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'pending');
      expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');

      t.clock.advance(5 * 60_000);
      const paidAt = t.clock.now();
      j.gateway.emulator.pay(payment.reff_no, via ? { via } : {});
      const [notice] = await notificationsAnswered(
        j.gateway.emulator,
        payment.reff_no,
        'settlement',
      );
      expect(notice!.replyStatus).toBe(200);

      const row = await paymentRow(t, payment.reff_no);
      expect(row).toMatchObject({ status: 'paid', paidAt });
      expect(await linkRow(t, link.id)).toMatchObject({ currentUsage: 1, paymentDate: paidAt });
      expect(await eventsOfPayment(t, payment.id)).toEqual([
        'payment_link.inquiry',
        'mail.payment_started',
        'payment-link-transaction.paid',
        'mail.receipt',
      ]);

      await j.gateway.runWorker();
      expect(j.told(payment.reff_no)).toEqual(['paid']);
      expect(j.inquiries(payment.reff_no)).toEqual(['payment_link.inquiry']);

      t.clock.advance(SETTLEMENT_DELAY_S * 1000);
      expect(await j.gateway.runWorker()).toMatchObject({ settled: 1 });
      await j.gateway.runWorker();
      expect((await paymentRow(t, payment.reff_no)).status).toBe('settled');
      expect(j.told(payment.reff_no)).toEqual(['paid', 'settled']);
      expect((await linkRow(t, link.id)).currentUsage).toBe(1);
    },
  );

  it('a notification sent twice: answered 200 both times, applied once', async () => {
    const t = j.gateway.t;
    const { link, payment } = await pendingPayment('VA_BRI', { max_usage: 3 });
    j.gateway.emulator.setNotificationMode({ duplicate: true });
    j.gateway.emulator.pay(payment.reff_no);
    const notices = await notificationsAnswered(
      j.gateway.emulator,
      payment.reff_no,
      'settlement',
      2,
    );
    expect(notices.map((notice) => notice.replyStatus)).toEqual([200, 200]);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
    const events = await eventsOfPayment(t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
    expect(events.filter((event) => event === 'mail.receipt')).toHaveLength(1);
  });

  it('settlement first, then a stale pending: stays paid', async () => {
    const t = j.gateway.t;
    j.gateway.emulator.setNotificationMode({ outOfOrder: true });
    const { payment } = await pendingPayment('QRIS');
    j.gateway.emulator.pay(payment.reff_no);
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'settlement');
    const [stale] = await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'pending');
    expect(stale!.replyStatus).toBe(200);
    expect(stale!.at).toBeGreaterThanOrEqual(
      j.gateway.emulator
        .notificationsSent()
        .find((n) => n.body.transaction_status === 'settlement')!.at,
    );
    expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
    const events = await eventsOfPayment(t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
  });

  it('a stale pending notice posted again after payment changes nothing', async () => {
    const t = j.gateway.t;
    const { payment } = await pendingPayment('VA_CIMB');
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'pending');
    j.gateway.emulator.pay(payment.reff_no);
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'settlement');
    const answer = await postNotification(
      t,
      notificationBody(j.gateway.emulator, payment.reff_no, 'pending'),
    );
    expect(answer).toEqual({ status: 200, body: { status: 'unchanged' } });
    expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
  });
});
