import { randomUUID } from 'node:crypto';
import type { ChargeRequest } from './charge-request.ts';
import { createIdempotencyKeys } from './idempotency-keys.ts';
import { issueInstrument } from './issue-instrument.ts';
import { createNotificationSender, type NotificationAttempt } from './notification-sender.ts';
import {
  nextStatus,
  type Order,
  type OrderEvent,
  type PaidVia,
  type PaymentType,
} from './order.ts';
import { createOrderBook } from './order-book.ts';
import { createNotifier } from './notifier.ts';
import type { ChargeFault, CloseFault, ResolvedOptions, StatusFault } from './options.ts';
import type { MerchantContext } from './transaction-fields.ts';

/** How a test pays: by app (the default) or, for GoPay, by scanning the QR; and with which app. */
export type PayOptions = { via?: PaidVia | undefined; issuer?: string | undefined };

export type ChangeResult =
  { ok: true; order: Order } | { ok: false; code: 'NOT_FOUND' | 'NOT_ALLOWED' };

/** A stored order with every notification attempt made for it. */
export type OrderRecord = Order & { notifications: NotificationAttempt[] };

const MINUTE = 60 * 1000;
/** A.6 default expiries: VA, Mandiri Bill and cstore 24 h; QRIS and the wallets 15 min. */
const DEFAULT_EXPIRY_MS: Record<PaymentType, number> = {
  bank_transfer: 24 * 60 * MINUTE,
  echannel: 24 * 60 * MINUTE,
  cstore: 24 * 60 * MINUTE,
  qris: 15 * MINUTE,
  gopay: 15 * MINUTE,
  shopeepay: 15 * MINUTE,
};

/** QRIS is always paid by scanning; the wallets by app unless told; the rest has no "how". */
function paidVia(type: PaymentType, via: PaidVia | undefined): PaidVia | null {
  if (type === 'qris') return 'qr';
  if (type === 'gopay' || type === 'shopeepay') return via ?? 'app';
  return null;
}

/** `custom_expiry` from its order time (default: now), else the method's default (A.6). */
function expiryTimeOf(request: ChargeRequest, type: PaymentType, now: number): number {
  const custom = request.customExpiry;
  return custom ? (custom.orderTime ?? now) + custom.durationMs : now + DEFAULT_EXPIRY_MS[type];
}

export type EmulatorCore = ReturnType<typeof createEmulatorCore>;

/** The emulator's state and the one place where orders change and notifications start. */
export function createEmulatorCore(options: ResolvedOptions) {
  const book = createOrderBook();
  const sender = createNotificationSender({
    retryDelaysMs: options.retryDelaysMs,
    timeoutMs: options.notificationTimeoutMs,
  });
  const idempotency = createIdempotencyKeys(options.now);
  const merchant: MerchantContext = {
    merchantId: options.merchantId,
    serverKey: options.serverKey,
  };
  const notifier = createNotifier(sender, merchant);
  const chargeFaults: ChargeFault[] = [];
  const statusFaults: StatusFault[] = [];
  const closeFaults: CloseFault[] = [];
  let serial = 0;

  function apply(order: Order, event: OrderEvent, pay: PayOptions = {}): boolean {
    const status = nextStatus(order, event);
    if (status === null) return false;
    const stale = { ...order };
    order.status = status;
    if (event === 'pay') {
      order.settlementTime = options.now();
      order.paidVia = paidVia(order.instrument.paymentType, pay.via);
      order.issuer = pay.issuer ?? null;
    }
    notifier.notify(order);
    // Out of order, a stale pending notification follows the settlement (A.4).
    if (event === 'pay' && notifier.mode().outOfOrder) notifier.notify(stale);
    return true;
  }

  /** Expires every pending order past its expiry time, with a notification each. */
  function expireDue(): Order[] {
    const due = book.dueForExpiry(options.now());
    for (const order of due) apply(order, 'expire');
    return due;
  }

  function charge(request: ChargeRequest, notificationUrls: string[]) {
    expireDue();
    if (book.isOrderIdTaken(request.orderId)) {
      return { ok: false as const, code: 'DUPLICATE_ORDER_ID' as const };
    }
    const now = options.now();
    const transactionId = randomUUID();
    const instrument = issueInstrument(request.method, {
      orderId: request.orderId,
      transactionId,
      grossAmount: request.grossAmount,
      merchantId: options.merchantId,
      nextSerial: () => ++serial,
      isNumberInUse: book.isNumberInUse,
    });
    const order: Order = {
      orderId: request.orderId,
      transactionId,
      grossAmount: request.grossAmount,
      instrument,
      status: 'pending',
      transactionTime: now,
      expiryTime: expiryTimeOf(request, instrument.paymentType, now),
      settlementTime: null,
      paidVia: null,
      issuer: null,
      notificationUrls,
    };
    book.add(order);
    // Out of order, the pending notification is held back until after the settlement.
    if (!notifier.mode().outOfOrder) notifier.notify(order);
    return { ok: true as const, order };
  }

  function change(id: string, event: OrderEvent, pay?: PayOptions): ChangeResult {
    expireDue();
    const order = book.find(id);
    if (order === undefined) return { ok: false, code: 'NOT_FOUND' };
    return apply(order, event, pay) ? { ok: true, order } : { ok: false, code: 'NOT_ALLOWED' };
  }

  function recordOf(order: Order): OrderRecord {
    const notifications = sender
      .attempts()
      .filter((attempt) => attempt.body.transaction_id === order.transactionId);
    return { ...structuredClone(order), notifications };
  }

  return {
    merchant,
    idempotency,
    charge,
    change,
    expireDue,
    /** Finds an order by `order_id` or `transaction_id`, after expiring what is due. */
    find: (id: string) => {
      expireDue();
      return book.find(id);
    },
    record: (id: string) => {
      expireDue();
      const order = book.find(id);
      return order === undefined ? undefined : recordOf(order);
    },
    records: () => {
      expireDue();
      return book.all().map(recordOf);
    },
    notificationsSent: sender.attempts,
    waitForNotifications: sender.waitFor,
    notificationMode: notifier.mode,
    setNotificationMode: notifier.setMode,
    addChargeFaults: (faults: ChargeFault[]) => chargeFaults.push(...faults),
    takeChargeFault: () => chargeFaults.shift() ?? null,
    addStatusFaults: (faults: StatusFault[]) => statusFaults.push(...faults),
    takeStatusFault: () => statusFaults.shift() ?? null,
    addCloseFaults: (faults: CloseFault[]) => closeFaults.push(...faults),
    takeCloseFault: () => closeFaults.shift() ?? null,
    /** Forgets orders, keys, faults, modes and the notification record. */
    reset: () => {
      book.clear();
      idempotency.clear();
      sender.clear();
      notifier.reset();
      chargeFaults.length = 0;
      statusFaults.length = 0;
      closeFaults.length = 0;
    },
    close: sender.close,
  };
}
