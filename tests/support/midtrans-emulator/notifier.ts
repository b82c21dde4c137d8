import type { NotificationSender } from './notification-sender.ts';
import { NORMAL_NOTIFICATIONS, type NotificationMode } from './options.ts';
import type { Order } from './order.ts';
import { signatureKey } from './signature.ts';
import { notificationBody, type MerchantContext } from './transaction-fields.ts';

/** A change to some notification knobs; the others keep their value. */
export type NotificationModeChange = {
  [K in keyof NotificationMode]?: NotificationMode[K] | undefined;
};

export type Notifier = {
  /** Notifies the order's URLs of its current state, shaped by the knobs in force now. */
  notify: (order: Order) => void;
  mode: () => NotificationMode;
  setMode: (change: NotificationModeChange) => void;
  reset: () => void;
};

/** Turns order changes into notifications, applying the drop/duplicate/signature/delay knobs. */
export function createNotifier(sender: NotificationSender, merchant: MerchantContext): Notifier {
  // Each order's notifications start in order: the next waits for the previous one's first try.
  const queues = new Map<string, Promise<void>>();
  let mode: NotificationMode = { ...NORMAL_NOTIFICATIONS };

  function signedBody(order: Order) {
    const body = notificationBody(order, merchant);
    if (mode.badSignature) {
      const { order_id, status_code, gross_amount } = body as Record<string, string>;
      const wrongKey = `${merchant.serverKey}-wrong`;
      body.signature_key = signatureKey(order_id!, status_code!, gross_amount!, wrongKey);
    }
    return body;
  }

  return {
    notify: (order) => {
      const urls = order.notificationUrls;
      if (urls.length === 0) return;
      const body = signedBody(order);
      if (mode.drop) return sender.drop(order.orderId, urls, body);
      const { delayMs, duplicate } = mode;
      let queue = queues.get(order.transactionId) ?? Promise.resolve();
      for (let copy = 0; copy < (duplicate ? 2 : 1); copy++) {
        queue = queue.then(() => sender.deliver(order.orderId, urls, body, delayMs));
      }
      queues.set(order.transactionId, queue);
    },
    mode: () => ({ ...mode }),
    setMode: (change) => {
      const given = Object.entries(change).filter(([, value]) => value !== undefined);
      mode = { ...mode, ...Object.fromEntries(given) };
    },
    reset: () => {
      queues.clear();
      mode = { ...NORMAL_NOTIFICATIONS };
    },
  };
}
