/** The payment types this emulator charges (Midtrans Core API `payment_type`). */
export type PaymentType = 'bank_transfer' | 'echannel' | 'qris' | 'gopay' | 'shopeepay' | 'cstore';

export type VaBank = 'bca' | 'bni' | 'bri' | 'cimb' | 'permata';
export type QrisAcquirer = 'gopay' | 'airpay shopee';
export type Store = 'alfamart' | 'indomaret';

/** What the customer pays with: the per-method part of a charge, as issued. */
export type Instrument =
  | { paymentType: 'bank_transfer'; bank: VaBank; vaNumber: string }
  | { paymentType: 'echannel'; billKey: string; billerCode: string }
  | { paymentType: 'qris'; acquirer: QrisAcquirer; qrString: string }
  | { paymentType: 'gopay'; qrString: string; enableCallback: boolean; callbackUrl: string | null }
  | { paymentType: 'shopeepay'; callbackUrl: string | null }
  | { paymentType: 'cstore'; store: Store; paymentCode: string };

/** Midtrans `transaction_status` values that the non-card methods reach (A.3). */
export type TransactionStatus = 'pending' | 'settlement' | 'expire' | 'cancel' | 'deny';

/** How a settled order was paid: a GoPay order paid by scanning its QR reports `qris`. */
export type PaidVia = 'app' | 'qr';

/** One charge as the emulator keeps it. Times are epoch milliseconds. */
export type Order = {
  orderId: string;
  transactionId: string;
  grossAmount: number;
  instrument: Instrument;
  status: TransactionStatus;
  transactionTime: number;
  expiryTime: number;
  settlementTime: number | null;
  paidVia: PaidVia | null;
  /** The paying app (QRIS `issuer`); null until paid. */
  issuer: string | null;
  /** Where this order's notifications go: the override URLs, or the dashboard URL plus appended ones. */
  notificationUrls: string[];
};

export type OrderEvent = 'pay' | 'cancel' | 'expire' | 'reverse';

/**
 * The one table of status changes (A.3): pending orders can be paid, cancelled or expired;
 * a settled Indomaret/Alfamart or Mandiri Bill payment can be reversed to `deny`.
 * Null when the event does not apply.
 */
export function nextStatus(order: Order, event: OrderEvent): TransactionStatus | null {
  if (order.status === 'pending') {
    if (event === 'pay') return 'settlement';
    if (event === 'cancel') return 'cancel';
    if (event === 'expire') return 'expire';
    return null;
  }
  const reversible =
    order.instrument.paymentType === 'cstore' || order.instrument.paymentType === 'echannel';
  if (order.status === 'settlement' && event === 'reverse' && reversible) return 'deny';
  return null;
}

/** A cancelled or expired order id can be charged again (A.5); any other blocks it (406). */
export function holdsOrderId(order: Order): boolean {
  return order.status !== 'cancel' && order.status !== 'expire';
}
