import { Hono } from 'hono';
import * as v from 'valibot';
import { applyGatewayState } from '../../domain/connector/apply-gateway-state.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { RETRY_AFTER_SECONDS } from '../error-table.ts';
import { readJson } from '../read-body.ts';
import { sendFailure } from '../respond.ts';

/** What Paylink answers a gateway: what the notice led to (the gateway only reads the 200). */
export const NotificationAnswerSchema = v.object({
  status: v.picklist(['paid', 'ended', 'unchanged', 'refund_needed', 'ignored']),
});

/**
 * SPEC §10: `POST /providers/{name}/notifications`, the gateway's HTTP notification. It is
 * believed only when its signature verifies, and then only as far as the gateway's status
 * API confirms it: the state applied is the one the status call answers, never the body's.
 * Duplicates and stale notices change nothing; an unverifiable one is 401 and changes nothing.
 */
export function notificationRoutes(deps: Deps): Hono {
  const routes = new Hono();
  routes.post('/:name/notifications', async (c) => {
    const connector = deps.connector;
    if (!connector.isRemote || c.req.param('name') !== connector.name) {
      return sendFailure(c, failure('NOT_FOUND', `No payment provider "${c.req.param('name')}".`));
    }
    const body = await readJson(c);
    if (!body.ok) return sendFailure(c, body);
    const notice = connector.readNotification(body.value);
    if (!notice.ok) {
      deps.log.warn('gateway notification refused', {
        connector: connector.name,
        reason: notice.reason,
      });
      return notice.reason === 'unverified'
        ? sendFailure(
            c,
            failure('INVALID_SIGNATURE', 'The notification signature does not verify.'),
          )
        : sendFailure(
            c,
            failure('VALIDATION_FAILED', 'Not a notification of this gateway.', {
              body: ['Must carry order_id, status_code, gross_amount and signature_key.'],
            }),
          );
    }
    const payment = await deps.payments.findByReffNo(notice.orderId);
    // Another system's order on the same gateway account: acknowledged, so it is not re-sent.
    if (!payment || payment.connector !== connector.name) return c.json({ status: 'ignored' });
    const state = await connector.status(notice.orderId);
    if (state === 'unavailable') {
      // The gateway sends it again later (a 503 is retried); nothing has changed meanwhile.
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendFailure(
        c,
        failure(
          'GATEWAY_UNAVAILABLE',
          'The gateway did not confirm the notification; send it again.',
        ),
      );
    }
    await deps.payments.markGatewayChecked(payment.id, deps.clock());
    const applied = await applyGatewayState(deps, payment, state);
    deps.log.info('gateway notification', {
      connector: connector.name,
      payment_id: payment.id,
      gateway_state: state.kind,
      applied,
    });
    return c.json({ status: applied });
  });
  return routes;
}
