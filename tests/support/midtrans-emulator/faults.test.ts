import { describe, expect, it } from 'vitest';
import { basicAuth, bcaCharge, coreApiClient } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';
import { startMidtransEmulator } from './midtrans-emulator.ts';

const midtrans = useEmulator({ hangUpAfterMs: 1500 });

/** A charge the way a client with a 300 ms timeout sends it; resolves to the error or reply. */
async function chargeWithTimeout(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${midtrans.emulator.url}/v2/charge`, {
    method: 'POST',
    headers: {
      authorization: basicAuth(midtrans.emulator.serverKey),
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300),
  }).then(
    (response) => ({ status: response.status }),
    (error: Error) => ({ error: error.name }),
  );
}

const ordersFor = (orderId: string) =>
  midtrans.emulator.orders().filter((o) => o.orderId === orderId);

describe('charge faults', () => {
  it('http500: answers 500 once, creates nothing, and the next charge works', async () => {
    midtrans.emulator.injectChargeFaults(['http500']);
    const body = bcaCharge();
    const failed = await midtrans.api.charge(body);
    expect(failed.status).toBe(500);
    expect(failed.body.status_code).toBe('500');
    expect(ordersFor(body.transaction_details.order_id)).toHaveLength(0);
    expect((await midtrans.api.charge(body)).status).toBe(200);
  });

  it('http503: answers the documented temporary error, one charge per queued fault', async () => {
    midtrans.emulator.injectChargeFaults(['http503', 'http503']);
    const body = bcaCharge();
    for (let i = 0; i < 2; i++) {
      const failed = await midtrans.api.charge(body);
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({
        status_code: '503',
        status_message: 'Bank/partner is experiencing connection issue.',
      });
    }
    expect((await midtrans.api.charge(body)).status).toBe(200);
  });

  it('timeout-before-create: never answers and creates nothing; the retry creates the order', async () => {
    midtrans.emulator.injectChargeFaults(['timeout-before-create']);
    const body = bcaCharge();
    const key = { 'Idempotency-Key': `k-${body.transaction_details.order_id}` };
    expect(await chargeWithTimeout(body, key)).toEqual({ error: 'TimeoutError' });
    expect(ordersFor(body.transaction_details.order_id)).toHaveLength(0);
    const retry = await midtrans.api.charge(body, key);
    expect(retry.status).toBe(200);
    expect(ordersFor(body.transaction_details.order_id)).toHaveLength(1);
  });

  it('timeout-after-create: creates the order, never answers; the keyed retry gets the stored answer', async () => {
    midtrans.emulator.injectChargeFaults(['timeout-after-create']);
    const body = bcaCharge();
    const orderId = body.transaction_details.order_id;
    const key = { 'Idempotency-Key': `k-${orderId}` };
    expect(await chargeWithTimeout(body, key)).toEqual({ error: 'TimeoutError' });
    const [created] = ordersFor(orderId);
    expect(created?.status).toBe('pending');

    const unkeyed = await midtrans.api.charge(body);
    expect(unkeyed.status).toBe(406);
    const keyed = await midtrans.api.charge(body, key);
    expect(keyed.status).toBe(200);
    expect(keyed.body.transaction_id).toBe(created!.transactionId);
    expect(keyed.body.va_numbers[0].va_number).toBe((created!.instrument as any).vaNumber);
    expect(ordersFor(orderId)).toHaveLength(1);
  });

  it('hangs up a held request after hangUpAfterMs', async () => {
    midtrans.emulator.injectChargeFaults(['timeout-before-create']);
    const started = Date.now();
    const outcome = await midtrans.api.charge(bcaCharge()).then(
      () => 'answered',
      () => 'hung up',
    );
    expect(outcome).toBe('hung up');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });
});

describe('status faults', () => {
  it('http500 then timeout, then the real answer', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    midtrans.emulator.injectStatusFaults(['http500', 'timeout']);
    const failed = await midtrans.api.status(charge.body.order_id);
    expect(failed.status).toBe(500);
    const held = await fetch(`${midtrans.emulator.url}/v2/${charge.body.order_id}/status`, {
      headers: { authorization: basicAuth(midtrans.emulator.serverKey) },
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(held).toBe('TimeoutError');
    expect((await midtrans.api.status(charge.body.order_id)).body.status_code).toBe('201');
  });
});

describe('close faults', () => {
  it('http500 on cancel, timeout on expire: the order stays pending; the next call works', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    const orderId = charge.body.order_id;
    midtrans.emulator.injectCloseFaults(['http500', 'timeout']);
    const failed = await midtrans.api.cancel(orderId);
    expect(failed.status).toBe(500);
    expect(failed.body.status_code).toBe('500');
    const held = await fetch(`${midtrans.emulator.url}/v2/${orderId}/expire`, {
      method: 'POST',
      headers: { authorization: basicAuth(midtrans.emulator.serverKey) },
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(held).toBe('TimeoutError');
    expect(midtrans.emulator.order(orderId)?.status).toBe('pending');
    expect((await midtrans.api.cancel(orderId)).body.status_code).toBe('200');
    expect(midtrans.emulator.order(orderId)?.status).toBe('cancel');
  });
});

describe('close()', () => {
  it('drops held requests at once', async () => {
    const own = await startMidtransEmulator();
    own.injectChargeFaults(['timeout-after-create']);
    const pending = coreApiClient(own)
      .charge(bcaCharge())
      .then(
        () => 'answered',
        () => 'dropped',
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    expect(await pending).toBe('dropped');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
