import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postForm, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { linkRow, paymentRow } from '../../tests/support/checkout-db.ts';
import { createLinkOk, HOUR_MS, START_MS } from '../../tests/support/link-api.ts';
import { callApi, createMerchant, linksPath, type Merchant } from '../../tests/support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import {
  closingOf,
  createMidtransPaylink,
  eventsOfPayment,
  type MidtransPaylink,
  notificationsAnswered,
} from '../../tests/support/midtrans-paylink.ts';
import { createLogger } from '../logger.ts';

// SPEC §10 and the worker: a payment whose notification never comes is reconciled by status,
// and whatever ends a payment in Paylink ends its order at Midtrans (here the emulator).

const AMOUNT = 50_000;
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let receiver: MerchantReceiver;
let gateway: MidtransPaylink;
let merchant: Merchant;
/** Warnings and errors the app logged during the test. */
let lines: string[];

beforeAll(async () => {
  receiver = await startMerchantReceiver();
});
afterAll(() => receiver.close());

beforeEach(async () => {
  receiver.received.length = 0;
  gateway = await createMidtransPaylink({ env: { MAX_PENDING_PER_LINK: '2' } });
  merchant = await createMerchant(gateway.t, {
    callback_url: receiver.url('/transactions'),
    inquiry_callback_url: receiver.url('/inquiries'),
  });
  lines = [];
  gateway.t.deps.log = createLogger('warn', { write: (line) => lines.push(line) });
});
afterEach(() => gateway.close());

const at = (ms: number) => gateway.t.clock.set(new Date(START_MS + ms));

async function pendingPayment(method: string, linkBody: object = {}) {
  const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, ...linkBody });
  const payment = await startOn(link, method);
  return { link, payment };
}

async function startOn(link: { payment_url: string }, method: string) {
  const answer = await startPayment(gateway.t, publicIdOf(link), { method });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.data;
}

/** The merchant's `paid`/`settled` callbacks about this payment. */
const transactionCallbacks = (reffNo: string) =>
  receiver.received
    .map((request) => bodyOf(request).data?.transaction)
    .filter((transaction) => transaction?.reff_no === reffNo)
    .map((transaction) => transaction.status);

const orderStatus = (reffNo: string) => gateway.emulator.order(reffNo)?.status;

describe('a notification that never comes', () => {
  beforeEach(() => {
    gateway.emulator.setNotificationMode({ drop: true });
  });

  it('is made up for a minute after the start: paid at the gateway’s time, told once', async () => {
    const { link, payment } = await pendingPayment('VA_BRI');
    at(20 * SECOND);
    gateway.emulator.pay(payment.reff_no);
    at(59 * SECOND);
    expect(await gateway.runWorker()).toMatchObject({ reconciled: 0 });
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('pending');

    at(60 * SECOND);
    expect(await gateway.runWorker()).toMatchObject({ reconciled: 1 });
    expect(await paymentRow(gateway.t, payment.reff_no)).toMatchObject({
      status: 'paid',
      paidAt: new Date(START_MS + 20 * SECOND),
    });
    expect((await linkRow(gateway.t, link.id)).currentUsage).toBe(1);
    expect(transactionCallbacks(payment.reff_no)).toEqual(['paid']);

    at(HOUR_MS);
    expect(await gateway.runWorker()).toMatchObject({ reconciled: 0, attempted: 0 });
    expect(transactionCallbacks(payment.reff_no)).toEqual(['paid']);
    const events = await eventsOfPayment(gateway.t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
  });

  it('is asked about again while the gateway does not answer the status call', async () => {
    const { payment } = await pendingPayment('QRIS');
    gateway.emulator.pay(payment.reff_no);
    gateway.emulator.injectStatusFaults(['http500']);
    at(MINUTE);
    expect(await gateway.runWorker()).toMatchObject({ reconciled: 0 });
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('pending');
    at(MINUTE + 10 * SECOND);
    expect(await gateway.runWorker()).toMatchObject({ reconciled: 1 });
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('paid');
  });

  it('paid seconds before the deadline: paid, not expired', async () => {
    const { payment } = await pendingPayment('QRIS');
    const deadline = 15 * MINUTE;
    at(deadline - 5 * SECOND);
    gateway.emulator.pay(payment.reff_no);
    at(deadline + 2 * SECOND);
    expect(await gateway.runWorker()).toMatchObject({ expired: 0 });
    expect(await paymentRow(gateway.t, payment.reff_no)).toMatchObject({
      status: 'paid',
      paidAt: new Date(START_MS + deadline - 5 * SECOND),
    });
    expect(orderStatus(payment.reff_no)).toBe('settlement');
  });

  it('never paid: expired at its deadline, with the inquiry event, and so is the order', async () => {
    const { payment } = await pendingPayment('GOPAY');
    at(15 * MINUTE - SECOND);
    await gateway.runWorker();
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('pending');
    at(15 * MINUTE);
    await gateway.runWorker();
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('expired');
    expect(await eventsOfPayment(gateway.t, payment.id)).toContain('payment_link.inquiry.expired');
    expect(orderStatus(payment.reff_no)).toBe('expire');
  });
});

describe('what Paylink ends, it ends at Midtrans', () => {
  it('another method chosen: the first order is cancelled by the next pass', async () => {
    const { link, payment } = await pendingPayment('VA_BCA');
    const cancel = await postForm(
      gateway.t,
      `/b2b/${publicIdOf(link)}/payments/${payment.reff_no}/cancel`,
      {},
      gateway.baseUrl,
    );
    expect(cancel.status).toBe(303);
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('cancelled');
    expect(orderStatus(payment.reff_no)).toBe('pending');

    expect(await gateway.runWorker()).toMatchObject({ closed: 1 });
    expect(orderStatus(payment.reff_no)).toBe('cancel');
    expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({
      action: 'cancel',
      outcome: 'closed',
      attempts: 1,
    });
    // Done is done: the next pass does not call again.
    expect(await gateway.runWorker()).toMatchObject({ closed: 0 });

    const other = await startOn(link, 'QRIS');
    expect(orderStatus(other.reff_no)).toBe('pending');
  });

  it('the link used up by one payment: the other’s order is cancelled', async () => {
    const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, max_usage: 1 });
    const first = await startOn(link, 'VA_BNI');
    const second = await startOn(link, 'QRIS');
    gateway.emulator.pay(first.reff_no);
    await notificationsAnswered(gateway.emulator, first.reff_no, 'settlement');
    expect((await paymentRow(gateway.t, second.reff_no)).status).toBe('cancelled');

    expect(await gateway.runWorker()).toMatchObject({ closed: 1 });
    expect(orderStatus(first.reff_no)).toBe('settlement');
    expect(orderStatus(second.reff_no)).toBe('cancel');
  });

  it('the pending cap: the oldest payment’s order is cancelled', async () => {
    const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, max_usage: 5 });
    const started = [];
    for (const method of ['VA_BRI', 'VA_BNI', 'QRIS']) started.push(await startOn(link, method));
    expect((await paymentRow(gateway.t, started[0].reff_no)).status).toBe('cancelled');

    await gateway.runWorker();
    expect(started.map((payment) => orderStatus(payment.reff_no))).toEqual([
      'cancel',
      'pending',
      'pending',
    ]);
  });

  it.each(['PATCH', 'PUT'])(
    'the link closed by %s: every pending order is cancelled',
    async (verb) => {
      const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, max_usage: 5 });
      const payments = [await startOn(link, 'VA_CIMB'), await startOn(link, 'SHOPEEPAY')];
      const closed = await callApi(gateway.t, merchant, verb, `${linksPath(merchant)}/${link.id}`, {
        status: 'closed',
      });
      expect(closed.status).toBe(200);
      expect(await gateway.runWorker()).toMatchObject({ closed: 2 });
      expect(payments.map((payment) => orderStatus(payment.reff_no))).toEqual(['cancel', 'cancel']);
    },
  );

  it('the link’s expiry brought forward: the order expires with the new deadline', async () => {
    const { link, payment } = await pendingPayment('VA_PERMATA');
    const expiredAt = new Date(START_MS + HOUR_MS).toISOString();
    const changed = await callApi(
      gateway.t,
      merchant,
      'PATCH',
      `${linksPath(merchant)}/${link.id}`,
      {
        expired_at: expiredAt,
      },
    );
    expect(changed.status).toBe(200);
    expect((await paymentRow(gateway.t, payment.reff_no)).expiresAt.toISOString()).toBe(expiredAt);

    at(HOUR_MS - SECOND);
    await gateway.runWorker();
    expect(orderStatus(payment.reff_no)).toBe('pending');
    at(HOUR_MS);
    expect(await gateway.runWorker()).toMatchObject({ expired: 1 });
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('expired');
    expect(orderStatus(payment.reff_no)).toBe('expire');
    // The customer who tries to pay after the new deadline is refused by the gateway itself.
    expect(() => gateway.emulator.pay(payment.reff_no)).toThrow(/NOT_ALLOWED/);
    expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({ outcome: 'closed' });
  });

  it('a gateway that does not answer at the deadline: the payment expires on a later pass', async () => {
    gateway.emulator.setNotificationMode({ drop: true });
    const { link, payment } = await pendingPayment('VA_BRI');
    const path = `${linksPath(merchant)}/${link.id}`;
    const expiredAt = new Date(START_MS + HOUR_MS).toISOString();
    expect(
      (await callApi(gateway.t, merchant, 'PATCH', path, { expired_at: expiredAt })).status,
    ).toBe(200);
    gateway.emulator.injectCloseFaults(['http500']);
    gateway.emulator.injectStatusFaults(['http500']);
    at(HOUR_MS);
    expect(await gateway.runWorker()).toMatchObject({ expired: 0, reconciled: 0 });
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('pending');
    expect(orderStatus(payment.reff_no)).toBe('pending');
    at(HOUR_MS + SECOND);
    expect(await gateway.runWorker()).toMatchObject({ expired: 1 });
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('expired');
    expect(orderStatus(payment.reff_no)).toBe('expire');
  });

  it.each(['http500', 'timeout'] as const)(
    'a gateway that fails the close (%s): tried again later until it is done',
    async (fault) => {
      const { link, payment } = await pendingPayment('VA_BRI');
      await postForm(
        gateway.t,
        `/b2b/${publicIdOf(link)}/payments/${payment.reff_no}/cancel`,
        {},
        gateway.baseUrl,
      );
      gateway.emulator.injectCloseFaults([fault]);
      expect(await gateway.runWorker()).toMatchObject({ closed: 0 });
      expect(orderStatus(payment.reff_no)).toBe('pending');
      expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({
        attempts: 1,
        doneAt: null,
        outcome: 'unavailable',
      });
      expect(lines).toEqual([expect.stringContaining('gateway did not answer a close')]);

      // Not before its retry time (10 s after the first try).
      at(5 * SECOND);
      expect(await gateway.runWorker()).toMatchObject({ closed: 0 });
      at(10 * SECOND);
      expect(await gateway.runWorker()).toMatchObject({ closed: 1 });
      expect(orderStatus(payment.reff_no)).toBe('cancel');
      expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({
        attempts: 2,
        outcome: 'closed',
      });
    },
  );
});

describe('money taken for a payment Paylink had ended', () => {
  /** A pending payment cancelled in Paylink whose order Midtrans pays before the close. */
  async function paidAfterCancel() {
    const { link, payment } = await pendingPayment('VA_BNI', { max_usage: 2 });
    await postForm(
      gateway.t,
      `/b2b/${publicIdOf(link)}/payments/${payment.reff_no}/cancel`,
      {},
      gateway.baseUrl,
    );
    gateway.emulator.pay(payment.reff_no);
    return { link, payment };
  }

  const refundLines = () => lines.filter((line) => line.includes('refund it'));

  it('its notice lost: the close finds it paid, and an error names it for a refund', async () => {
    gateway.emulator.setNotificationMode({ drop: true });
    const { link, payment } = await paidAfterCancel();
    expect(await gateway.runWorker()).toMatchObject({ closed: 0 });
    expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({ outcome: 'final' });

    const order = gateway.emulator.order(payment.reff_no)!;
    expect(refundLines()).toEqual([
      expect.stringMatching(
        new RegExp(
          `payment_id=${payment.id} link_id=${link.id} connector=midtrans ` +
            `gateway_ref=${order.transactionId} status=cancelled amount=${AMOUNT}`,
        ),
      ),
    ]);
    expect(await paymentRow(gateway.t, payment.reff_no)).toMatchObject({ status: 'cancelled' });
    expect((await linkRow(gateway.t, link.id)).currentUsage).toBe(0);
    expect(transactionCallbacks(payment.reff_no)).toEqual([]);
  });

  it('a status unreadable after the close: the closing stays open until it can tell', async () => {
    gateway.emulator.setNotificationMode({ drop: true });
    const { payment } = await paidAfterCancel();
    gateway.emulator.injectStatusFaults(['http500']);
    await gateway.runWorker();
    expect(refundLines()).toEqual([]);
    expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({ doneAt: null });
    at(10 * SECOND);
    await gateway.runWorker();
    expect(refundLines()).toEqual([expect.stringContaining(`payment_id=${payment.id} `)]);
    expect(await closingOf(gateway.t, payment.reff_no)).toMatchObject({ outcome: 'final' });
  });

  it('its notice arriving: answered, counted nowhere, and an error names it', async () => {
    const { link, payment } = await paidAfterCancel();
    const [notice] = await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement');
    expect(notice!.replyStatus).toBe(200);
    expect((await linkRow(gateway.t, link.id)).currentUsage).toBe(0);
    expect((await paymentRow(gateway.t, payment.reff_no)).status).toBe('cancelled');
    // One error for one refund, from the order's closing, however many notices came.
    await gateway.runWorker();
    expect(refundLines()).toEqual([expect.stringContaining(`payment_id=${payment.id} `)]);
    expect(transactionCallbacks(payment.reff_no)).toEqual([]);
  });
});
