import type { Clock } from '../shared/clock.ts';
import { failure, type Result, success } from '../shared/result.ts';
import { decidePayment } from './decide-payment.ts';
import { isPastDeadline, type Payment } from './payment.ts';
import type { PaymentStore } from './payment-store.ts';

export type ReceiveDeps = { clock: Clock; payments: PaymentStore };

/**
 * Money arrived for a payment (SPEC §2). In one transaction, with the link row locked first
 * (every payer of a link queues on it, so usage cannot pass max_usage): mark it paid, count
 * the use, close the link at max_usage and cancel its other pending payments. A repeated or
 * late notice changes nothing and is refused.
 */
export async function receivePayment(
  deps: ReceiveDeps,
  found: Payment,
  amount: number | null,
): Promise<Result<Payment>> {
  const now = deps.clock();
  return deps.payments.transaction(async (tx) => {
    // Link first, then payment: the one lock order of every transaction here (no deadlock).
    const link = await tx.lockLink(found.linkId);
    const payment = await tx.lockPayment(found.id);
    if (!link || !payment) throw new Error(`payment ${found.id} lost its link`);

    const decision = decidePayment(payment, link, amount, now);
    if (decision.kind === 'refuse') {
      if (decision.then === 'expire') await tx.setPaymentStatus(payment.id, 'expired', now);
      if (decision.then === 'cancel') await tx.setPaymentStatus(payment.id, 'cancelled', now);
      return failure(decision.reason, decision.message);
    }
    const paid = await tx.setPaymentStatus(payment.id, 'paid', now);
    const used = await tx.recordLinkUse(link.id, now);
    if (used.currentUsage >= used.maxUsage) await tx.cancelOtherPending(link.id, payment.id, now);
    return success(paid);
  });
}

/** SPEC §2: a paid payment becomes settled once; anything else is refused. */
export async function settlePayment(
  deps: ReceiveDeps,
  paymentId: number,
): Promise<Result<Payment>> {
  const now = deps.clock();
  return deps.payments.transaction(async (tx) => {
    const payment = await tx.lockPayment(paymentId);
    if (!payment) return failure('PAYMENT_NOT_FOUND', 'No such payment.');
    if (payment.status !== 'paid')
      return failure('NOT_SETTLEABLE', `This payment is ${payment.status}, not paid.`);
    return success(await tx.setPaymentStatus(payment.id, 'settled', now));
  });
}

/**
 * The customer chose another method: a pending payment is cancelled so its VA/QR refuses money.
 * One already past its deadline is recorded as expired instead, which is what it became first.
 */
export async function cancelPayment(
  deps: ReceiveDeps,
  paymentId: number,
): Promise<Result<Payment>> {
  const now = deps.clock();
  return deps.payments.transaction(async (tx) => {
    const payment = await tx.lockPayment(paymentId);
    if (!payment) return failure('PAYMENT_NOT_FOUND', 'No such payment.');
    if (payment.status !== 'pending')
      return failure('NOT_PAYABLE', `This payment is ${payment.status}.`);
    if (isPastDeadline(payment, now)) {
      await tx.setPaymentStatus(payment.id, 'expired', now);
      return failure('NOT_PAYABLE', 'This payment has expired.');
    }
    return success(await tx.setPaymentStatus(payment.id, 'cancelled', now));
  });
}
