import type { Account } from '../account/account.ts';
import type { NewDelivery } from '../delivery/delivery.ts';
import type { PaymentLink } from '../payment-link/payment-link.ts';
import type { Payment, PaymentStatus } from './payment.ts';
import type { PaymentListQuery } from './payment-list-query.ts';

export type NewPayment = Omit<Payment, 'id'>;

/** The writes of one payment transition, done inside one transaction with the rows locked. */
export type PaymentTx = {
  /** The link row, locked until the transaction ends (`SELECT … FOR UPDATE`). */
  lockLink: (linkId: number) => Promise<PaymentLink | null>;
  lockPayment: (paymentId: number) => Promise<Payment | null>;
  /**
   * The payment and its link, both locked, link first: the one lock order of every
   * transaction here, so that two of them never wait on each other (no deadlock).
   */
  lockPaymentAndLink: (
    paymentId: number,
  ) => Promise<{ payment: Payment; link: PaymentLink } | null>;
  setPaymentStatus: (paymentId: number, status: PaymentStatus, at: Date) => Promise<Payment>;
  /** One more use of the link: usage + 1, payment_date, and closed when it reaches max_usage. */
  recordLinkUse: (linkId: number, paidAt: Date) => Promise<PaymentLink>;
  /** Cancels every other pending payment of the link; answers how many. */
  cancelOtherPending: (linkId: number, exceptPaymentId: number, at: Date) => Promise<Payment[]>;
  findAccount: (accountId: string) => Promise<Account | null>;
  /** Puts callbacks and mails in the outbox, committed together with the state change. */
  enqueue: (deliveries: NewDelivery[], now: Date) => Promise<void>;
};

export type PaymentStore = {
  /**
   * Stores a new pending payment if the link is still open at that moment, and cancels the
   * link's oldest pending payments beyond the newest `maxPending` (those not yet past their
   * deadline), all in one transaction with the link row locked first; 'method_value_taken'
   * when the VA number is already in use.
   */
  insertPending: (
    payment: NewPayment,
    options: {
      now: Date;
      maxPending: number;
      followUps?: (stored: Payment, link: PaymentLink, account: Account) => NewDelivery[];
    },
  ) => Promise<Payment | 'link_not_open' | 'method_value_taken'>;
  /**
   * Pending gateway payments to ask about: last asked (or started) at or before
   * `checkedBefore`, and at least a quarter of their age (at `now`) ago; oldest look first.
   */
  findDueForGatewayCheck: (checkedBefore: Date, now: Date, limit: number) => Promise<Payment[]>;
  markGatewayChecked: (paymentId: number, at: Date) => Promise<void>;
  findByReffNo: (reffNo: string) => Promise<Payment | null>;
  /**
   * SPEC §10: an order to end at the gateway that has no pending payment (a start that failed
   * after the gateway may have made it); the worker closes it. Payments that end are queued
   * by the database itself (migration 0011).
   */
  closeAtGateway: (connector: string, orderId: string, now: Date) => Promise<void>;
  /** The newest payment with this method and VA number / QRIS reference. */
  findByMethodValue: (methodCode: string, value: string) => Promise<Payment | null>;
  /** The newest VA payment with this number, whatever the bank. */
  findByVaNumber: (vaNumber: string) => Promise<Payment | null>;
  /** The link's payments, newest first. */
  listByLink: (linkId: number, limit: number) => Promise<Payment[]>;
  /** One page of an account's payments with their links, and how many match (SPEC §3.4). */
  listByAccount: (
    accountId: string,
    query: PaymentListQuery,
  ) => Promise<{ rows: { payment: Payment; link: PaymentLink }[]; total: number }>;
  findWithLink: (
    accountId: string,
    paymentId: number,
  ) => Promise<{ payment: Payment; link: PaymentLink } | null>;
  /** Pending payments whose deadline has passed, oldest first (the worker expires them). */
  findDueForExpiry: (now: Date, limit: number) => Promise<Payment[]>;
  /** Paid payments paid at or before `paidBefore`, oldest first (the worker settles them). */
  findDueForSettlement: (paidBefore: Date, limit: number) => Promise<Payment[]>;
  transaction: <T>(work: (tx: PaymentTx) => Promise<T>) => Promise<T>;
};
