import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../store/schema.ts';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { countPayments } from '../../../tests/support/checkout-db.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import type { OrderRecord } from '../../../tests/support/midtrans-emulator/midtrans-emulator.ts';
import {
  createMidtransPaylink,
  type MidtransPaylink,
} from '../../../tests/support/midtrans-paylink.ts';

// SPEC §10: a gateway that fails or times out while a payment starts never loses the payment
// and leaves nothing payable: the customer reads "try again or choose another method", and an
// order that may exist is cancelled at once or by the worker's next pass.

let gateway: MidtransPaylink;
let merchant: Merchant;

beforeAll(async () => {
  gateway = await createMidtransPaylink();
  merchant = await createMerchant(gateway.t, { name: 'Kopi Nusantara' });
});
afterAll(() => gateway.close());

const AMOUNT = 50_000;

async function startOn(method: string, linkBody: object = {}) {
  const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, ...linkBody });
  const publicId = publicIdOf(link);
  const answer = await startPayment(gateway.t, publicId, { method });
  return { link, publicId, answer };
}

/** The orders the gateway made after the first `before`, oldest first. */
const ordersSince = (before: number): OrderRecord[] => gateway.emulator.orders().slice(before);

describe('a gateway that fails while a payment starts (SPEC §10)', () => {
  /** The 503 the customer reads: nothing was made, try again or take another method. */
  function expectTryAgain(answer: { status: number; body: any }) {
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      status: 503,
      success: false,
      error: { code: 503, reason: 'GATEWAY_UNAVAILABLE' },
    });
    expect(answer.body.error.message).toMatch(/Try again or choose another method/);
  }

  /** No order of these is payable at the gateway. */
  const expectNonePayable = (orders: OrderRecord[]) =>
    expect(orders.filter((order) => order.status === 'pending')).toEqual([]);

  it.each([
    ['http500', 'http500'],
    ['http503', 'http503'],
    ['timeout-before-create', 'timeout-before-create'],
  ] as const)(
    '%s twice: 503, nothing stored, nothing made; the next try works',
    async (...faults) => {
      const before = gateway.emulator.orders().length;
      gateway.emulator.injectChargeFaults([...faults]);
      const { link, publicId, answer } = await startOn('VA_BCA');
      expectTryAgain(answer);
      expect(await countPayments(gateway.t, link.id)).toBe(0);
      expect(ordersSince(before)).toEqual([]);
      // A late charge could still make the order: the worker makes sure it is gone.
      await gateway.runWorker();
      expectNonePayable(gateway.emulator.orders().slice(before));

      const again = await startPayment(gateway.t, publicId, { method: 'VA_BCA' });
      expect(again.status).toBe(201);
      expect(ordersSince(before).map((order) => [order.orderId, order.status])).toEqual([
        [again.body.data.reff_no, 'pending'],
      ]);
    },
  );

  it('an answer lost after the order was made: the retry with the same key gets that order', async () => {
    const before = gateway.emulator.orders().length;
    gateway.emulator.injectChargeFaults(['timeout-after-create']);
    const { link, answer } = await startOn('VA_BRI');
    expect(answer.status).toBe(201);
    const orders = ordersSince(before);
    expect(orders.map((order) => order.orderId)).toEqual([answer.body.data.reff_no]);
    const vaNumber = (orders[0]!.instrument as { vaNumber: string }).vaNumber;
    expect(answer.body.data.payment_method_value).toBe(vaNumber);
    expect(await countPayments(gateway.t, link.id)).toBe(1);
  });

  it.each(['VA_PERMATA', 'INDOMARET'])(
    '%s (no Idempotency-Key there): a lost answer is withdrawn at once, 503, and the retry is a new order',
    async (method) => {
      const before = gateway.emulator.orders().length;
      gateway.emulator.injectChargeFaults(['timeout-after-create']);
      const { link, publicId, answer } = await startOn(method);
      expectTryAgain(answer);
      expect(await countPayments(gateway.t, link.id)).toBe(0);
      const made = ordersSince(before);
      expect(made.map((order) => order.status)).toEqual(['cancel']);

      const again = await startPayment(gateway.t, publicId, { method });
      expect(again.status).toBe(201);
      expect(again.body.data.reff_no).not.toBe(made[0]!.orderId);
      const pending = ordersSince(before).filter((order) => order.status === 'pending');
      expect(pending.map((order) => order.orderId)).toEqual([again.body.data.reff_no]);
    },
  );

  it('a made order the gateway would not say anything about: the worker cancels it later', async () => {
    // Its own emulator: no notification of another test may take the status fault meant for
    // the connector's own look.
    const own = await createMidtransPaylink();
    try {
      const shop = await createMerchant(own.t);
      const link = await createLinkOk(own.t, shop, { total_amount: AMOUNT });
      own.emulator.injectChargeFaults(['timeout-after-create']);
      own.emulator.injectStatusFaults(['http500']);
      const answer = await startPayment(own.t, publicIdOf(link), { method: 'VA_PERMATA' });
      expectTryAgain(answer);
      expect(await countPayments(own.t, link.id)).toBe(0);
      expect(own.emulator.orders().map((order) => order.status)).toEqual(['pending']);

      expect(await own.runWorker()).toMatchObject({ closed: 1 });
      expect(own.emulator.orders().map((order) => order.status)).toEqual(['cancel']);
    } finally {
      await own.close();
    }
  });

  it('a first failure then a lost answer: the order made by the retry is withdrawn', async () => {
    const before = gateway.emulator.orders().length;
    gateway.emulator.injectChargeFaults(['http500', 'timeout-after-create']);
    const { link, answer } = await startOn('QRIS');
    expectTryAgain(answer);
    expect(await countPayments(gateway.t, link.id)).toBe(0);
    expectNonePayable(ordersSince(before));
  });

  it('a link closed while the gateway made the order: 409, and the order is cancelled', async () => {
    // A slow charge (well inside the timeout) leaves time to close the link meanwhile.
    const own = await createMidtransPaylink({
      env: { MIDTRANS_TIMEOUT_MS: '5000' },
      emulator: { slowChargeMs: 300 },
    });
    try {
      const shop = await createMerchant(own.t);
      const link = await createLinkOk(own.t, shop, { total_amount: AMOUNT });
      own.emulator.injectChargeFaults(['slow']);
      const starting = startPayment(own.t, publicIdOf(link), { method: 'VA_BNI' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const path = `${linksPath(shop)}/${link.id}`;
      expect((await callApi(own.t, shop, 'PATCH', path, { status: 'closed' })).status).toBe(200);
      const answer = await starting;
      expect(answer.status).toBe(409);
      expect(answer.body.error.reason).toBe('LINK_NOT_OPEN');
      expect(await countPayments(own.t, link.id)).toBe(0);
      expect(own.emulator.orders().map((order) => order.status)).toEqual(['pending']);

      expect(await own.runWorker()).toMatchObject({ closed: 1 });
      expect(own.emulator.orders().map((order) => order.status)).toEqual(['cancel']);
    } finally {
      await own.close();
    }
  });

  it('a number the gateway gives that a pending payment here still holds: 503, its order withdrawn', async () => {
    const first = await startOn('VA_BCA');
    expect(first.answer.status).toBe(201);
    // The gateway hands out the next number of its series; here it is taken by a payment whose
    // end (at the gateway) has not reached us.
    const next = String(BigInt(first.answer.body.data.payment_method_value) + 1n);
    await gateway.t.db
      .update(payments)
      .set({ methodValue: next })
      .where(eq(payments.reffNo, first.answer.body.data.reff_no));
    const before = gateway.emulator.orders().length;
    const { link, answer } = await startOn('VA_BCA');
    expectTryAgain(answer);
    expect(await countPayments(gateway.t, link.id)).toBe(0);
    const [made] = ordersSince(before);
    expect(made?.instrument).toMatchObject({ vaNumber: next });
    await gateway.runWorker();
    expect(gateway.emulator.order(made!.orderId)?.status).toBe('cancel');
  });
});
