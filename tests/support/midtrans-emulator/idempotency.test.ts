import { describe, expect, it } from 'vitest';
import { bcaCharge, chargeBody, newOrderId } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

let now = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useEmulator({ now: () => now, slowChargeMs: 400 });

const withKey = (key: string) => ({ 'Idempotency-Key': key });

// A.1: successful answers are replayed for 5 minutes; a retry during the first call gets 202.
describe('Idempotency-Key on POST /v2/charge', () => {
  it('replays the stored answer byte for byte instead of answering 406', async () => {
    const key = newOrderId('key');
    const body = bcaCharge();
    const first = await midtrans.api.charge(body, withKey(key));
    const retry = await midtrans.api.charge(body, withKey(key));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(
      midtrans.emulator.orders().filter((o) => o.orderId === body.transaction_details.order_id),
    ).toHaveLength(1);
  });

  it('forgets the answer after 5 minutes (then the order id is taken: 406)', async () => {
    const key = newOrderId('key');
    const body = bcaCharge();
    await midtrans.api.charge(body, withKey(key));
    now += 5 * 60_000 - 1;
    expect((await midtrans.api.charge(body, withKey(key))).status).toBe(200);
    now += 1;
    expect((await midtrans.api.charge(body, withKey(key))).status).toBe(406);
  });

  it('answers HTTP 202 to a retry while the first call still runs', async () => {
    const key = newOrderId('key');
    const body = bcaCharge();
    midtrans.emulator.injectChargeFaults(['slow']);
    const first = midtrans.api.charge(body, withKey(key));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const during = await midtrans.api.charge(body, withKey(key));
    expect(during.status).toBe(202);
    const done = await first;
    expect(done.body.status_code).toBe('201');
    expect((await midtrans.api.charge(body, withKey(key))).body).toEqual(done.body);
  });

  it('keeps only successes: after a 400 the same key charges the corrected body', async () => {
    const key = newOrderId('key');
    const refused = await midtrans.api.charge(
      { ...bcaCharge(), payment_type: 'card' },
      withKey(key),
    );
    expect(refused.status).toBe(400);
    const ok = await midtrans.api.charge(bcaCharge(), withKey(key));
    expect(ok.status).toBe(200);
  });

  it('ignores keys over 46 characters', async () => {
    const key = 'k'.repeat(47);
    const body = bcaCharge();
    await midtrans.api.charge(body, withKey(key));
    expect((await midtrans.api.charge(body, withKey(key))).status).toBe(406);
  });

  it.each([
    [
      'Permata',
      chargeBody('bank_transfer', newOrderId(), 1000, { bank_transfer: { bank: 'permata' } }),
    ],
    ['Indomaret', chargeBody('cstore', newOrderId(), 10000, { cstore: { store: 'Indomaret' } })],
  ])('is not supported for %s: a retry is a new charge (406)', async (_name, body) => {
    const key = newOrderId('key');
    expect((await midtrans.api.charge(body, withKey(key))).status).toBe(200);
    expect((await midtrans.api.charge(body, withKey(key))).status).toBe(406);
  });
});
