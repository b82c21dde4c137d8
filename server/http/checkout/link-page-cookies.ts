import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { effectivePaymentStatus } from '../../domain/payment/payment.ts';
import { isPublicId } from '../../domain/shared/ids.ts';
import type { Deps } from '../../deps.ts';
import {
  clearedCookie,
  FORM_COOKIE,
  PENDING_COOKIE,
  readFailedForm,
  readPendingPayment,
} from './checkout-cookies.ts';
import type { CheckoutEnv } from './checkout-routes.ts';

/**
 * `GET /b2b/{id}` before the page renders (docs/decisions/023). A payment this browser started
 * and that is still pending is shown first (SPEC §7 "Reopening the link"): 303 to its view,
 * the durable address of that payment. A failed form post sent back here is shown again with
 * its errors. A cookie that names nothing payable any more is removed.
 */
export function linkPageCookies(deps: Deps): MiddlewareHandler<CheckoutEnv> {
  const attributes = { secure: deps.config.PUBLIC_BASE_URL.startsWith('https:') };
  return async (c, next) => {
    const pending = getCookie(c, PENDING_COOKIE);
    const form = getCookie(c, FORM_COOKIE);
    const publicId = c.req.param('publicId') ?? '';
    if ((pending === undefined && form === undefined) || !isPublicId(publicId)) return next();
    const link = await deps.links.findByPublicId(publicId);
    if (!link) return next();

    const reffNo =
      pending === undefined ? null : readPendingPayment(deps.cookieSeal, link, pending);
    const payment = reffNo ? await deps.payments.findByReffNo(reffNo) : null;
    if (
      payment?.linkId === link.id &&
      effectivePaymentStatus(payment, deps.clock()) === 'pending'
    ) {
      // This answer is this browser's alone (RFC 9111 §5.2.2.5).
      c.header('cache-control', 'no-store');
      c.header('vary', 'cookie');
      const lang = c.req.query('lang');
      const query = lang === undefined ? '' : `?${new URLSearchParams({ lang })}`;
      return c.redirect(`/b2b/${publicId}/payments/${payment.reffNo}${query}`, 303);
    }
    const failed = form === undefined ? null : readFailedForm(deps.cookieSeal, link, form);
    if (failed) c.set('checkoutForm', failed);
    await next();
    if (pending !== undefined) {
      c.header('set-cookie', clearedCookie(PENDING_COOKIE, publicId, attributes), { append: true });
    }
    if (form !== undefined && !failed) {
      c.header('set-cookie', clearedCookie(FORM_COOKIE, publicId, attributes), { append: true });
    }
  };
}
