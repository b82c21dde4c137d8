import type { EventContext } from '../delivery/payment-events.ts';
import {
  inquiryDeliveries,
  paidDeliveries,
  settledDeliveries,
} from '../delivery/payment-events.ts';
import type { Clock } from '../shared/clock.ts';
import { failure, type Result, success } from '../shared/result.ts';
import { decidePayment } from './decide-payment.ts';
import { isUsedUp, type PaymentLink } from '../payment-link/payment-link.ts';
import { isPastDeadline, type Payment } from './payment.ts';
import type { PaymentStore, PaymentTx } from './payment-store.ts';

export type ReceiveDeps = {
  clock: Clock;
  payments: PaymentStore;
  eventContext: (now: Date) => EventContext;
};

/** Marks a pending payment expired and queues the inquiry-expired event (SPEC §6). */
async function expireInside(
  deps: ReceiveDeps,
  tx: PaymentTx,
  payment: Payment,
  link: PaymentLink,
  now: Date,
) {
  const expired = await tx.setPaymentStatus(payment.id, 'expired', now);
  const account = await tx.findAccount(payment.accountId);
  if (account) {
    await tx.enqueue(
      inquiryDeliveries(
        { payment: expired, link, account },
        deps.eventContext(now),
        'payment_link.inquiry.expired',
      ),
      now,
    );
  }
  return expired;
}

/**
 * Money arrived for a payment (SPEC §2). In one transaction, with the link row locked first
 * (every payer of a link queues on it, so usage cannot pass max_usage): mark it paid, count
 * the use, close the link at max_usage, cancel its other pending payments, and queue the
 * merchant's callback and the customer's receipt. A repeated or late notice changes nothing.
 */
export async function receivePayment(
  deps: ReceiveDeps,
  found: Payment,
  amount: number | null,
  options: { paidAt?: Date } = {},
): Promise<Result<Payment>> {
  const clockNow = deps.clock();
  return deps.payments.transaction(async (tx) => {
    const locked = await tx.lockPaymentAndLink(found.id);
    if (!locked) throw new Error(`payment ${found.id} lost its link`);
    const { payment, link } = locked;
    // A gateway's notice may come late (SPEC §10): the money arrived when the gateway took it,
    // so it is judged at that moment (within the payment's life, never in the future).
    const now = options.paidAt ? paidMoment(options.paidAt, payment, clockNow) : clockNow;

    const decision = decidePayment(payment, link, amount, now);
    if (decision.kind === 'refuse') {
      if (decision.then === 'expire') await expireInside(deps, tx, payment, link, now);
      if (decision.then === 'cancel') await tx.setPaymentStatus(payment.id, 'cancelled', now);
      return failure(decision.reason, decision.message);
    }
    const paid = await tx.setPaymentStatus(payment.id, 'paid', now);
    const used = await tx.recordLinkUse(link.id, now);
    if (isUsedUp(used)) await tx.cancelOtherPending(link.id, payment.id, now);
    const account = await tx.findAccount(paid.accountId);
    if (!account) throw new Error(`payment ${paid.id} has no account`);
    await tx.enqueue(
      paidDeliveries({ payment: paid, link: used, account }, deps.eventContext(now)),
      now,
    );
    return success(paid);
  });
}

function paidMoment(paidAt: Date, payment: Payment, now: Date): Date {
  const time = Math.max(payment.createdAt.getTime(), Math.min(paidAt.getTime(), now.getTime()));
  return new Date(time);
}

type LockedWork = (
  tx: PaymentTx,
  locked: { payment: Payment; link: PaymentLink },
  now: Date,
) => Promise<Result<Payment>>;

/** Runs `work` in one transaction on the payment and its link, both locked; 404 without one. */
function withLockedPayment(deps: ReceiveDeps, paymentId: number, work: LockedWork) {
  const now = deps.clock();
  return deps.payments.transaction(async (tx) => {
    const locked = await tx.lockPaymentAndLink(paymentId);
    if (!locked) return failure('PAYMENT_NOT_FOUND', 'No such payment.');
    return work(tx, locked, now);
  });
}

/** SPEC §2: a paid payment becomes settled once, and the merchant is told; else refused. */
export function settlePayment(deps: ReceiveDeps, paymentId: number): Promise<Result<Payment>> {
  return withLockedPayment(deps, paymentId, async (tx, { payment, link }, now) => {
    if (payment.status !== 'paid')
      return failure('NOT_SETTLEABLE', `This payment is ${payment.status}, not paid.`);
    const settled = await tx.setPaymentStatus(payment.id, 'settled', now);
    const account = await tx.findAccount(settled.accountId);
    if (!account) throw new Error(`payment ${settled.id} has no account`);
    await tx.enqueue(
      settledDeliveries({ payment: settled, link, account }, deps.eventContext(now)),
      now,
    );
    return success(settled);
  });
}

/** The worker's expiry: a pending payment past its deadline becomes expired, once. */
export function expirePayment(deps: ReceiveDeps, paymentId: number): Promise<Result<Payment>> {
  return withLockedPayment(deps, paymentId, async (tx, { payment, link }, now) => {
    if (payment.status !== 'pending' || !isPastDeadline(payment, now)) {
      return failure('NOT_PAYABLE', `This payment is ${payment.status}.`);
    }
    return success(await expireInside(deps, tx, payment, link, now));
  });
}

/**
 * The customer chose another method: a pending payment is cancelled so its VA/QR refuses money.
 * One already past its deadline is recorded as expired instead, which is what it became first.
 */
export function cancelPayment(deps: ReceiveDeps, paymentId: number): Promise<Result<Payment>> {
  return withLockedPayment(deps, paymentId, async (tx, { payment, link }, now) => {
    if (payment.status !== 'pending')
      return failure('NOT_PAYABLE', `This payment is ${payment.status}.`);
    if (isPastDeadline(payment, now)) {
      await expireInside(deps, tx, payment, link, now);
      return failure('NOT_PAYABLE', 'This payment has expired.');
    }
    return success(await tx.setPaymentStatus(payment.id, 'cancelled', now));
  });
}

/**
 * SPEC §10: the gateway ended a pending payment itself (its expiry, a cancel in its dashboard):
 * Paylink records the same, with the same events as its own expiry or cancel. Anything but a
 * pending payment is left as it is (a duplicate or stale notice).
 */
export function endPaymentAsGatewaySays(
  deps: ReceiveDeps,
  paymentId: number,
  as: 'expired' | 'cancelled',
): Promise<Result<Payment>> {
  return withLockedPayment(deps, paymentId, async (tx, { payment, link }, now) => {
    if (payment.status !== 'pending')
      return failure('NOT_PAYABLE', `This payment is ${payment.status}.`);
    if (as === 'expired') return success(await expireInside(deps, tx, payment, link, now));
    return success(await tx.setPaymentStatus(payment.id, 'cancelled', now));
  });
}
