import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { linkRow, paymentRow } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../../tests/support/merchant-receiver.ts';
import { signatureKey } from '../../../tests/support/midtrans-emulator/signature.ts';
import {
  createMidtransPaylink,
  eventsOfPayment,
  MIDTRANS_TEST_KEY,
  type MidtransPaylink,
  notificationBody,
  notificationsAnswered,
  postNotification,
} from '../../../tests/support/midtrans-paylink.ts';
import { createLogger } from '../../logger.ts';

// SPEC §10: the gateway's HTTP notification, sent by the Midtrans emulator to the app's real
// port, is verified, confirmed with the status API, and applied through the same transitions
// as the sandbox's payments: usage, callbacks and mails are the same.

const AMOUNT = 50_000;
const SETTLEMENT_DELAY_S = 600;
const CUSTOMER = { name: 'Budi Santoso', email: 'budi@example.com', phone: '081234567890' };

let gateway: MidtransPaylink;
let receiver: MerchantReceiver;
let merchant: Merchant;

beforeAll(async () => {
  gateway = await createMidtransPaylink({
    env: { SETTLEMENT_DELAY: String(SETTLEMENT_DELAY_S) },
  });
  receiver = await startMerchantReceiver();
  merchant = await createMerchant(gateway.t, {
    callback_url: receiver.url('/transactions'),
    inquiry_callback_url: receiver.url('/inquiries'),
  });
});
afterAll(async () => {
  await receiver.close();
  await gateway.close();
});
afterEach(() => {
  gateway.emulator.setNotificationMode({
    drop: false,
    duplicate: false,
    badSignature: false,
    outOfOrder: false,
  });
  gateway.t.clock.set(START);
});

/** A link of Rp 50.000 (fields replaced by `linkBody`) and a pending payment of `method`. */
async function pendingPayment(method: string, linkBody: object = {}) {
  const t = gateway.t;
  const link = await createLinkOk(t, merchant, { total_amount: AMOUNT, ...linkBody });
  const answer = await startPayment(t, publicIdOf(link), { method, customer: CUSTOMER });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { link, payment: answer.body.data };
}

/** What the merchant's endpoint received about this payment: `paid`, `settled`, inquiry events. */
const toldAbout = (reffNo: string) =>
  receiver.received
    .map((request) => bodyOf(request))
    .filter(
      (body) =>
        body.data?.transaction?.reff_no === reffNo ||
        body.data?.payment_link_history?.reff_no === reffNo,
    )
    .map((body) => body.data.transaction?.status ?? body.event);

/** A notification body as Midtrans signs it, for an order the test names. */
function signedNotice(fields: { order_id: string; status_code: string; gross_amount: string }) {
  return {
    ...fields,
    transaction_status: 'settlement',
    signature_key: signatureKey(
      fields.order_id,
      fields.status_code,
      fields.gross_amount,
      MIDTRANS_TEST_KEY,
    ),
  };
}

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
    '%s (paid by %s): paid once, counted once, the merchant told once, then settled',
    async (method, via) => {
      const t = gateway.t;
      const { link, payment } = await pendingPayment(method, { max_usage: 3 });
      await notificationsAnswered(gateway.emulator, payment.reff_no, 'pending');
      expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');

      t.clock.advance(5 * 60_000);
      const paidAt = t.clock.now();
      gateway.emulator.pay(payment.reff_no, via ? { via } : {});
      const [notice] = await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement');
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

      await gateway.runWorker();
      expect(toldAbout(payment.reff_no).sort()).toEqual(['paid', 'payment_link.inquiry']);

      t.clock.advance(SETTLEMENT_DELAY_S * 1000);
      expect(await gateway.runWorker()).toMatchObject({ settled: 1 });
      await gateway.runWorker();
      expect((await paymentRow(t, payment.reff_no)).status).toBe('settled');
      expect(toldAbout(payment.reff_no).filter((told) => told !== 'payment_link.inquiry')).toEqual([
        'paid',
        'settled',
      ]);
      expect((await linkRow(t, link.id)).currentUsage).toBe(1);
    },
  );

  it('a notification sent twice: answered 200 both times, applied once', async () => {
    const t = gateway.t;
    const { link, payment } = await pendingPayment('VA_BRI', { max_usage: 3 });
    gateway.emulator.setNotificationMode({ duplicate: true });
    gateway.emulator.pay(payment.reff_no);
    const notices = await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement', 2);
    expect(notices.map((notice) => notice.replyStatus)).toEqual([200, 200]);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
    const events = await eventsOfPayment(t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
    expect(events.filter((event) => event === 'mail.receipt')).toHaveLength(1);
  });

  it('settlement first, then a stale pending: stays paid', async () => {
    const t = gateway.t;
    gateway.emulator.setNotificationMode({ outOfOrder: true });
    const { payment } = await pendingPayment('QRIS');
    gateway.emulator.pay(payment.reff_no);
    await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement');
    const [stale] = await notificationsAnswered(gateway.emulator, payment.reff_no, 'pending');
    expect(stale!.replyStatus).toBe(200);
    expect(stale!.at).toBeGreaterThanOrEqual(
      gateway.emulator.notificationsSent().find((n) => n.body.transaction_status === 'settlement')!
        .at,
    );
    expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
    const events = await eventsOfPayment(t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
  });

  it('a stale pending notice posted again after payment changes nothing', async () => {
    const t = gateway.t;
    const { payment } = await pendingPayment('VA_CIMB');
    await notificationsAnswered(gateway.emulator, payment.reff_no, 'pending');
    gateway.emulator.pay(payment.reff_no);
    await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement');
    const answer = await postNotification(
      t,
      notificationBody(gateway.emulator, payment.reff_no, 'pending'),
    );
    expect(answer).toEqual({ status: 200, body: { status: 'unchanged' } });
    expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
  });
});

describe('notifications that are not believed', () => {
  it('a bad signature over HTTP: 401 on every try, and the payment stays pending', async () => {
    const t = gateway.t;
    const { link, payment } = await pendingPayment('VA_BCA');
    await notificationsAnswered(gateway.emulator, payment.reff_no, 'pending');
    gateway.emulator.setNotificationMode({ drop: true });
    gateway.emulator.pay(payment.reff_no);
    const body = notificationBody(gateway.emulator, payment.reff_no, 'settlement');

    const forged = {
      ...body,
      signature_key: signatureKey(payment.reff_no, '200', '50000.00', 'x'),
    };
    const answer = await postNotification(t, forged);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { reason: 'INVALID_SIGNATURE' } });

    // The signature covers the status code and amount: a changed one does not verify.
    expect((await postNotification(t, { ...body, gross_amount: '5000.00' })).status).toBe(401);
    expect((await postNotification(t, { ...body, status_code: '201' })).status).toBe(401);
    expect((await postNotification(t, { ...body, signature_key: '' })).status).toBe(401);

    expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');
    expect((await linkRow(t, link.id)).currentUsage).toBe(0);
    expect(await eventsOfPayment(t, payment.id)).not.toContain('payment-link-transaction.paid');
  });

  it('the emulator signing with another key: refused, and Midtrans tries again', async () => {
    const t = gateway.t;
    const { payment } = await pendingPayment('VA_BNI');
    await notificationsAnswered(gateway.emulator, payment.reff_no, 'pending');
    gateway.emulator.setNotificationMode({ badSignature: true });
    gateway.emulator.pay(payment.reff_no);
    const tries = await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement', 2);
    expect(tries.map((attempt) => attempt.replyStatus)).toEqual([401, 401]);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');
    expect(await eventsOfPayment(t, payment.id)).not.toContain('payment-link-transaction.paid');
  });

  it.each([
    ['not JSON', '{"order_id": '],
    ['a JSON array', '[]'],
    ['a JSON string', '"settlement"'],
    ['no signature', JSON.stringify({ order_id: 'x', status_code: '200', gross_amount: '1.00' })],
    ['numbers for strings', JSON.stringify({ order_id: 1, status_code: 200, gross_amount: 1 })],
    ['an empty object', '{}'],
  ])('%s: a 4xx, never a 5xx', async (_, text) => {
    const answer = await postNotification(gateway.t, text);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('a body that is not JSON at all is 415; one past the limit is 413', async () => {
    const asForm = await gateway.t.app.request('/providers/midtrans/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'order_id=x',
    });
    expect(asForm.status).toBe(415);
    const huge = await postNotification(gateway.t, { padding: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
  });

  it('a signed notice of an order that is not Paylink’s: 200 ignored, nothing looked up', async () => {
    const notice = signedNotice({
      order_id: 'ANOTHER-SHOP-0001',
      status_code: '200',
      gross_amount: '10000.00',
    });
    expect(await postNotification(gateway.t, notice)).toEqual({
      status: 200,
      body: { status: 'ignored' },
    });
  });

  it('the path of another provider is 404', async () => {
    const answer = await gateway.t.app.request('/providers/xendit/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(404);
  });
});

describe('the gateway ends a payment itself', () => {
  it('its own expiry: the payment expires and the merchant’s inquiry URL hears of it', async () => {
    const t = gateway.t;
    const { link, payment } = await pendingPayment('QRIS');
    t.clock.advance(15 * 60_000);
    expect(gateway.emulator.expireDue().map((order) => order.orderId)).toContain(payment.reff_no);
    const [notice] = await notificationsAnswered(gateway.emulator, payment.reff_no, 'expire');
    expect(notice!.replyStatus).toBe(200);
    expect(await paymentRow(t, payment.reff_no)).toMatchObject({
      status: 'expired',
      endedAt: t.clock.now(),
    });
    expect(await eventsOfPayment(t, payment.id)).toContain('payment_link.inquiry.expired');
    expect((await linkRow(t, link.id)).currentUsage).toBe(0);
    // The inquiry events of one payment go one at a time, in order: two passes.
    await gateway.runWorker();
    await gateway.runWorker();
    expect(toldAbout(payment.reff_no)).toEqual([
      'payment_link.inquiry',
      'payment_link.inquiry.expired',
    ]);
  });

  it('a cancel made at Midtrans (its dashboard): the payment is cancelled', async () => {
    const t = gateway.t;
    const { payment } = await pendingPayment('VA_PERMATA');
    const cancelled = await fetch(`${gateway.emulator.url}/v2/${payment.reff_no}/cancel`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${MIDTRANS_TEST_KEY}:`).toString('base64')}`,
        accept: 'application/json',
      },
    });
    expect(cancelled.status).toBe(200);
    await notificationsAnswered(gateway.emulator, payment.reff_no, 'cancel');
    expect((await paymentRow(t, payment.reff_no)).status).toBe('cancelled');
    // Paylink's own closing then finds the order already ended, and leaves it so.
    await gateway.runWorker();
    expect(gateway.emulator.order(payment.reff_no)!.status).toBe('cancel');
  });

  it('a store payment reversed after settlement: stays paid, and an error asks for a look', async () => {
    const t = gateway.t;
    const lines: string[] = [];
    const log = t.deps.log;
    t.deps.log = createLogger('warn', { write: (line) => lines.push(line) });
    try {
      const { payment } = await pendingPayment('INDOMARET');
      gateway.emulator.pay(payment.reff_no);
      await notificationsAnswered(gateway.emulator, payment.reff_no, 'settlement');
      gateway.emulator.reverse(payment.reff_no);
      await notificationsAnswered(gateway.emulator, payment.reff_no, 'deny');
      expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
      const order = gateway.emulator.order(payment.reff_no)!;
      expect(lines.filter((line) => line.includes('reversed'))).toEqual([
        expect.stringMatching(
          new RegExp(
            `payment_id=${payment.id} link_id=\\d+ connector=midtrans gateway_ref=${order.transactionId}`,
          ),
        ),
      ]);
    } finally {
      t.deps.log = log;
    }
  });
});

describe('a notification the status API cannot confirm', () => {
  // Its own gateway: a status fault must meet this test's notification, not another's.
  let own: MidtransPaylink;
  let shop: Merchant;
  beforeAll(async () => {
    own = await createMidtransPaylink();
    shop = await createMerchant(own.t, { callback_url: receiver.url('/own') });
  });
  afterAll(() => own.close());

  async function ownPayment() {
    const link = await createLinkOk(own.t, shop, { total_amount: AMOUNT });
    const answer = await startPayment(own.t, publicIdOf(link), { method: 'VA_BRI' });
    await notificationsAnswered(own.emulator, answer.body.data.reff_no, 'pending');
    return { link, payment: answer.body.data };
  }

  it('503 with Retry-After and nothing changed; posted again later, it is applied', async () => {
    const { link, payment } = await ownPayment();
    own.emulator.setNotificationMode({ drop: true });
    own.emulator.pay(payment.reff_no);
    const body = notificationBody(own.emulator, payment.reff_no, 'settlement');

    own.emulator.injectStatusFaults(['http500']);
    const refused = await own.t.app.request('/providers/midtrans/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).error.reason).toBe('GATEWAY_UNAVAILABLE');
    expect((await paymentRow(own.t, payment.reff_no)).status).toBe('pending');
    expect(await eventsOfPayment(own.t, payment.id)).not.toContain('payment-link-transaction.paid');

    expect(await postNotification(own.t, body)).toEqual({ status: 200, body: { status: 'paid' } });
    expect((await linkRow(own.t, link.id)).currentUsage).toBe(1);
    own.emulator.setNotificationMode({ drop: false });
  });

  it('over HTTP: a status call that times out is 503, and Midtrans’ retry applies it', async () => {
    const { payment } = await ownPayment();
    own.emulator.injectStatusFaults(['timeout']);
    own.emulator.pay(payment.reff_no);
    const tries = await notificationsAnswered(own.emulator, payment.reff_no, 'settlement', 2);
    expect(tries.map((attempt) => attempt.replyStatus)).toEqual([503, 200]);
    expect((await paymentRow(own.t, payment.reff_no)).status).toBe('paid');
    const events = await eventsOfPayment(own.t, payment.id);
    expect(events.filter((event) => event === 'payment-link-transaction.paid')).toHaveLength(1);
  });
});
