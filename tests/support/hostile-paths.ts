/**
 * Path segments SPEC §9 answers 404 (control characters, NUL, invalid UTF-8, as percent
 * escapes), and the places in every route prefix they are put: the in-process and the built
 * server's tests walk the same matrix.
 */
export const UNREADABLE_SEGMENTS: readonly string[] = [
  '%00',
  '%0a2026-01-15T03:00:00.000Z%20info%20account%20created',
  '%0d',
  '%09',
  '%7f',
  '%C2%85',
  '%E2%80%AE',
  '%EF%BB%BF',
  '%C0%AF',
  '%FF',
  '%ED%A0%80',
  '%E2%80',
  '%',
  '%zz',
  // The reproduction: a forged log line, then a byte decodeURIComponent throws on.
  '%0a2026-01-15T03:00:00.000Z%20info%20account%20created%FF',
];

/** Where a segment goes; `{link}` is a real link's public id, `{account}` a real account id. */
const PLACES: readonly string[] = [
  '/{x}',
  '/b2b/{x}',
  '/b2b/{link}{x}',
  '/b2b/{link}/{x}',
  '/b2b/{link}/payments/{x}',
  '/b2b/{link}/payments/{x}/qr.png',
  '/b2b/{link}/payments/{x}/cancel',
  '/b2b/{x}/status',
  '/b2b/{x}/events',
  '/b2b/{x}/payments',
  '/api/{x}',
  '/api/v1.0/payment-link-manage/{x}',
  '/api/v1.0/payment-link-manage/{account}/{x}',
  '/api/v1.0/payment-link-manage/{account}/{x}/payments',
  '/api/v4/payment_links/{x}',
  '/api/admin/accounts/{x}',
  '/sandbox/{x}',
  '/sandbox/simulate/{x}',
  '/docs/{x}',
  '/docs/api{x}',
  '/healthz{x}',
  '/_astro/{x}',
];

/** Every place with every unreadable segment. */
export function unreadablePaths(ids: { link: string; account: string }): string[] {
  return PLACES.flatMap((place) =>
    UNREADABLE_SEGMENTS.map((segment) =>
      place.replace('{link}', ids.link).replace('{account}', ids.account).replace('{x}', segment),
    ),
  );
}

/** The answer's dialect by its path: JSON:API under /api/v4, else the v1.0 envelope. */
export function isV4Path(path: string): boolean {
  return path.startsWith('/api/v4/');
}
