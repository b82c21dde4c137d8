import { Hono } from 'hono';
import type { Account } from '../../domain/account/account.ts';
import { createPaymentLink } from '../../domain/payment-link/create-payment-link.ts';
import type { PaymentLink } from '../../domain/payment-link/payment-link.ts';
import {
  LINK_NOT_FOUND,
  updatePaymentLink,
} from '../../domain/payment-link/update-payment-link.ts';
import type { Deps } from '../../deps.ts';
import { idempotencyKey } from '../api-v1/idempotency-key.ts';
import { parseLinkId } from '../api-v1/payment-link-routes.ts';
import { presentLink } from '../api-v1/present-link.ts';
import { type MerchantEnv, requireBearer, requireOwnAccount } from '../api-v1/require-bearer.ts';
import { readJson, validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';
import { CreateV2LinkBodySchema, toCreateLinkInput } from './v2-create-schema.ts';
import { toLinkPatch, UpdateV2LinkBodySchema } from './v2-update-schema.ts';

/**
 * SPEC §3.5: the v2.0 payment-link endpoints, mounted under /api/v2.0. The v1.0 tokens,
 * headers, envelope and errors; the same create and update use cases, with v2.0 field names.
 */
export function v2Routes(deps: Deps) {
  const routes = new Hono<MerchantEnv>();
  routes.use('/payment-link/*', requireBearer(deps));
  const present = (link: PaymentLink, account: Account) =>
    presentLink(link, account, deps.config.PUBLIC_BASE_URL, deps.clock());

  // As on v1.0 (SPEC §3.2): an Idempotency-Key makes a retried create safe.
  routes.post('/payment-link/:account_id', requireOwnAccount, idempotencyKey(deps), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendFailure(c, body);
    const checked = validate(CreateV2LinkBodySchema, body.value);
    if (!checked.ok) return sendFailure(c, checked);
    const input = toCreateLinkInput(checked.value, deps.clock());
    if (!input.ok) return sendFailure(c, input);
    const account = c.get('account');
    const created = await createPaymentLink(deps, account.id, input.value);
    if (!created.ok) return sendFailure(c, created);
    deps.log.info(`payment link ${created.value.id} created (v2.0) for account ${account.id}`);
    return sendData(c, present(created.value, account));
  });

  // No account id in the path: the token's account must own the link, else it is not found.
  routes.get('/payment-link/:payment_link_id', async (c) => {
    const id = parseLinkId(c.req.param('payment_link_id'));
    const account = c.get('account');
    const link = id === null ? null : await deps.links.findById(account.id, id);
    if (!link) return sendFailure(c, LINK_NOT_FOUND);
    return sendData(c, present(link, account));
  });

  routes.put('/payment-link/update/:payment_link_id', async (c) => {
    const id = parseLinkId(c.req.param('payment_link_id'));
    if (id === null) return sendFailure(c, LINK_NOT_FOUND);
    const body = await readJson(c);
    if (!body.ok) return sendFailure(c, body);
    const checked = validate(UpdateV2LinkBodySchema, body.value);
    if (!checked.ok) return sendFailure(c, checked);
    const account = c.get('account');
    const updated = await updatePaymentLink(deps, account.id, id, toLinkPatch(checked.value));
    if (!updated.ok) return sendFailure(c, updated);
    deps.log.info(`payment link ${id} updated (v2.0) for account ${account.id}`);
    return sendData(c, present(updated.value, account));
  });

  return routes;
}
