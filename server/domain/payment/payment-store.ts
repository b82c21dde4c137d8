import type { PaymentLink } from '../payment-link/payment-link.ts';
import type { Payment, PaymentStatus } from './payment.ts';

export type NewPayment = Omit<Payment, 'id'>;

/** The writes of one payment transition, done inside one transaction with the rows locked. */
export type PaymentTx = {
  /** The link row, locked until the transaction ends (`SELECT … FOR UPDATE`). */
  lockLink: (linkId: number) => Promise<PaymentLink | null>;
  lockPayment: (paymentId: number) => Promise<Payment | null>;
  setPaymentStatus: (paymentId: number, status: PaymentStatus, at: Date) => Promise<Payment>;
  /** One more use of the link: usage + 1, payment_date, and closed when it reaches max_usage. */
  recordLinkUse: (linkId: number, paidAt: Date) => Promise<PaymentLink>;
  /** Cancels every other pending payment of the link; answers how many. */
  cancelOtherPending: (linkId: number, exceptPaymentId: number, at: Date) => Promise<Payment[]>;
};

export type PaymentStore = {
  /**
   * Stores a new pending payment if the link is still open at that moment (checked with the
   * link row locked); 'method_value_taken' when the VA number is already in use.
   */
  insertPending: (
    payment: NewPayment,
    now: Date,
  ) => Promise<Payment | 'link_not_open' | 'method_value_taken'>;
  findByReffNo: (reffNo: string) => Promise<Payment | null>;
  /** The newest payment with this method and VA number / QRIS reference. */
  findByMethodValue: (methodCode: string, value: string) => Promise<Payment | null>;
  /** The newest VA payment with this number, whatever the bank. */
  findByVaNumber: (vaNumber: string) => Promise<Payment | null>;
  /** The link's payments, newest first. */
  listByLink: (linkId: number, limit: number) => Promise<Payment[]>;
  transaction: <T>(work: (tx: PaymentTx) => Promise<T>) => Promise<T>;
};
