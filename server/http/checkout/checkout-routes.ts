import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type * as v from 'valibot';
import { cancelPayment } from '../../domain/payment/receive-payment.ts';
import type { PaymentLink } from '../../domain/payment-link/payment-link.ts';
import { startPayment } from '../../domain/payment/start-payment.ts';
import { isPublicId } from '../../domain/shared/ids.ts';
import { type Failure, failure, type FieldErrors } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { presentPayment } from '../api-v1/present-payment.ts';
import { type RateLimits, tooManyRequests } from '../rate-limit/rate-limits.ts';
import { validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';
import {
  type CheckoutStatus,
  StartedPaymentSchema,
  StatusQuerySchema,
} from './checkout-answers.ts';
import { sameOriginPosts } from '../same-origin-posts.ts';
import { readPaymentRequest } from './payment-request.ts';
import {
  clearedCookie,
  failedFormCookie,
  FORM_COOKIE,
  PENDING_COOKIE,
  pendingPaymentCookie,
} from './checkout-cookies.ts';
import { createGatewayQrImages } from './gateway-qr-image.ts';
import { linkPageCookies } from './link-page-cookies.ts';
import { streamLinkEvents } from './link-events.ts';
import { readLiveStatus } from './live-status.ts';
import { NO_QR_CODE, sendQrPng } from './qr-png.ts';

/** A form post that failed: the page renders it again with these errors (no-JS path). */
export type CheckoutFormState = {
  code: string;
  message: string;
  errors: FieldErrors;
  fields: Record<string, string>;
  /** Over the payment-start limit (SPEC §9): the page's `Retry-After`, in seconds. */
  retryAfterSeconds?: number;
};
export type CheckoutEnv = { Variables: { checkoutForm: CheckoutFormState } };

const LINK_NOT_FOUND = failure('LINK_NOT_FOUND', 'Payment Link not found.');

/** SPEC §7: the customer-facing endpoints under /b2b/{public id}. */
export function checkoutRoutes(deps: Deps, limits: Pick<RateLimits, 'paymentAttempt'>) {
  const routes = new Hono<CheckoutEnv>();
  const qrImages = createGatewayQrImages();
  const cookieAttributes = { secure: deps.config.PUBLIC_BASE_URL.startsWith('https:') };
  const setCookie = (c: Context, cookie: string) =>
    c.header('set-cookie', cookie, { append: true });
  // Posts must come from our own pages or from a non-browser client (CSRF).
  routes.use('*', sameOriginPosts(deps.config.PUBLIC_BASE_URL));
  // SPEC §7: the link page shows this browser's pending payment first (docs/decisions/023).
  routes.get('/:publicId', linkPageCookies(deps));

  const findLink = async (publicId: string) =>
    isPublicId(publicId) ? deps.links.findByPublicId(publicId) : null;
  const findPayment = async (publicId: string, reffNo: string) => {
    const link = await findLink(publicId);
    const payment = link ? await deps.payments.findByReffNo(reffNo) : null;
    return link && payment && payment.linkId === link.id ? { link, payment } : null;
  };

  routes.post('/:publicId/payments', async (c, next) => {
    const publicId = c.req.param('publicId');
    const request = await readPaymentRequest(c);
    // A failed form post falls through to the page, which shows it again (or the unknown-link
    // page) instead of raw JSON; a JSON client gets the failure envelope.
    const refuse = async (
      failed: Failure,
      retryAfterSeconds?: number,
      link?: PaymentLink,
    ): Promise<Response | undefined> => {
      if (retryAfterSeconds) c.header('Retry-After', String(retryAfterSeconds));
      if (!request.isForm) return sendFailure(c, failed);
      const state: CheckoutFormState = {
        code: failed.code,
        message: failed.message,
        errors: failed.errors ?? {},
        fields: request.fields,
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      };
      c.set('checkoutForm', state);
      await next();
      // The answer keeps its 4xx (SPEC §7), and sends the browser on to the link page, which
      // shows the form again from a cookie: its errors scrolled into view (#errors), and a
      // reload that reads a page instead of posting again (docs/decisions/023).
      const kept = link && failedFormCookie(deps.cookieSeal, link, state, cookieAttributes);
      if (kept) {
        setCookie(c, kept);
        c.header('refresh', `0; url=/b2b/${link.publicId}#errors`);
      }
      return undefined;
    };
    // SPEC §9: counted before anything is looked up or written.
    const wait = limits.paymentAttempt(c, 'start', publicId);
    if (wait > 0) return refuse(tooManyRequests(wait), wait);
    const link = await findLink(publicId);
    if (!link) return refuse(LINK_NOT_FOUND);
    const started = request.input.ok
      ? await startPayment(deps, link, request.input.value)
      : request.input;
    if (!started.ok) return refuse(started, undefined, link);
    const payment = started.value;
    deps.log.info('payment started', {
      payment_id: payment.id,
      link_id: link.id,
      method: payment.methodCode,
    });
    const viewUrl = `${deps.config.PUBLIC_BASE_URL}/b2b/${publicId}/payments/${payment.reffNo}`;
    // SPEC §7: reopening the link in this browser shows this payment first.
    setCookie(
      c,
      pendingPaymentCookie(deps.cookieSeal, link, payment, deps.clock(), cookieAttributes),
    );
    if (getCookie(c, FORM_COOKIE) !== undefined)
      setCookie(c, clearedCookie(FORM_COOKIE, publicId, cookieAttributes));
    if (request.isForm) return c.redirect(`/b2b/${publicId}/payments/${payment.reffNo}`, 303);
    const data: v.InferOutput<typeof StartedPaymentSchema> = {
      ...presentPayment(payment, link, deps.catalog, deps.clock()),
      qr_string: payment.qrString,
      view_url: viewUrl,
    };
    return sendData(c, data, 201);
  });

  // "Choose another method": the pending payment is cancelled first, so it cannot be paid too.
  routes.post('/:publicId/payments/:reffNo/cancel', async (c) => {
    const { publicId, reffNo } = c.req.param();
    const wait = limits.paymentAttempt(c, 'cancel', publicId);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return sendFailure(c, tooManyRequests(wait));
    }
    const found = await findPayment(publicId, reffNo);
    if (!found) return sendFailure(c, failure('PAYMENT_NOT_FOUND', 'No such payment.'));
    await cancelPayment(deps, found.payment.id);
    // The link page then shows the methods again, not the payment just given up.
    setCookie(c, clearedCookie(PENDING_COOKIE, publicId, cookieAttributes));
    return c.redirect(`/b2b/${publicId}`, 303);
  });

  // SPEC §7: where EventSource fails, the page polls this (the same JSON as the events).
  routes.get('/:publicId/status', async (c) => {
    const query = validate(StatusQuerySchema, c.req.query());
    if (!query.ok) return sendFailure(c, query);
    const live = await readLiveStatus(deps, c.req.param('publicId'), query.value.payment);
    if (!live) return sendFailure(c, LINK_NOT_FOUND);
    c.header('cache-control', 'no-store');
    return c.json<CheckoutStatus>(live.status);
  });

  // SPEC §7: the page learns of payment by server-sent events.
  routes.get('/:publicId/events', async (c) => {
    const query = validate(StatusQuerySchema, c.req.query());
    if (!query.ok) return sendFailure(c, query);
    const stream = await streamLinkEvents(c, deps, c.req.param('publicId'), query.value.payment);
    return stream ?? sendFailure(c, LINK_NOT_FOUND);
  });

  // SPEC §7, §10: the QR as a PNG (or the gateway's own image), to save, or to scan on a
  // wide screen; fetched from the gateway here, never by the browser.
  routes.get('/:publicId/payments/:reffNo/qr.png', async (c) => {
    const { publicId, reffNo } = c.req.param();
    const found = await findPayment(publicId, reffNo);
    return found ? sendQrPng(c, found.payment, qrImages) : sendFailure(c, NO_QR_CODE);
  });

  return routes;
}
