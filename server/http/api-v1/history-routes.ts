import { Hono } from 'hono';
import * as v from 'valibot';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { validate } from '../read-body.ts';
import { paginate, sendData, sendFailure, sendList } from '../respond.ts';
import { historyQueryInput, HistoryQuerySchema, IdQuery } from './history-query.ts';
import { PageQueryEntries } from './link-schemas.ts';
import { parseLinkId } from './payment-link-routes.ts';
import { presentDelivery } from './present-delivery.ts';
import { presentPayment } from './present-payment.ts';
import { toPaymentListQuery } from './to-payment-list-query.ts';
import { type MerchantEnv, requireBearer, requireOwnAccount } from './require-bearer.ts';

export const DeliveryQuerySchema = v.object({ ...PageQueryEntries, payment_link_id: IdQuery });

/** SPEC §3.4: the payments of an account (histories) and its callbacks (webhook deliveries). */
export function historyRoutes(deps: Deps) {
  const routes = new Hono<MerchantEnv>();
  for (const base of ['/payment-link-histories/:account_id', '/webhook-deliveries/:account_id']) {
    routes.use(base, requireBearer(deps), requireOwnAccount);
    routes.use(`${base}/*`, requireBearer(deps), requireOwnAccount);
  }

  routes.get('/payment-link-histories/:account_id', async (c) => {
    const input = historyQueryInput(c.req.queries());
    if (!input.ok) return sendFailure(c, input);
    const query = validate(HistoryQuerySchema, input.value);
    if (!query.ok) return sendFailure(c, query);
    const now = deps.clock();
    const listing = toPaymentListQuery(query.value, deps.catalog, now);
    if (!listing.ok) return sendFailure(c, listing);
    const { page, perPage } = listing.value;
    const { rows, total } = await deps.payments.listByAccount(c.get('account').id, listing.value);
    const data = rows.map(({ payment, link }) => presentPayment(payment, link, deps.catalog, now));
    return sendList(c, data, paginate(total, data.length, page, perPage));
  });

  routes.get('/payment-link-histories/:account_id/:history_id', async (c) => {
    const id = parseLinkId(c.req.param('history_id'));
    const found = id === null ? null : await deps.payments.findWithLink(c.get('account').id, id);
    if (!found) return sendFailure(c, failure('PAYMENT_NOT_FOUND', 'Payment not found.'));
    return sendData(c, presentPayment(found.payment, found.link, deps.catalog, deps.clock()));
  });

  routes.get('/webhook-deliveries/:account_id', async (c) => {
    const query = validate(DeliveryQuerySchema, c.req.query());
    if (!query.ok) return sendFailure(c, query);
    const { page, per_page: perPage, payment_link_id: linkId } = query.value;
    const { deliveries, total } = await deps.deliveries.listByAccount(c.get('account').id, {
      linkId: linkId ?? null,
      page,
      perPage,
    });
    const data = deliveries.map(presentDelivery);
    return sendList(c, data, paginate(total, data.length, page, perPage));
  });

  return routes;
}
