import { describe, expect, it } from 'vitest';
import { paymentRow } from '../../tests/support/checkout-db.ts';
import { JOURNEY_AMOUNT, useGatewayJourney } from '../../tests/support/gateway-journey.ts';
import { createLinkOk, HOUR_MS, START_MS } from '../../tests/support/link-api.ts';
import { callApi, linksPath } from '../../tests/support/merchant.ts';
import { closingOf, notificationsAnswered } from '../../tests/support/midtrans-paylink.ts';

// SPEC §10: whatever ends a payment in Paylink (another method, a used-up link, the pending
// cap, a closed link, its deadline) ends its order at Midtrans (here the emulator), retried
// while the gateway does not answer.

const SECOND = 1000;

const j = useGatewayJourney({ env: { MAX_PENDING_PER_LINK: '2' }, perTest: true });

describe('what Paylink ends, it ends at Midtrans', () => {
  it('another method chosen: the first order is cancelled by the next pass', async () => {
    const { link, payment } = await j.pendingPayment('VA_BCA');
    expect(await j.chooseAnother(link, payment)).toBe(303);
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('cancelled');
    expect(j.orderStatus(payment.reff_no)).toBe('pending');

    expect(await j.gateway.runWorker()).toMatchObject({ closed: 1 });
    expect(j.orderStatus(payment.reff_no)).toBe('cancel');
    expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({
      action: 'cancel',
      outcome: 'closed',
      attempts: 1,
    });
    // Done is done: the next pass does not call again.
    expect(await j.gateway.runWorker()).toMatchObject({ closed: 0 });

    const other = await j.startOn(link, 'QRIS');
    expect(j.orderStatus(other.reff_no)).toBe('pending');
  });

  it('the link used up by one payment: the other’s order is cancelled', async () => {
    const link = await createLinkOk(j.gateway.t, j.merchant, {
      total_amount: JOURNEY_AMOUNT,
      max_usage: 1,
    });
    const first = await j.startOn(link, 'VA_BNI');
    const second = await j.startOn(link, 'QRIS');
    j.gateway.emulator.pay(first.reff_no);
    await notificationsAnswered(j.gateway.emulator, first.reff_no, 'settlement');
    expect((await paymentRow(j.gateway.t, second.reff_no)).status).toBe('cancelled');

    expect(await j.gateway.runWorker()).toMatchObject({ closed: 1 });
    expect(j.orderStatus(first.reff_no)).toBe('settlement');
    expect(j.orderStatus(second.reff_no)).toBe('cancel');
  });

  it('the pending cap: the oldest payment’s order is cancelled', async () => {
    const link = await createLinkOk(j.gateway.t, j.merchant, {
      total_amount: JOURNEY_AMOUNT,
      max_usage: 5,
    });
    const started = [];
    for (const method of ['VA_BRI', 'VA_BNI', 'QRIS']) started.push(await j.startOn(link, method));
    expect((await paymentRow(j.gateway.t, started[0].reff_no)).status).toBe('cancelled');

    await j.gateway.runWorker();
    expect(started.map((payment) => j.orderStatus(payment.reff_no))).toEqual([
      'cancel',
      'pending',
      'pending',
    ]);
  });

  it.each(['PATCH', 'PUT'])(
    'the link closed by %s: every pending order is cancelled',
    async (verb) => {
      const link = await createLinkOk(j.gateway.t, j.merchant, {
        total_amount: JOURNEY_AMOUNT,
        max_usage: 5,
      });
      const payments = [await j.startOn(link, 'VA_CIMB'), await j.startOn(link, 'SHOPEEPAY')];
      const closed = await callApi(
        j.gateway.t,
        j.merchant,
        verb,
        `${linksPath(j.merchant)}/${link.id}`,
        {
          status: 'closed',
        },
      );
      expect(closed.status).toBe(200);
      expect(await j.gateway.runWorker()).toMatchObject({ closed: 2 });
      expect(payments.map((payment) => j.orderStatus(payment.reff_no))).toEqual([
        'cancel',
        'cancel',
      ]);
    },
  );

  it('the link’s expiry brought forward: the order expires with the new deadline', async () => {
    const { link, payment } = await j.pendingPayment('VA_PERMATA');
    const expiredAt = new Date(START_MS + HOUR_MS).toISOString();
    const changed = await callApi(
      j.gateway.t,
      j.merchant,
      'PATCH',
      `${linksPath(j.merchant)}/${link.id}`,
      {
        expired_at: expiredAt,
      },
    );
    expect(changed.status).toBe(200);
    expect((await paymentRow(j.gateway.t, payment.reff_no)).expiresAt.toISOString()).toBe(
      expiredAt,
    );

    j.at(HOUR_MS - SECOND);
    await j.gateway.runWorker();
    expect(j.orderStatus(payment.reff_no)).toBe('pending');
    j.at(HOUR_MS);
    expect(await j.gateway.runWorker()).toMatchObject({ expired: 1 });
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('expired');
    expect(j.orderStatus(payment.reff_no)).toBe('expire');
    // The customer who tries to pay after the new deadline is refused by the gateway itself.
    expect(() => j.gateway.emulator.pay(payment.reff_no)).toThrow(/NOT_ALLOWED/);
    expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({ outcome: 'closed' });
  });

  it('a gateway that does not answer at the deadline: the payment expires on a later pass', async () => {
    j.gateway.emulator.setNotificationMode({ drop: true });
    const { link, payment } = await j.pendingPayment('VA_BRI');
    const path = `${linksPath(j.merchant)}/${link.id}`;
    const expiredAt = new Date(START_MS + HOUR_MS).toISOString();
    expect(
      (await callApi(j.gateway.t, j.merchant, 'PATCH', path, { expired_at: expiredAt })).status,
    ).toBe(200);
    j.gateway.emulator.injectCloseFaults(['http500']);
    j.gateway.emulator.injectStatusFaults(['http500']);
    j.at(HOUR_MS);
    expect(await j.gateway.runWorker()).toMatchObject({ expired: 0, reconciled: 0 });
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('pending');
    expect(j.orderStatus(payment.reff_no)).toBe('pending');
    j.at(HOUR_MS + SECOND);
    expect(await j.gateway.runWorker()).toMatchObject({ expired: 1 });
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('expired');
    expect(j.orderStatus(payment.reff_no)).toBe('expire');
  });

  it.each(['http500', 'timeout'] as const)(
    'a gateway that fails the close (%s): tried again later until it is done',
    async (fault) => {
      const { link, payment } = await j.pendingPayment('VA_BRI');
      await j.chooseAnother(link, payment);
      j.gateway.emulator.injectCloseFaults([fault]);
      expect(await j.gateway.runWorker()).toMatchObject({ closed: 0 });
      expect(j.orderStatus(payment.reff_no)).toBe('pending');
      expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({
        attempts: 1,
        doneAt: null,
        outcome: 'unavailable',
      });
      expect(j.lines).toEqual([expect.stringContaining('gateway did not answer a close')]);

      // Not before its retry time (10 s after the first try).
      j.at(5 * SECOND);
      expect(await j.gateway.runWorker()).toMatchObject({ closed: 0 });
      j.at(10 * SECOND);
      expect(await j.gateway.runWorker()).toMatchObject({ closed: 1 });
      expect(j.orderStatus(payment.reff_no)).toBe('cancel');
      expect(await closingOf(j.gateway.t, payment.reff_no)).toMatchObject({
        attempts: 2,
        outcome: 'closed',
      });
    },
  );

  it('a gateway that is down costs one call per pass, not one per order', async () => {
    const first = await j.pendingPayment('VA_BRI');
    const second = await j.pendingPayment('VA_BNI');
    await j.chooseAnother(first.link, first.payment);
    await j.chooseAnother(second.link, second.payment);
    j.gateway.emulator.injectCloseFaults(['http500', 'http500']);
    expect(await j.gateway.runWorker()).toMatchObject({ closed: 0 });
    // The pass stopped asking after the first failure: the other order's close was not tried
    // and is due again at once; on the next pass it meets the second fault, still waiting.
    expect(await j.gateway.runWorker()).toMatchObject({ closed: 0 });
    const closings = [
      await closingOf(j.gateway.t, first.payment.reff_no),
      await closingOf(j.gateway.t, second.payment.reff_no),
    ];
    // One tried once (then waiting 10 s), the other tried on this pass: three tries in all.
    expect(closings.map((closing) => closing?.attempts).sort()).toEqual([1, 2]);
    expect(closings.every((closing) => closing?.doneAt === null)).toBe(true);
    j.at(20 * SECOND);
    expect(await j.gateway.runWorker()).toMatchObject({ closed: 2 });
    expect(j.orderStatus(first.payment.reff_no)).toBe('cancel');
    expect(j.orderStatus(second.payment.reff_no)).toBe('cancel');
  });
});
