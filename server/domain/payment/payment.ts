import type { InstrumentDetails } from '../connector/connector.ts';
import type { Customer } from '../payment-link/payment-link.ts';

export const PAYMENT_STATUSES = ['pending', 'paid', 'settled', 'expired', 'cancelled'] as const;
/** SPEC §2: pending → paid → settled, or pending → expired | cancelled. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_EVENTS = ['pay', 'settle', 'expire', 'cancel'] as const;
export type PaymentEvent = (typeof PAYMENT_EVENTS)[number];

/** One customer's attempt to pay a link with one method (SingaPay's "history"). */
export type Payment = {
  id: number;
  reffNo: string;
  linkId: number;
  accountId: string;
  methodCode: string;
  /** The VA number, or for QRIS the payment's reference (tag 62/05). */
  methodValue: string;
  /** The QRIS payload a phone scans; null for a VA. */
  qrString: string | null;
  /** Whole rupiah. */
  amount: number;
  status: PaymentStatus;
  customer: Customer | null;
  expiresAt: Date;
  paidAt: Date | null;
  settledAt: Date | null;
  /** When it became expired or cancelled. */
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The connector that issued it (SPEC §10): `sandbox`, `none`, `midtrans`. */
  connector: string;
  /** The gateway's id for the order (Midtrans transaction_id); null for the sandbox. */
  gatewayRef: string | null;
  /** What the channel shows beyond the number or QR text; null for plain VA and QRIS. */
  instrument: InstrumentDetails | null;
  /** When the gateway was last asked for its status (the worker's reconciliation). */
  gatewayCheckedAt: Date | null;
};

const TRANSITIONS: Record<PaymentStatus, Partial<Record<PaymentEvent, PaymentStatus>>> = {
  pending: { pay: 'paid', expire: 'expired', cancel: 'cancelled' },
  paid: { settle: 'settled' },
  settled: {},
  expired: {},
  cancelled: {},
};

/** The status an event leads to, or null when the event does not apply (a no-op). */
export function nextPaymentStatus(
  status: PaymentStatus,
  event: PaymentEvent,
): PaymentStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** A pending payment whose deadline has passed is no longer payable, even before it is marked. */
export function isPastDeadline(payment: Payment, now: Date): boolean {
  return payment.expiresAt.getTime() <= now.getTime();
}

/** The status a reader should see now: a pending payment past its deadline reads as expired. */
export function effectivePaymentStatus(payment: Payment, now: Date): PaymentStatus {
  return payment.status === 'pending' && isPastDeadline(payment, now) ? 'expired' : payment.status;
}
