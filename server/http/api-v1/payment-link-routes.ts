import { Hono } from 'hono';
import type { Context } from 'hono';
import { createPaymentLink } from '../../domain/payment-link/create-payment-link.ts';
import { deletePaymentLink } from '../../domain/payment-link/delete-payment-link.ts';
import {
  LINK_NOT_FOUND,
  updatePaymentLink,
} from '../../domain/payment-link/update-payment-link.ts';
import type { Deps } from '../../deps.ts';
import { refuseNonPublicCallbackUrls } from '../callback-destinations.ts';
import { idempotencyKey } from './idempotency-key.ts';
import { readJson, validate } from '../read-body.ts';
import { paginate, sendData, sendFailure, sendJsonText, sendList } from '../respond.ts';
import { CreateLinkBodySchema, ListLinksQuerySchema, toCreateLinkInput } from './link-schemas.ts';
import { PatchLinkBodySchema, PutLinkBodySchema, toLinkPatch } from './link-update-schemas.ts';
import { createLinkAnswers } from './link-answers.ts';
import { presentLink } from './present-link.ts';
import { presentPaymentMethods } from './present-payment-methods.ts';
import { type MerchantEnv, requireBearer, requireOwnAccount } from './require-bearer.ts';

export const LINK_DELETED = 'Payment Link deleted successfully';

/** SPEC §3.2–§3.4: the v1.0 payment-link endpoints, mounted under /api/v1.0. */
export function paymentLinkRoutes(deps: Deps) {
  const routes = new Hono<MerchantEnv>();
  routes.use('/payment-link-manage/*', requireBearer(deps));

  // Registered before /:account_id so that the literal is not read as an account id.
  routes.get('/payment-link-manage/payment-methods', (c) =>
    sendData(c, presentPaymentMethods(deps.catalog)),
  );

  // SPEC §3.1: an {account_id} that is not the token's account is a 403.
  routes.use('/payment-link-manage/:account_id/*', requireOwnAccount);
  routes.use('/payment-link-manage/:account_id', requireOwnAccount);

  // SPEC §3.2: Idempotency-Key, on create only.
  routes.post('/payment-link-manage/:account_id', idempotencyKey(deps), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendFailure(c, body);
    const checked = validate(CreateLinkBodySchema, body.value);
    if (!checked.ok) return sendFailure(c, checked);
    const refused = await refuseNonPublicCallbackUrls(deps.config, {
      callback_url: checked.value.callback_url,
    });
    if (refused) return sendFailure(c, refused);
    const account = c.get('account');
    const created = await createPaymentLink(deps, account.id, toCreateLinkInput(checked.value));
    if (!created.ok) return sendFailure(c, created);
    deps.log.info('payment link created', { link_id: created.value.id, account_id: account.id });
    return sendData(
      c,
      presentLink(created.value, account, deps.config.PUBLIC_BASE_URL, deps.clock()),
    );
  });

  routes.get('/payment-link-manage/:account_id', async (c) => {
    const query = validate(ListLinksQuerySchema, c.req.query());
    if (!query.ok) return sendFailure(c, query);
    const { page, per_page: perPage, status, search } = query.value;
    const now = deps.clock();
    const account = c.get('account');
    const { links, total } = await deps.links.list(account.id, {
      status: status ?? null,
      search: search || null,
      page,
      perPage,
      now,
    });
    const data = links.map((link) => presentLink(link, account, deps.config.PUBLIC_BASE_URL, now));
    return sendList(c, data, paginate(total, data.length, page, perPage));
  });

  const linkAnswer = createLinkAnswers(deps.config.PUBLIC_BASE_URL);
  routes.get('/payment-link-manage/:account_id/:payment_link_id', async (c) => {
    const id = parseLinkId(c.req.param('payment_link_id'));
    const account = c.get('account');
    const link = id === null ? null : await deps.links.findById(account.id, id);
    if (!link) return sendFailure(c, LINK_NOT_FOUND);
    return sendJsonText(c, linkAnswer(link, account, deps.clock()));
  });

  // SPEC §3.4: PUT requires `status` (as the gateway does); PATCH takes any subset.
  const update =
    (schema: typeof PatchLinkBodySchema | typeof PutLinkBodySchema) =>
    async (c: Context<MerchantEnv>) => {
      const id = parseLinkId(c.req.param('payment_link_id') ?? '');
      if (id === null) return sendFailure(c, LINK_NOT_FOUND);
      const body = await readJson(c);
      if (!body.ok) return sendFailure(c, body);
      const checked = validate(schema, body.value);
      if (!checked.ok) return sendFailure(c, checked);
      const account = c.get('account');
      const updated = await updatePaymentLink(deps, account.id, id, toLinkPatch(checked.value));
      if (!updated.ok) return sendFailure(c, updated);
      deps.log.info('payment link updated', { link_id: id, account_id: account.id });
      return sendData(
        c,
        presentLink(updated.value, account, deps.config.PUBLIC_BASE_URL, deps.clock()),
      );
    };
  routes.put('/payment-link-manage/:account_id/:payment_link_id', update(PutLinkBodySchema));
  routes.patch('/payment-link-manage/:account_id/:payment_link_id', update(PatchLinkBodySchema));

  routes.delete('/payment-link-manage/:account_id/:payment_link_id', async (c) => {
    const id = parseLinkId(c.req.param('payment_link_id'));
    if (id === null) return sendFailure(c, LINK_NOT_FOUND);
    const account = c.get('account');
    const deleted = await deletePaymentLink(deps, account.id, id);
    if (!deleted.ok) return sendFailure(c, deleted);
    deps.log.info('payment link deleted', { link_id: id, account_id: account.id });
    return sendData(c, { message: LINK_DELETED });
  });

  return routes;
}

/** A positive integer id within PostgreSQL's `integer`; anything else finds nothing. */
export function parseLinkId(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}
