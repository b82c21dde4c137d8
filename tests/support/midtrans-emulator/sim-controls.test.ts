import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMerchantReceiver, type MerchantReceiver } from '../merchant-receiver.ts';
import { bcaCharge, chargeBody, newOrderId, sim } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

let now = Date.parse('2026-03-01T03:00:00Z');
let receiver: MerchantReceiver;
beforeAll(async () => {
  receiver = await startMerchantReceiver();
});
afterAll(() => receiver.close());
const midtrans = useEmulator(() => ({ now: () => now, notificationUrl: receiver.url('/mt') }));
beforeEach(() => midtrans.emulator.reset());

// The same controls as the programmatic API, over HTTP and without auth, for a separately
// running server or a browser test.
describe('/_sim/ controls', () => {
  it('pay settles by order id; {"via":"qr"} makes a GoPay payment a qris one', async () => {
    const va = await midtrans.api.charge(bcaCharge());
    const paid = await sim(midtrans.emulator, 'POST', `pay/${va.body.order_id}`);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ orderId: va.body.order_id, status: 'settlement' });

    const gopay = await midtrans.api.charge(chargeBody('gopay', newOrderId(), 1000));
    await sim(midtrans.emulator, 'POST', `pay/${gopay.body.order_id}`, { via: 'qr' });
    expect((await midtrans.api.status(gopay.body.order_id)).body.payment_type).toBe('qris');
  });

  it('pay answers 404 for an unknown order, 409 for a paid one, 400 for a bad body', async () => {
    const va = await midtrans.api.charge(bcaCharge());
    expect((await sim(midtrans.emulator, 'POST', 'pay/unknown')).status).toBe(404);
    expect(
      (await sim(midtrans.emulator, 'POST', `pay/${va.body.order_id}`, { via: 'card' })).status,
    ).toBe(400);
    await sim(midtrans.emulator, 'POST', `pay/${va.body.order_id}`);
    expect((await sim(midtrans.emulator, 'POST', `pay/${va.body.order_id}`)).status).toBe(409);
  });

  it('expire-due expires what is past its time', async () => {
    const qris = await midtrans.api.charge(chargeBody('qris', newOrderId(), 1000));
    now += 15 * 60_000;
    const reply = await sim(midtrans.emulator, 'POST', 'expire-due');
    expect(reply.body).toEqual({ expired: [qris.body.order_id] });
  });

  it('reverse moves a settled Mandiri Bill payment to deny', async () => {
    const bill = await midtrans.api.charge(
      chargeBody('echannel', newOrderId(), 1000, {
        echannel: { bill_info1: 'a', bill_info2: 'b' },
      }),
    );
    await sim(midtrans.emulator, 'POST', `pay/${bill.body.order_id}`);
    const reversed = await sim(midtrans.emulator, 'POST', `reverse/${bill.body.order_id}`);
    expect(reversed.body.status).toBe('deny');
  });

  it('charge-faults and status-faults queue faults; unknown faults are refused', async () => {
    expect(
      (await sim(midtrans.emulator, 'POST', 'charge-faults', { faults: ['http503'] })).status,
    ).toBe(200);
    expect((await midtrans.api.charge(bcaCharge())).status).toBe(503);
    expect(
      (await sim(midtrans.emulator, 'POST', 'charge-faults', { faults: ['explode'] })).status,
    ).toBe(400);
    const va = await midtrans.api.charge(bcaCharge());
    await sim(midtrans.emulator, 'POST', 'status-faults', { faults: ['http500'] });
    expect((await midtrans.api.status(va.body.order_id)).status).toBe(500);
    expect((await midtrans.api.status(va.body.order_id)).status).toBe(200);
  });

  it('close-faults queue faults for cancel and expire; unknown faults are refused', async () => {
    const va = await midtrans.api.charge(bcaCharge());
    expect(
      (await sim(midtrans.emulator, 'POST', 'close-faults', { faults: ['http500'] })).status,
    ).toBe(200);
    expect((await midtrans.api.cancel(va.body.order_id)).status).toBe(500);
    expect(
      (await sim(midtrans.emulator, 'POST', 'close-faults', { faults: ['explode'] })).status,
    ).toBe(400);
    expect((await midtrans.api.cancel(va.body.order_id)).body.transaction_status).toBe('cancel');
  });

  it('notification-mode sets knobs and answers the whole mode; unknown knobs are refused', async () => {
    const reply = await sim(midtrans.emulator, 'POST', 'notification-mode', {
      duplicate: true,
      delayMs: 10,
    });
    expect(reply.body).toEqual({
      drop: false,
      duplicate: true,
      badSignature: false,
      outOfOrder: false,
      delayMs: 10,
    });
    expect((await sim(midtrans.emulator, 'POST', 'notification-mode', { lose: true })).status).toBe(
      400,
    );
    const va = await midtrans.api.charge(bcaCharge());
    await receiver.waitFor(2, (request) => request.body.includes(va.body.order_id));
  });

  it('orders lists the stored records; orders/{id} adds its notification attempts', async () => {
    const va = await midtrans.api.charge(bcaCharge());
    await midtrans.emulator.waitForNotifications((all) => all.length === 1);
    const list = await sim(midtrans.emulator, 'GET', 'orders');
    expect(list.body.orders.map((order: any) => order.orderId)).toEqual([va.body.order_id]);
    const one = await sim(midtrans.emulator, 'GET', `orders/${va.body.transaction_id}`);
    expect(one.body).toMatchObject({
      orderId: va.body.order_id,
      transactionId: va.body.transaction_id,
      grossAmount: 44000,
      status: 'pending',
      instrument: { paymentType: 'bank_transfer', bank: 'bca' },
      notificationUrls: [receiver.url('/mt')],
    });
    expect(one.body.notifications).toMatchObject([
      { url: receiver.url('/mt'), replyStatus: 200, attempt: 1, body: { status_code: '201' } },
    ]);
    expect((await sim(midtrans.emulator, 'GET', 'orders/unknown')).status).toBe(404);
  });

  it('reset forgets orders and faults', async () => {
    await midtrans.api.charge(bcaCharge());
    await sim(midtrans.emulator, 'POST', 'charge-faults', { faults: ['http500'] });
    await sim(midtrans.emulator, 'POST', 'reset');
    expect((await sim(midtrans.emulator, 'GET', 'orders')).body.orders).toEqual([]);
    expect((await midtrans.api.charge(bcaCharge())).status).toBe(200);
  });
});

describe('GET / (the developer page)', () => {
  it('lists orders with a Pay button that pays and comes back to the list', async () => {
    const va = await midtrans.api.charge(bcaCharge());
    const page = await (await fetch(`${midtrans.emulator.url}/`)).text();
    expect(page).toContain(va.body.order_id);
    expect(page).toContain(`BCA VA ${va.body.va_numbers[0].va_number}`);
    const action = /<form method="post" action="([^"]+)"><button type="submit">Pay<\/button>/.exec(
      page,
    );
    const paid = await fetch(new URL(action![1]!, midtrans.emulator.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe('/');
    expect(midtrans.emulator.order(va.body.order_id)?.status).toBe('settlement');
    const after = await (await fetch(`${midtrans.emulator.url}/`)).text();
    expect(after).toContain('settlement');
    expect(after).not.toContain('>Pay</button>');
  });
});
