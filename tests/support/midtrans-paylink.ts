import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createWorker, type WorkDone } from '../../server/worker/worker.ts';
import { deliveries, gatewayClosings } from '../../server/store/schema.ts';
import {
  type MidtransEmulator,
  type MidtransEmulatorOptions,
  type NotificationAttempt,
  startMidtransEmulator,
} from './midtrans-emulator/midtrans-emulator.ts';
import { createTestPaylink, type TestPaylink } from './test-paylink.ts';

export const MIDTRANS_TEST_KEY = 'SB-Mid-server-paylink-tests';

/** The in-process app with `PAYMENT_PROVIDER=midtrans`, talking to a Midtrans emulator. */
export type MidtransPaylink = {
  t: TestPaylink;
  emulator: MidtransEmulator;
  /**
   * PUBLIC_BASE_URL: a real HTTP port in front of the in-process app, so the emulator's
   * notifications reach `/providers/midtrans/notifications` as Midtrans' would.
   */
  baseUrl: string;
  /** One pass of the server's worker (expiry, reconciliation, closings, settlement, callbacks). */
  runWorker: () => Promise<WorkDone>;
  close: () => Promise<void>;
};

/** Short notification retries: the documented 2…210 minutes, scaled to milliseconds. */
const RETRY_DELAYS_MS = [20, 40, 80, 120, 160];

/**
 * Starts the emulator (on the test's clock: its transaction, settlement and expiry times
 * follow `t.clock`) and the app pointed at it. Charges and status calls time out after
 * MIDTRANS_TIMEOUT_MS (500 ms here) so that a held request costs a test little.
 */
export async function createMidtransPaylink(
  options: { env?: Record<string, string>; emulator?: MidtransEmulatorOptions } = {},
): Promise<MidtransPaylink> {
  // The app is made last (its PUBLIC_BASE_URL is the door's port, its gateway the emulator).
  const made: { paylink?: TestPaylink } = {};
  // Over plain HTTP/1.1, @hono/node-server serves with a node:http Server.
  const door = serve({
    fetch: (request) =>
      made.paylink ? made.paylink.app.fetch(request) : new Response('starting', { status: 503 }),
    hostname: '127.0.0.1',
    port: 0,
  }) as Server;
  await new Promise<void>((resolve) => {
    if (door.listening) resolve();
    else door.once('listening', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(door.address() as AddressInfo).port}`;
  const emulator = await startMidtransEmulator({
    serverKey: MIDTRANS_TEST_KEY,
    retryDelaysMs: RETRY_DELAYS_MS,
    hangUpAfterMs: 2_000,
    now: () => (made.paylink ? made.paylink.clock.now().getTime() : Date.now()),
    ...options.emulator,
  });
  const t = await createTestPaylink({
    env: {
      PAYMENT_PROVIDER: 'midtrans',
      MIDTRANS_SERVER_KEY: MIDTRANS_TEST_KEY,
      MIDTRANS_BASE_URL: emulator.url,
      MIDTRANS_TIMEOUT_MS: '500',
      PUBLIC_BASE_URL: baseUrl,
      ...options.env,
    },
  });
  made.paylink = t;
  const worker = createWorker(t.deps, 1_000);
  return {
    t,
    emulator,
    baseUrl,
    runWorker: () => worker.runOnce(),
    close: async () => {
      await emulator.close();
      door.closeAllConnections();
      await new Promise<void>((resolve) => door.close(() => resolve()));
      await t.close();
    },
  };
}

type TransactionStatus = 'pending' | 'settlement' | 'expire' | 'cancel' | 'deny';

/**
 * Waits until the emulator has sent `count` notifications of this order in this status and
 * Paylink has answered them (an attempt is recorded once the reply is in).
 */
export async function notificationsAnswered(
  emulator: MidtransEmulator,
  orderId: string,
  status: TransactionStatus,
  count = 1,
): Promise<NotificationAttempt[]> {
  const matching = (all: NotificationAttempt[]) =>
    all.filter(
      (a) => a.orderId === orderId && a.body.transaction_status === status && a.attempt > 0,
    );
  const all = await emulator.waitForNotifications((sent) => matching(sent).length >= count, 5_000);
  return matching(all);
}

/** The notification the emulator recorded for this order and status (sent, or dropped). */
export function notificationBody(
  emulator: MidtransEmulator,
  orderId: string,
  status: TransactionStatus,
): Record<string, unknown> {
  const found = emulator
    .notificationsSent()
    .find((a) => a.orderId === orderId && a.body.transaction_status === status);
  if (!found) throw new Error(`no ${status} notification of ${orderId}`);
  return found.body;
}

/** Posts a body to the notification door in-process, as Midtrans would. */
export async function postNotification(
  t: TestPaylink,
  body: unknown,
): Promise<{ status: number; body: any }> {
  const response = await t.app.request('/providers/midtrans/notifications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Veritrans' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The events queued for one payment (callbacks and mails), oldest first. */
export async function eventsOfPayment(t: TestPaylink, paymentId: number): Promise<string[]> {
  const rows = await t.db
    .select({ event: deliveries.event })
    .from(deliveries)
    .where(eq(deliveries.paymentId, paymentId))
    .orderBy(deliveries.id);
  return rows.map((row) => row.event);
}

/** The closing Paylink keeps for an order at the gateway, or null when none was queued. */
export async function closingOf(t: TestPaylink, orderId: string) {
  const [row] = await t.db
    .select()
    .from(gatewayClosings)
    .where(eq(gatewayClosings.orderId, orderId));
  return row ?? null;
}
