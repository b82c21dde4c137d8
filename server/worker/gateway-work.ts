import { paymentFields, reconcileWithGateway } from '../domain/connector/apply-gateway-state.ts';
import type { CloseOutcome, GatewayState } from '../domain/connector/connector.ts';
import { closingRetryDelayMs, type GatewayClosing } from '../domain/connector/gateway-closing.ts';
import { expirePayment } from '../domain/payment/receive-payment.ts';
import type { Payment } from '../domain/payment/payment.ts';
import type { Deps } from '../deps.ts';

const BATCH = 50;
/** A closing being tried stays hidden from other workers this long (more than one call). */
const CLOSING_LEASE_MS = 60_000;
/** A pending payment is first asked about this long after it started, then less and less often. */
export const FIRST_CHECK_AFTER_MS = 60_000;

/**
 * One worker pass's view of the gateway: after a call goes unanswered the pass asks nothing
 * more of it, so a gateway that is down costs one timeout per pass, not one per due payment,
 * and the callbacks and mails of the pass are not held up behind it.
 */
export type GatewayPass = { isDown: boolean };

/** Whether this payment's instrument lives at the gateway this process talks to. */
export function isAtGateway(deps: Deps, payment: Payment): boolean {
  return deps.connector.isRemote && payment.connector === deps.connector.name;
}

/**
 * SPEC §10: pending gateway payments whose notification is late are asked about by status:
 * a minute after they start, then whenever a quarter of their age has passed since the last
 * look (a day-long VA is asked some twenty times, not every minute).
 */
export async function reconcileDuePayments(
  deps: Deps,
  now: Date,
  pass: GatewayPass,
): Promise<number> {
  if (!deps.connector.isRemote || pass.isDown) return 0;
  const due = await deps.payments.findDueForGatewayCheck(
    new Date(now.getTime() - FIRST_CHECK_AFTER_MS),
    now,
    BATCH,
  );
  let changed = 0;
  for (const payment of due.filter((each) => isAtGateway(deps, each))) {
    const applied = await reconcileWithGateway(deps, payment);
    if (applied === 'unavailable') {
      pass.isDown = true;
      break;
    }
    if (applied === 'paid' || applied === 'ended') changed += 1;
  }
  return changed;
}

/**
 * A gateway payment at its deadline. Its order is expired at the gateway first, so that it
 * refuses money from now on: the order's own expiry may be later (the link's expired_at was
 * brought forward after it was made, SPEC §2) or its expiry job late (Midtrans is reliable
 * only from 15 minutes). Then Paylink expires the payment. When the order had already ended
 * or been paid, its status decides instead: money taken before the deadline, its notice still
 * on the way, is a payment (judged at its `paidAt`). An unanswered call is tried next pass.
 */
export async function expireAtGateway(
  deps: Deps,
  payment: Payment,
  now: Date,
  pass: GatewayPass,
): Promise<boolean> {
  if (pass.isDown) return false;
  const outcome = await deps.connector.close(payment.reffNo, 'expire');
  if (outcome === 'unavailable') {
    pass.isDown = true;
    return false;
  }
  if (outcome === 'final') return (await reconcileWithGateway(deps, payment)) === 'ended';
  const expired = (await expirePayment(deps, payment.id)).ok;
  // Expiring queued a closing for the order (migration 0011); this call has just made it.
  if (expired) await deps.gatewayClosings.finish(payment.reffNo, outcome, now);
  return expired;
}

/** Ends at the gateway what Paylink ended (SPEC §10), retrying while the gateway is away. */
export async function closeDueOrders(deps: Deps, now: Date, pass: GatewayPass): Promise<number> {
  if (!deps.connector.isRemote || pass.isDown) return 0;
  const claimed = await deps.gatewayClosings.claimDue(now, CLOSING_LEASE_MS, BATCH);
  let closed = 0;
  for (const closing of claimed) {
    if (closing.connector !== deps.connector.name) {
      // Another connector's order (PAYMENT_PROVIDER changed): kept for when it is back.
      await deps.gatewayClosings.retry(closing.orderId, now, new Date(now.getTime() + 3_600_000));
      continue;
    }
    if (pass.isDown) {
      // Claimed, but the gateway stopped answering earlier in this pass: due again next pass.
      await deps.gatewayClosings.retry(closing.orderId, now, now);
      continue;
    }
    const outcome = await closeOne(deps, closing);
    if (outcome === 'unavailable') {
      pass.isDown = true;
      const retryAt = new Date(now.getTime() + closingRetryDelayMs(closing.attempts));
      await deps.gatewayClosings.retry(closing.orderId, now, retryAt);
      // The order id is a payment reference, masked in every line: the count tells enough.
      deps.log.warn('gateway did not answer a close; trying again', {
        connector: closing.connector,
        attempts: closing.attempts,
      });
      continue;
    }
    await deps.gatewayClosings.finish(closing.orderId, outcome, now);
    if (outcome === 'closed') closed += 1;
  }
  return closed;
}

/**
 * Closes one order. One the gateway could not close because it had ended is looked at: if it
 * was paid, the money came for a payment Paylink had ended, and this is the one place that
 * reports it (every ended gateway payment gets a closing). Until the gateway says which, the
 * closing stays open.
 */
async function closeOne(deps: Deps, closing: GatewayClosing): Promise<CloseOutcome> {
  const outcome = await deps.connector.close(closing.orderId, closing.action);
  if (outcome !== 'final') return outcome;
  const state = await deps.connector.status(closing.orderId);
  if (state === 'unavailable') return 'unavailable';
  if (state.kind === 'paid') await reportMoneyTaken(deps, closing.orderId, state);
  return 'final';
}

/** Money the gateway took for an order Paylink ended: an error naming it for a refund. */
async function reportMoneyTaken(
  deps: Deps,
  orderId: string,
  state: Extract<GatewayState, { kind: 'paid' }>,
): Promise<void> {
  const payment = await deps.payments.findByReffNo(orderId);
  if (payment && (payment.status === 'paid' || payment.status === 'settled')) return;
  // A start that failed leaves no payment: then the gateway's reference alone names it.
  const named = payment
    ? paymentFields(payment, state.gatewayRef)
    : { connector: deps.connector.name, gateway_ref: state.gatewayRef };
  deps.log.error('gateway took money for a payment Paylink had ended: refund it', {
    ...named,
    status: payment?.status ?? 'never started',
    amount: state.amount,
  });
}
