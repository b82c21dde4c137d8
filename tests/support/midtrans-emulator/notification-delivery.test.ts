import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bodyOf } from '../merchant-receiver.ts';
import { bcaCharge, coreApiClient, merchantSideSignature } from './core-api-test-client.ts';
import { useNotifyingEmulator } from './emulator-test-setup.ts';
import { startMidtransEmulator, type NotificationAttempt } from './midtrans-emulator.ts';

const clock = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useNotifyingEmulator(() => clock);

const forOrder = (orderId: string) => (attempts: NotificationAttempt[]) =>
  attempts.filter((attempt) => attempt.orderId === orderId);

/** Waits for `count` attempts for the order, then a while longer to see that no more come. */
async function settledAttempts(orderId: string, count: number, emulator = midtrans.emulator) {
  await emulator.waitForNotifications((all) => forOrder(orderId)(all).length >= count, 5000);
  await sleep(250);
  return forOrder(orderId)(emulator.notificationsSent());
}

function expectSignedWith(body: any, serverKey: string) {
  expect(body.signature_key).toBe(merchantSideSignature(body, serverKey));
}

describe('retries by reply code (A.4)', () => {
  it.each([
    [200, 1],
    [500, 2],
    [503, 5],
    [400, 3],
    [404, 3],
    [302, 1],
    [418, 6],
  ])('after HTTP %i makes %i attempts in all', async (code, attempts) => {
    midtrans.receiver.setDefault(code);
    const charge = await midtrans.api.charge(bcaCharge());
    const made = await settledAttempts(charge.body.order_id, attempts);
    expect(made).toHaveLength(attempts);
    expect(made.map((attempt) => attempt.replyStatus)).toEqual(Array(attempts).fill(code));
    expect(made.map((attempt) => attempt.attempt)).toEqual(
      [...Array(attempts).keys()].map((n) => n + 1),
    );
  });

  it('retries five times when the receiver does not answer in time', async () => {
    midtrans.receiver.setDelay(400);
    const charge = await midtrans.api.charge(bcaCharge());
    const made = await settledAttempts(charge.body.order_id, 6);
    expect(made).toHaveLength(6);
    expect(made.every((attempt) => attempt.replyStatus === null && attempt.error !== null)).toBe(
      true,
    );
  });

  it('waits the scheduled delays between attempts, repeating the last step', async () => {
    const stepped = await startMidtransEmulator({
      notificationUrl: midtrans.receiver.url('/midtrans'),
      retryDelaysMs: [40, 80, 120],
    });
    try {
      midtrans.receiver.setDefault(503);
      const charge = await coreApiClient(stepped).charge(bcaCharge());
      const made = await settledAttempts(charge.body.order_id, 5, stepped);
      const gaps = made.slice(1).map((attempt, index) => attempt.at - made[index]!.at);
      [40, 80, 120, 120].forEach((delay, index) =>
        expect(gaps[index]).toBeGreaterThanOrEqual(delay - 2),
      );
    } finally {
      await stepped.close();
    }
  });

  it('follows 307 with the same POST body', async () => {
    midtrans.receiver.answerWith(({ url }) =>
      url === '/midtrans' ? { redirect: 307, to: '/moved' } : 200,
    );
    const charge = await midtrans.api.charge(bcaCharge());
    const [first, moved] = await midtrans.receiver.waitFor(2);
    expect(moved!.url).toBe('/moved');
    expect(moved!.method).toBe('POST');
    expect(moved!.body).toBe(first!.body);
    const made = await settledAttempts(charge.body.order_id, 1);
    expect(made).toMatchObject([{ replyStatus: 200, attempt: 1 }]);
  });
});

describe('notification knobs', () => {
  it('drop: records the notification but never sends it', async () => {
    midtrans.emulator.setNotificationMode({ drop: true });
    const charge = await midtrans.api.charge(bcaCharge());
    midtrans.emulator.pay(charge.body.order_id);
    await sleep(200);
    expect(midtrans.receiver.received).toHaveLength(0);
    const dropped = midtrans.emulator.notificationsSent();
    expect(dropped.map((attempt) => [attempt.dropped, attempt.body.status_code])).toEqual([
      [true, '201'],
      [true, '200'],
    ]);
    expect(midtrans.emulator.order(charge.body.order_id)?.notifications).toHaveLength(2);
  });

  it('duplicate: sends each notification twice', async () => {
    midtrans.emulator.setNotificationMode({ duplicate: true });
    const charge = await midtrans.api.charge(bcaCharge());
    midtrans.emulator.pay(charge.body.order_id);
    const received = await midtrans.receiver.waitFor(4);
    expect(received.map((request) => bodyOf(request).status_code)).toEqual([
      '201',
      '201',
      '200',
      '200',
    ]);
  });

  it('badSignature: signs with another key', async () => {
    midtrans.emulator.setNotificationMode({ badSignature: true });
    await midtrans.api.charge(bcaCharge());
    const [request] = await midtrans.receiver.waitFor(1);
    const body = bodyOf(request!);
    expect(body.signature_key).toMatch(/^[0-9a-f]{128}$/);
    expect(body.signature_key).not.toBe(merchantSideSignature(body, midtrans.emulator.serverKey));
  });

  it('outOfOrder: sends the settlement first and a stale pending after it', async () => {
    midtrans.emulator.setNotificationMode({ outOfOrder: true });
    const charge = await midtrans.api.charge(bcaCharge());
    await sleep(100);
    expect(midtrans.receiver.received).toHaveLength(0);
    midtrans.emulator.pay(charge.body.order_id);
    const [first, second] = await midtrans.receiver.waitFor(2);
    expect(bodyOf(first!)).toMatchObject({ status_code: '200', transaction_status: 'settlement' });
    expect(bodyOf(second!)).toMatchObject({ status_code: '201', transaction_status: 'pending' });
    expect(bodyOf(second!)).not.toHaveProperty('settlement_time');
    expectSignedWith(bodyOf(second!), midtrans.emulator.serverKey);
  });

  it('delayMs: holds each notification back', async () => {
    midtrans.emulator.setNotificationMode({ delayMs: 300 });
    const started = Date.now();
    await midtrans.api.charge(bcaCharge());
    const [request] = await midtrans.receiver.waitFor(1);
    expect(request!.receivedAt - started).toBeGreaterThanOrEqual(300);
  });

  it('waitForNotifications rejects when nothing matches in time', async () => {
    await expect(midtrans.emulator.waitForNotifications(() => false, 50)).rejects.toThrow(
      /within 50 ms/,
    );
  });
});
