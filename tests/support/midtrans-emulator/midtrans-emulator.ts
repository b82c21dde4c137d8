import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coreApiRoutes } from './core-api-routes.ts';
import { errorAnswer, type AnswerContext } from './core-answers.ts';
import { createEmulatorCore, type OrderRecord, type PayOptions } from './emulator-core.ts';
import { createHeldRequests } from './held-requests.ts';
import { dispatch, readBody, sendJson, type Exchange } from './http-exchange.ts';
import type { NotificationAttempt } from './notification-sender.ts';
import type { NotificationModeChange } from './notifier.ts';
import {
  resolveOptions,
  type ChargeFault,
  type CloseFault,
  type MidtransEmulatorOptions,
  type NotificationMode,
  type StatusFault,
} from './options.ts';
import { simRoutes } from './sim-routes.ts';
import { walletAppRoutes } from './wallet-app.ts';

/** A running emulator and the controls a test drives it with (the same as under `/_sim/`). */
export type MidtransEmulator = {
  /** `http://127.0.0.1:<port>`: use it as the Core API base URL. */
  url: string;
  serverKey: string;
  /** Settles a pending order (by `order_id` or `transaction_id`) and notifies `"200"`. */
  pay: (id: string, options?: PayOptions) => OrderRecord;
  /** Expires every pending order past its expiry time; returns them. */
  expireDue: () => OrderRecord[];
  /** Moves a settled Indomaret/Alfamart or Mandiri Bill payment to `deny` and notifies. */
  reverse: (id: string) => OrderRecord;
  /** Queues faults for the next charges, one per charge. */
  injectChargeFaults: (faults: ChargeFault[]) => void;
  /** Queues faults for the next status calls, one per call. */
  injectStatusFaults: (faults: StatusFault[]) => void;
  /** Queues faults for the next cancel and expire calls, one per call. */
  injectCloseFaults: (faults: CloseFault[]) => void;
  setNotificationMode: (change: NotificationModeChange) => NotificationMode;
  orders: () => OrderRecord[];
  order: (id: string) => OrderRecord | undefined;
  /** Every notification attempt so far, in the order they ended. */
  notificationsSent: () => NotificationAttempt[];
  /** Resolves with all attempts once `predicate` holds for them; rejects after `timeoutMs`. */
  waitForNotifications: (
    predicate: (attempts: NotificationAttempt[]) => boolean,
    timeoutMs?: number,
  ) => Promise<NotificationAttempt[]>;
  /** Forgets orders, idempotency keys, faults, notification modes and the notification record. */
  reset: () => void;
  close: () => Promise<void>;
};

export type {
  ChargeFault,
  CloseFault,
  MidtransEmulatorOptions,
  NotificationAttempt,
  NotificationMode,
  NotificationModeChange,
  OrderRecord,
  PayOptions,
  StatusFault,
};

/** Starts a Midtrans Core API emulator on 127.0.0.1 (gateway-connectors.md §A and §D). */
export async function startMidtransEmulator(
  options: MidtransEmulatorOptions = {},
): Promise<MidtransEmulator> {
  const resolved = resolveOptions(options);
  const core = createEmulatorCore(resolved);
  const held = createHeldRequests(resolved.hangUpAfterMs);
  let baseUrl = '';
  const context = (): AnswerContext => ({ ...core.merchant, baseUrl });
  const routes = [
    ...coreApiRoutes({ core, options: resolved, held, context }),
    ...walletAppRoutes(core),
    ...simRoutes(core, context),
  ];

  const server = createServer((request, response) => {
    void readBody(request)
      .then(async (body) => {
        const exchange: Exchange = {
          request,
          response,
          body,
          url: new URL(request.url ?? '/', baseUrl),
        };
        if (await dispatch(routes, exchange)) return;
        const answer = errorAnswer(404, '404', 'The requested resource is not found');
        sendJson(response, answer.httpStatus, answer.body);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { error: String(error) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const changed = (id: string, event: 'pay' | 'reverse', pay?: PayOptions) => {
    const result = core.change(id, event, pay);
    if (!result.ok) throw new Error(`cannot ${event} order ${id}: ${result.code}`);
    return core.record(result.order.transactionId)!;
  };

  return {
    url: baseUrl,
    serverKey: resolved.serverKey,
    pay: (id, payOptions) => changed(id, 'pay', payOptions),
    expireDue: () => core.expireDue().map((order) => core.record(order.transactionId)!),
    reverse: (id) => changed(id, 'reverse'),
    injectChargeFaults: (faults) => void core.addChargeFaults(faults),
    injectStatusFaults: (faults) => void core.addStatusFaults(faults),
    injectCloseFaults: (faults) => void core.addCloseFaults(faults),
    setNotificationMode: (change) => {
      core.setNotificationMode(change);
      return core.notificationMode();
    },
    orders: core.records,
    order: core.record,
    notificationsSent: core.notificationsSent,
    waitForNotifications: (predicate, timeoutMs = 10_000) =>
      core.waitForNotifications(predicate, timeoutMs),
    reset: core.reset,
    close: async () => {
      core.close();
      held.releaseAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
