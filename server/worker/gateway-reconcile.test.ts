import { beforeEach, describe, expect, it } from 'vitest';
import { linkRow, paymentRow } from '../../tests/support/checkout-db.ts';
import { useGatewayJourney } from '../../tests/support/gateway-journey.ts';
import { HOUR_MS, START_MS } from '../../tests/support/link-api.ts';
import { eventsOfPayment } from '../../tests/support/midtrans-paylink.ts';

// SPEC §10: a gateway payment whose notification never comes is reconciled by the worker
// asking Midtrans (here the emulator) for its status.

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const j = useGatewayJourney({ perTest: true });

describe('a notification that never comes', () => {
  beforeEach(() => {
    j.gateway.emulator.setNotificationMode({ drop: true });
  });

  it('is made up for a minute after the start: paid at the gateway’s time, told once', async () => {
    const { link, payment } = await j.pendingPayment('VA_BRI');
    j.at(20 * SECOND);
    j.gateway.emulator.pay(payment.reff_no);
    j.at(59 * SECOND);
    expect(await j.gateway.runWorker()).toMatchObject({ reconciled: 0 });
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('pending');

    j.at(60 * SECOND);
    expect(await j.gateway.runWorker()).toMatchObject({ reconciled: 1 });
    expect(await paymentRow(j.gateway.t, payment.reff_no)).toMatchObject({
      status: 'paid',
      paidAt: new Date(START_MS + 20 * SECOND),
    });
    expect((await linkRow(j.gateway.t, link.id)).currentUsage).toBe(1);
    expect(j.told(payment.reff_no)).toEqual(['paid']);

    j.at(HOUR_MS);
    expect(await j.gateway.runWorker()).toMatchObject({ reconciled: 0, attempted: 0 });
    expect(j.told(payment.reff_no)).toEqual(['paid']);
    const events = await eventsOfPayment(j.gateway.t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
  });

  it('is asked about again while the gateway does not answer the status call', async () => {
    const { payment } = await j.pendingPayment('QRIS');
    j.gateway.emulator.pay(payment.reff_no);
    j.gateway.emulator.injectStatusFaults(['http500']);
    j.at(MINUTE);
    expect(await j.gateway.runWorker()).toMatchObject({ reconciled: 0 });
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('pending');
    j.at(MINUTE + 10 * SECOND);
    expect(await j.gateway.runWorker()).toMatchObject({ reconciled: 1 });
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('paid');
  });

  it('paid seconds before the deadline: paid, not expired', async () => {
    const { payment } = await j.pendingPayment('QRIS');
    const deadline = 15 * MINUTE;
    j.at(deadline - 5 * SECOND);
    j.gateway.emulator.pay(payment.reff_no);
    j.at(deadline + 2 * SECOND);
    expect(await j.gateway.runWorker()).toMatchObject({ expired: 0 });
    expect(await paymentRow(j.gateway.t, payment.reff_no)).toMatchObject({
      status: 'paid',
      paidAt: new Date(START_MS + deadline - 5 * SECOND),
    });
    expect(j.orderStatus(payment.reff_no)).toBe('settlement');
  });

  it('never paid: expired at its deadline, with the inquiry event, and so is the order', async () => {
    const { payment } = await j.pendingPayment('GOPAY');
    j.at(15 * MINUTE - SECOND);
    await j.gateway.runWorker();
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('pending');
    j.at(15 * MINUTE);
    await j.gateway.runWorker();
    expect((await paymentRow(j.gateway.t, payment.reff_no)).status).toBe('expired');
    expect(await eventsOfPayment(j.gateway.t, payment.id)).toContain(
      'payment_link.inquiry.expired',
    );
    expect(j.orderStatus(payment.reff_no)).toBe('expire');
  });
});
