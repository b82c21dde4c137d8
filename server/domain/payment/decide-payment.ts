import { computeLinkStatus, type PaymentLink } from '../payment-link/payment-link.ts';
import { isPastDeadline, type Payment } from './payment.ts';

/**
 * What to do with money arriving for a payment. Pure, so that it is decided the same way
 * wherever the notice comes from (sandbox, a provider webhook), and tested as a table.
 */
export type PayDecision =
  | { kind: 'pay' }
  | {
      kind: 'refuse';
      reason: 'NOT_PAYABLE';
      message: string;
      then: 'nothing' | 'expire' | 'cancel';
    }
  | { kind: 'refuse'; reason: 'WRONG_AMOUNT'; message: string; then: 'nothing' };

export function decidePayment(
  payment: Payment,
  link: PaymentLink,
  amount: number | null,
  now: Date,
): PayDecision {
  if (payment.status !== 'pending') {
    return {
      kind: 'refuse',
      reason: 'NOT_PAYABLE',
      message: `This payment is ${payment.status}.`,
      then: 'nothing',
    };
  }
  if (isPastDeadline(payment, now)) {
    return {
      kind: 'refuse',
      reason: 'NOT_PAYABLE',
      message: 'This payment has expired.',
      then: 'expire',
    };
  }
  // SPEC §2: only an open link takes money. A payment never outlives its link's expired_at,
  // so it expires with the link (the link's expiry may have been brought forward after the
  // payment started); a payment of a closed link is cancelled.
  const linkStatus = computeLinkStatus(link, now);
  if (linkStatus !== 'open') {
    return {
      kind: 'refuse',
      reason: 'NOT_PAYABLE',
      message: `The payment link is ${linkStatus}.`,
      then: linkStatus === 'expired' ? 'expire' : 'cancel',
    };
  }
  if (amount !== null && amount !== payment.amount) {
    return {
      kind: 'refuse',
      reason: 'WRONG_AMOUNT',
      message: `The amount must be exactly ${payment.amount} rupiah.`,
      then: 'nothing',
    };
  }
  return { kind: 'pay' };
}
