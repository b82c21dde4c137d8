import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { createV4PaymentLink } from '../../domain/payment-link/create-v4-payment-link.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { readJson, validate } from '../read-body.ts';
import { createThrownReporter, failureFor, routeOf } from '../thrown-errors.ts';
import { sendJsonApiFailure } from './json-api-errors.ts';
import { presentV4Link } from './present-v4-link.ts';
import { requireBasic, type V4Env } from './require-basic.ts';
import { CreateV4LinkBodySchema, toCreateLinkInput, toV4LinkRequest } from './v4-schemas.ts';

/** The same bound as the v1.0 dialect (SPEC §3): bodies above 64 KiB are a 413, unread. */
const MAX_BODY_BYTES = 64 * 1024;

const LINK_NOT_FOUND = failure('LINK_NOT_FOUND', 'Payment link not found.');

/** `paymentlink_<32 hex>` (SPEC §4) → the 32 hex, or null: a malformed id finds nothing. */
function publicIdTailOf(id: string): string | null {
  return /^paymentlink_[0-9a-f]{32}$/.exec(id) ? id.slice(-32) : null;
}

function methodNotAllowed(allow: string) {
  return failure('METHOD_NOT_ALLOWED', `This path takes ${allow} only.`);
}

/**
 * SPEC §4: the v4 (Fazz-style) payment-link endpoints, mounted at /api/v4. Every answer,
 * errors included, is JSON:API-shaped, so this sub-app has its own body limit, 404 and 500.
 */
export function v4Routes(deps: Deps) {
  const routes = new Hono<V4Env>();
  routes.use(requireBasic(deps));
  routes.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        sendJsonApiFailure(
          c,
          failure('PAYLOAD_TOO_LARGE', 'The request body is larger than 64 KiB.'),
        ),
    }),
  );

  routes.post('/payment_links', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendJsonApiFailure(c, body);
    const checked = validate(CreateV4LinkBodySchema, body.value);
    if (!checked.ok) return sendJsonApiFailure(c, checked);
    const account = c.get('account');
    const input = toCreateLinkInput(toV4LinkRequest(checked.value));
    const created = await createV4PaymentLink(deps, account.id, input);
    if (!created.ok) return sendJsonApiFailure(c, created);
    const { link, isRepeat } = created.value;
    if (!isRepeat)
      deps.log.info('v4 payment link created', { link_id: link.id, account_id: account.id });
    // A repeat answers as the first request did: 201 with the same link (SPEC §4).
    return c.json(await presentV4Link(deps, link), 201);
  });

  routes.get('/payment_links/:id', async (c) => {
    const tail = publicIdTailOf(c.req.param('id'));
    const link = tail ? await deps.links.findByPublicIdTail(c.get('account').id, tail) : null;
    // A v1.0 link has a public id too, but not the v4 object's meaning (single-use, status).
    if (!link || link.dialect !== 'v4') return sendJsonApiFailure(c, LINK_NOT_FOUND);
    return c.json(await presentV4Link(deps, link), 200);
  });

  routes.all('/payment_links', (c) => {
    c.header('Allow', 'POST');
    return sendJsonApiFailure(c, methodNotAllowed('POST'));
  });
  routes.all('/payment_links/:id', (c) => {
    c.header('Allow', 'GET, HEAD');
    return sendJsonApiFailure(c, methodNotAllowed('GET'));
  });
  routes.all('*', (c) =>
    sendJsonApiFailure(c, failure('NOT_FOUND', `No API route ${c.req.method} ${c.req.path}.`)),
  );

  const reportThrown = createThrownReporter(deps);
  routes.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    const request = { method: c.req.method, route: routeOf(c), signal: c.req.raw.signal };
    return sendJsonApiFailure(c, failureFor(reportThrown(error, request)));
  });
  return routes;
}
