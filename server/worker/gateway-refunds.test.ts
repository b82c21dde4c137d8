import { describe, expect, it } from 'vitest';
import { linkRow, paymentRow } from '../../tests/support/checkout-db.ts';
import { JOURNEY_AMOUNT, useGatewayJourney } from '../../tests/support/gateway-journey.ts';
import { closingOf, notificationsAnswered } from '../../tests/support/midtrans-paylink.ts';

// SPEC §2 has no state for money a gateway took for a payment Paylink had ended (it was
// cancelled while the customer paid): it is reported once, as an error naming it for a refund.

const SECOND = 1000;

const j = useGatewayJourney({ perTest: true });

describe('money taken for a payment Paylink had ended', () => {
  /** A pending payment cancelled in Paylink whose order Midtrans pays before the close. */
  async function paidAfterCancel() {
    const { link, payment } = await j.pendingPayment('VA_BNI', { max_usage: 2 });
    await j.chooseAnother(link, payment);
    j.gateway.emulator.pay(payment.reff_no);
    return { link, payment };
  }

  const refundLines = () => j.lines.filter((line) => line.includes('refund it'));

  it('its notice lost: the close finds it paid, and an error names it for a refund', async () => {
    j.gateway.emulator.setNotificationMode({ drop: true });
    const { link, payment } = await paidAfterCancel();
    expect(await j.gateway.runWorker()).toMatchObject({ closed: 0 });
    expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({ outcome: 'final' });

    const order = j.gateway.emulator.order(payment.reff_no)!;
    expect(refundLines()).toEqual([
      expect.stringMatching(
        new RegExp(
          `payment_id=${payment.id} link_id=${link.id} connector=midtrans ` +
            `gateway_ref=${order.transactionId} status=cancelled amount=${JOURNEY_AMOUNT}`,
        ),
      ),
    ]);
    expect(await paymentRow(j.gateway.t, payment.reff_no)).toMatchObject({ status: 'cancelled' });
    expect((await linkRow(j.gateway.t, link.id)).currentUsage).toBe(0);
    expect(j.told(payment.reff_no)).toEqual([]);
  });

  it('a status unreadable after the close: the closing stays open until it can tell', async () => {
    j.gateway.emulator.setNotificationMode({ drop: true });
    const { payment } = await paidAfterCancel();
    j.gateway.emulator.injectStatusFaults(['http500']);
    await j.gateway.runWorker();
    expect(refundLines()).toEqual([]);
    expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({ doneAt: null });
    j.at(10 * SECOND);
    await j.gateway.runWorker();
    expect(refundLines()).toEqual([expect.stringContaining(`payment_id=${payment.id} `)]);
    expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({ outcome: 'final' });
  });

  it('its notice arriving: answered, counted nowhere, and an error names it', async () => {
    const { link, payment } = await paidAfterCancel();
    const [notice] = await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'settlement');
    expect(notice!.replyStatus).toBe(200);
    expect((await linkRow(j.gateway.t, link.id)).currentUsage).toBe(0);
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('cancelled');
    // One error for one refund, from the order's closing, however many notices came.
    await j.gateway.runWorker();
    expect(refundLines()).toEqual([expect.stringContaining(`payment_id=${payment.id} `)]);
    expect(j.told(payment.reff_no)).toEqual([]);
  });
});
