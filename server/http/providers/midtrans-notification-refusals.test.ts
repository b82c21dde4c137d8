import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { linkRow, paymentRow } from '../../../tests/support/checkout-db.ts';
import { JOURNEY_AMOUNT, useGatewayJourney } from '../../../tests/support/gateway-journey.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
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

// SPEC §10: a notification is believed only when its signature verifies and the gateway's
// status API confirms it. Anything else is refused (4xx, never 5xx) and changes nothing; a
// status call that fails is 503, which Midtrans sends again.

const j = useGatewayJourney();

const pendingPayment = (method: string, linkBody: object = {}) =>
  j.pendingPayment(method, linkBody);

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

describe('notifications that are not believed', () => {
  it('a bad signature over HTTP: 401 on every try, and the payment stays pending', async () => {
    const t = j.gateway.t;
    const { link, payment } = await pendingPayment('VA_BCA');
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'pending');
    j.gateway.emulator.setNotificationMode({ drop: true });
    j.gateway.emulator.pay(payment.reff_no);
    const body = notificationBody(j.gateway.emulator, payment.reff_no, 'settlement');

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
    const t = j.gateway.t;
    const { payment } = await pendingPayment('VA_BNI');
    await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'pending');
    j.gateway.emulator.setNotificationMode({ badSignature: true });
    j.gateway.emulator.pay(payment.reff_no);
    const tries = await notificationsAnswered(j.gateway.emulator, payment.reff_no, 'settlement', 2);
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
    const answer = await postNotification(j.gateway.t, text);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('a body that is not JSON at all is 415; one past the limit is 413', async () => {
    const asForm = await j.gateway.t.app.request('/providers/midtrans/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'order_id=x',
    });
    expect(asForm.status).toBe(415);
    const huge = await postNotification(j.gateway.t, { padding: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
  });

  it('a signed notice of an order that is not Paylink’s: 200 ignored, nothing looked up', async () => {
    const notice = signedNotice({
      order_id: 'ANOTHER-SHOP-0001',
      status_code: '200',
      gross_amount: '10000.00',
    });
    expect(await postNotification(j.gateway.t, notice)).toEqual({
      status: 200,
      body: { status: 'ignored' },
    });
  });

  it('the path of another provider is 404', async () => {
    const answer = await j.gateway.t.app.request('/providers/xendit/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(404);
  });
});

describe('a notification the status API cannot confirm', () => {
  // Its own gateway: a status fault must meet this test's notification, not another's.
  let own: MidtransPaylink;
  let shop: Merchant;
  beforeAll(async () => {
    own = await createMidtransPaylink();
    shop = await createMerchant(own.t, { callback_url: j.receiver.url('/own') });
  });
  afterAll(() => own.close());

  async function ownPayment() {
    const link = await createLinkOk(own.t, shop, { total_amount: JOURNEY_AMOUNT });
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
