import { gzipSync } from 'node:zlib';
import { astro, getFetchState } from 'astro/hono';
import type { MiddlewareHandler } from 'hono';
import { createCheckoutReader } from '../server/checkout/checkout-reader.ts';
import { createApp } from '../server/http/app.ts';
import { contentSecurityPolicyFor } from '../server/http/content-security-policy.ts';
import { openApiDocument } from '../server/http/openapi/api-operations.ts';
import { paylink } from '../server/runtime.ts';

const checkout = createCheckoutReader(paylink.deps);
const renderWithAstro = astro();

/** Pages get what they render through Astro.locals, from the server side. */
const renderPages: MiddlewareHandler = async (c, next) => {
  const locals = getFetchState(c).locals;
  locals.checkout = checkout;
  locals.sandbox = paylink.deps.config.PAYMENT_PROVIDER === 'sandbox';
  locals.apiDocument = () => openApiDocument(paylink.deps.config.PUBLIC_BASE_URL);
  const form = c.get('checkoutForm') as App.Locals['checkoutForm'];
  if (form) locals.checkoutForm = form;
  const response = (await renderWithAstro(c, next)) ?? (await c.notFound());
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  const headers = new Headers(response.headers);
  // Astro sends text/html without a charset; a phone's browser must not have to guess.
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('content-security-policy', contentSecurityPolicyFor(html));
  // Checkout pages show live payment state and personal details: never cache them.
  headers.set('cache-control', 'no-store');
  headers.delete('content-length');
  headers.append('vary', 'accept-encoding');
  // Slow phone networks: the page goes gzipped (a ~10 KB page gzips in well under a millisecond).
  const body =
    /\bgzip\b/.test(c.req.header('accept-encoding') ?? '') && html.length > 1024
      ? gzipSync(html)
      : null;
  if (body) headers.set('content-encoding', 'gzip');
  return new Response(body ?? html, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
};

/** Astro's fetch file: Hono routes every request; what it does not answer, Astro renders. */
export default createApp(paylink.deps, { renderPages });
