import type { Logger } from '../../logger.ts';
import {
  endPaymentAsGatewaySays,
  expirePayment,
  type ReceiveDeps,
  receivePayment,
} from '../payment/receive-payment.ts';
import { isPastDeadline, type Payment } from '../payment/payment.ts';
import type { GatewayState, PaymentConnector } from './connector.ts';

export type GatewayDeps = ReceiveDeps & { connector: PaymentConnector; log: Logger };

/**
 * How a log line names a payment for whoever must act at the gateway: by its numeric ids and
 * the gateway's own reference (SPEC §9: the payment's reff_no is masked in every log line).
 */
export function paymentFields(payment: Payment, gatewayRef: string | null) {
  return {
    payment_id: payment.id,
    link_id: payment.linkId,
    connector: payment.connector,
    gateway_ref: payment.gatewayRef ?? gatewayRef,
  };
}

/** What one look at the gateway did to the payment. */
export type Applied = 'paid' | 'ended' | 'unchanged' | 'refund_needed';

/**
 * Makes Paylink agree with the gateway's view of one payment (SPEC §10), through the same
 * domain transitions as the sandbox: paid → receivePayment (usage, callbacks, mails, order),
 * ended → expired or cancelled. A state Paylink already has is a no-op, so duplicate and
 * out-of-order notices change nothing. Money the gateway took for a payment Paylink had
 * already ended cannot be taken back here: it is `refund_needed`, reported by the order's
 * closing; money Paylink refuses for a pending payment is logged here as an error.
 */
export async function applyGatewayState(
  deps: GatewayDeps,
  payment: Payment,
  state: GatewayState,
): Promise<Applied> {
  switch (state.kind) {
    case 'paid': {
      const received = await receivePayment(deps, payment, state.amount, { paidAt: state.paidAt });
      if (received.ok) return 'paid';
      const now = await deps.payments.findByReffNo(payment.reffNo);
      if (now && (now.status === 'paid' || now.status === 'settled')) return 'unchanged';
      // An ended gateway payment has a closing (migration 0011), which finds the order paid
      // and reports it for a refund (server/worker/gateway-work.ts): once, not per notice.
      if (now && (now.status === 'expired' || now.status === 'cancelled')) return 'refund_needed';
      deps.log.error('gateway took money for a payment Paylink does not take: refund it', {
        ...paymentFields(payment, state.gatewayRef),
        status: now?.status ?? payment.status,
        reason: received.code,
        amount: state.amount,
      });
      return 'refund_needed';
    }
    case 'ended': {
      const ended = await endPaymentAsGatewaySays(deps, payment.id, state.as);
      return ended.ok ? 'ended' : 'unchanged';
    }
    case 'pending': {
      if (payment.status !== 'pending' || !isPastDeadline(payment, deps.clock()))
        return 'unchanged';
      return (await expirePayment(deps, payment.id)).ok ? 'ended' : 'unchanged';
    }
    case 'reversed': {
      if (payment.status === 'paid' || payment.status === 'settled') {
        deps.log.error('gateway reversed a payment Paylink counted as paid', {
          ...paymentFields(payment, null),
          status: payment.status,
        });
      }
      return 'unchanged';
    }
    case 'missing':
      return 'unchanged';
  }
}

/**
 * Asks the gateway about one of its payments and applies the answer; 'unavailable' when the
 * gateway does not answer (the next pass asks again).
 */
export async function reconcileWithGateway(
  deps: GatewayDeps,
  payment: Payment,
): Promise<Applied | 'unavailable'> {
  const state = await deps.connector.status(payment.reffNo);
  if (state === 'unavailable') return 'unavailable';
  await deps.payments.markGatewayChecked(payment.id, deps.clock());
  return applyGatewayState(deps, payment, state);
}
