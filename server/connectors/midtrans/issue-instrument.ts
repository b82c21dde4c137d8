import type { InstrumentRequest, IssueOutcome } from '../../domain/connector/connector.ts';
import { buildChargeRequest } from './charge-request.ts';
import { readChargeResponse } from './charge-response.ts';
import type { MidtransHttp } from './midtrans-http.ts';
import { mapGatewayState } from './status-mapping.ts';

const unavailable = (message: string, mayExist: boolean): IssueOutcome => ({
  ok: false,
  reason: 'unavailable',
  message,
  mayExist,
});

/** Cancels an order the customer will never see; whether it now surely refuses money. */
async function cancelled(http: MidtransHttp, orderId: string): Promise<boolean> {
  return (await http.cancel(orderId)).kind === 'ok';
}

/**
 * After a charge that got no usable answer twice: asks Midtrans whether the order was made
 * and, if it waits for money, cancels it, so that nothing half-created stays payable (SPEC
 * §10). Only a successful cancel says the order is gone; a missing order could still be
 * created by a charge that is late on its way, so it is left for the caller to close.
 */
async function withdrawUnanswered(
  http: MidtransHttp,
  orderId: string,
  why: string,
): Promise<IssueOutcome> {
  const status = await http.status(orderId);
  const state = status.kind === 'ok' ? mapGatewayState(status.body) : null;
  const isGone = state?.kind === 'pending' && (await cancelled(http, orderId));
  return unavailable(`Midtrans did not make the payment: ${why}`, !isGone);
}

/**
 * Starts one payment at Midtrans. The order id and `Idempotency-Key` are the payment's
 * reff_no, so a retry cannot make a second order: Midtrans replays a stored success for
 * 5 minutes (reference A.1). One retry, then the half-made order is withdrawn.
 */
export async function issueMidtransInstrument(
  http: MidtransHttp,
  request: InstrumentRequest,
  notificationUrl: string | null,
): Promise<IssueOutcome> {
  const charge = buildChargeRequest(request);
  if (!charge.ok) return { ok: false, reason: 'refused', message: charge.message, mayExist: false };
  const headers = { idempotencyKey: request.reffNo, overrideNotificationUrl: notificationUrl };
  const first = await http.charge(charge.body, headers);
  const answer = first.kind === 'unavailable' ? await http.charge(charge.body, headers) : first;
  const isRetry = answer !== first;

  if (answer.kind === 'ok') {
    const instrument = readChargeResponse(charge.channel, answer.body, request.reffNo);
    if (instrument) return { ok: true, instrument };
    const isGone = await cancelled(http, request.reffNo);
    return unavailable('Midtrans answered without the payment details.', !isGone);
  }
  // Permata and Indomaret ignore Idempotency-Key (A.1): there a retry meets the order the
  // first call made as a duplicate (406).
  if (answer.kind === 'unavailable' || (isRetry && answer.statusCode === 406)) {
    const why = answer.kind === 'unavailable' ? answer.reason : 'the order exists unseen';
    return withdrawUnanswered(http, request.reffNo, why);
  }
  const details = [answer.message, ...answer.validationMessages].filter(Boolean).join('; ');
  return {
    ok: false,
    reason: 'refused',
    message: `Midtrans refused the payment (${answer.statusCode}): ${details}`,
    // 406: an order with this id exists already (pending or paid) and must be looked after.
    mayExist: answer.statusCode === 406,
  };
}
