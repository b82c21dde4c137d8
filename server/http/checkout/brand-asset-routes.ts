import { type Context, Hono } from 'hono';
import { createLru } from '../../cache/lru.ts';
import { brandStylesheetNamed } from '../../checkout/brand-assets.ts';
import { logoFileName } from '../../domain/account/logo-image.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { sendFailure } from '../respond.ts';

/**
 * Content-addressed: the name changes whenever the content does, so a browser or proxy may
 * keep it a year without asking (RFC 8246 `immutable`). Public: it holds nothing personal.
 */
const FOREVER = 'public, max-age=31536000, immutable';

const NO_SUCH_ASSET = failure('NOT_FOUND', 'No such file.');

/** A few hundred logos' worth: browsers keep them a year, so few requests reach us. */
const LOGO_CACHE_BYTES = 4 * 1024 * 1024;

/**
 * Not kept: behind a load balancer another process may not have heard of a new logo yet
 * (it learns by NOTIFY within moments), and its 404 must not stick.
 */
function notFound(c: Context) {
  c.header('cache-control', 'no-store');
  return sendFailure(c, NO_SUCH_ASSET);
}

/**
 * SPEC §7, §9 "Branding": the merchant's logo and brand stylesheet, from Paylink's own origin
 * (never hot-linked). A stale or unknown name is a 404. The security headers middleware adds
 * `nosniff` and CORP same-origin, so no other site can embed them.
 */
export function brandAssetRoutes(deps: Deps) {
  const routes = new Hono();
  // Bytes by account and content hash. Never stale: a logo is served only after the (cached,
  // change-fed) account row names that same hash as its current logo.
  const logos = createLru<string, { type: string; bytes: Uint8Array }>({
    maxEntries: 500,
    maxBytes: LOGO_CACHE_BYTES,
    sizeOf: (logo) => logo.bytes.byteLength,
  });

  routes.get('/logo/:accountId/:fileName', async (c) => {
    const { accountId, fileName } = c.req.param();
    const account = await deps.accounts.findById(accountId);
    const logo = account?.logo;
    if (!logo || logoFileName(logo) !== fileName) return notFound(c);
    const key = `${accountId}:${logo.sha256}`;
    const found = logos.get(key) ?? (await deps.accounts.findLogo(accountId, logo.sha256));
    if (!found) return notFound(c);
    logos.set(key, found);
    return c.body(new Uint8Array(found.bytes), 200, {
      'content-type': found.type,
      'cache-control': FOREVER,
    });
  });

  routes.get('/brand/:fileName', (c) => {
    const css = brandStylesheetNamed(c.req.param('fileName'));
    if (css === null) return notFound(c);
    return c.body(css, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': FOREVER,
    });
  });

  return routes;
}
