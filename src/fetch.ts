import { astro, getFetchState } from 'astro/hono';
import type { MiddlewareHandler } from 'hono';
import { createCheckoutReader } from '../server/checkout/checkout-reader.ts';
import { createApp } from '../server/http/app.ts';
import { paylink } from '../server/runtime.ts';

const checkout = createCheckoutReader(paylink.deps);
const renderWithAstro = astro();

/** Pages get what they render through Astro.locals, from the server side. */
const renderPages: MiddlewareHandler = async (c, next) => {
  const locals = getFetchState(c).locals;
  locals.checkout = checkout;
  const form = c.get('checkoutForm') as App.Locals['checkoutForm'];
  if (form) locals.checkoutForm = form;
  const response = (await renderWithAstro(c, next)) ?? (await c.notFound());
  // Astro sends text/html without a charset; a phone's browser must not have to guess.
  if (response.headers.get('content-type') === 'text/html') {
    const headers = new Headers(response.headers);
    headers.set('content-type', 'text/html; charset=utf-8');
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
  return response;
};

/** Astro's fetch file: Hono routes every request; what it does not answer, Astro renders. */
export default createApp(paylink.deps, { renderPages });
