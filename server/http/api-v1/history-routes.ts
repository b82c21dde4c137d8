import { Hono } from 'hono';
import * as v from 'valibot';
import { PAYMENT_STATUSES } from '../../domain/payment/payment.ts';
import { toWibIso as toIso } from '../../domain/shared/jakarta-time.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { validate } from '../read-body.ts';
import { paginate, sendData, sendFailure, sendList } from '../respond.ts';
import { PageQueryEntries } from './link-schemas.ts';
import { parseLinkId } from './payment-link-routes.ts';
import { presentPayment } from './present-payment.ts';
import { type MerchantEnv, requireBearer, requireOwnAccount } from './require-bearer.ts';

const IdQuery = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,9}$/, 'Must be a payment link id.'),
    v.toNumber(),
    v.maxValue(2_147_483_647, 'Must be a payment link id.'),
  ),
);

const HistoryQuerySchema = v.object({
  ...PageQueryEntries,
  payment_link_id: IdQuery,
  status: v.optional(
    v.picklist(PAYMENT_STATUSES, `Must be one of ${PAYMENT_STATUSES.join(', ')}.`),
  ),
});

const DeliveryQuerySchema = v.object({ ...PageQueryEntries, payment_link_id: IdQuery });

/** SPEC §3.4: the payments of an account (histories) and its callbacks (webhook deliveries). */
export function historyRoutes(deps: Deps) {
  const routes = new Hono<MerchantEnv>();
  for (const base of ['/payment-link-histories/:account_id', '/webhook-deliveries/:account_id']) {
    routes.use(base, requireBearer(deps), requireOwnAccount);
    routes.use(`${base}/*`, requireBearer(deps), requireOwnAccount);
  }

  routes.get('/payment-link-histories/:account_id', async (c) => {
    const query = validate(HistoryQuerySchema, c.req.query());
    if (!query.ok) return sendFailure(c, query);
    const { page, per_page: perPage, payment_link_id: linkId, status } = query.value;
    const { rows, total } = await deps.payments.listByAccount(c.var.account.id, {
      linkId: linkId ?? null,
      status: status ?? null,
      page,
      perPage,
    });
    const now = deps.clock();
    const data = rows.map(({ payment, link }) => presentPayment(payment, link, deps.catalog, now));
    return sendList(c, data, paginate(total, data.length, page, perPage));
  });

  routes.get('/payment-link-histories/:account_id/:history_id', async (c) => {
    const id = parseLinkId(c.req.param('history_id'));
    const found = id === null ? null : await deps.payments.findWithLink(c.var.account.id, id);
    if (!found) return sendFailure(c, failure('PAYMENT_NOT_FOUND', 'Payment not found.'));
    return sendData(c, presentPayment(found.payment, found.link, deps.catalog, deps.clock()));
  });

  routes.get('/webhook-deliveries/:account_id', async (c) => {
    const query = validate(DeliveryQuerySchema, c.req.query());
    if (!query.ok) return sendFailure(c, query);
    const { page, per_page: perPage, payment_link_id: linkId } = query.value;
    const { deliveries, total } = await deps.deliveries.listByAccount(c.var.account.id, {
      linkId: linkId ?? null,
      page,
      perPage,
    });
    const data = deliveries.map((delivery) => ({
      id: delivery.id,
      event: delivery.event,
      channel: delivery.channel,
      // A mail's address is the customer's: shown to the merchant who holds it anyway.
      target: delivery.target,
      webhook_id: delivery.messageId,
      payment_link_id: delivery.linkId,
      attempts: delivery.attempts,
      last_status_code: delivery.lastStatusCode,
      last_error: delivery.lastError,
      next_attempt_at:
        delivery.deliveredAt || delivery.failedAt ? null : toIso(delivery.nextAttemptAt),
      delivered_at: delivery.deliveredAt ? toIso(delivery.deliveredAt) : null,
      failed_at: delivery.failedAt ? toIso(delivery.failedAt) : null,
      created_at: toIso(delivery.createdAt),
    }));
    return sendList(c, data, paginate(total, data.length, page, perPage));
  });

  return routes;
}
