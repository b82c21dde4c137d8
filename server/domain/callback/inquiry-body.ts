import { effectivePaymentStatus, type Payment } from '../payment/payment.ts';
import { formatSingapayTime } from './callback-time.ts';

/** SPEC §6: a link viewed (a method picked), or one of its payments expired. */
export type InquiryEvent = 'payment_link.inquiry' | 'payment_link.inquiry.expired';

export type InquiryBodyInput = {
  event: InquiryEvent;
  payment: Payment;
  /** The catalog's display name of the payment's method, e.g. `VA BRI`. */
  methodName: string;
  now: Date;
};

/**
 * SingaPay's inquiry webhook body (reference §4.3). Unlike the transaction webhook, `amount`
 * is an integer here; `payment_method_additional` is always null because our methods carry
 * nothing beyond the VA number or QRIS reference.
 */
export function buildInquiryBody({ event, payment, methodName, now }: InquiryBodyInput) {
  return {
    status: 200,
    success: true,
    event,
    timestamp: formatSingapayTime(now),
    data: {
      payment_link_history: {
        reff_no: payment.reffNo,
        // A payment past its deadline reads as expired even before the sweep marks it.
        status: effectivePaymentStatus(payment, now),
        payment_method_name: methodName,
        payment_method_value: payment.methodValue,
        payment_method_additional: null,
        amount: payment.amount,
      },
    },
  };
}
