import type { CachedPage } from './page-cache.ts';

type Encoding = keyof CachedPage['bodies'];

/** The best encoding the browser takes: brotli, then gzip, else none (RFC 9110 §12.5.3). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim())
      .filter((part) => !/;\s*q=0(?:\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('x-gzip')) return 'gzip';
  return 'identity';
}

/** A strong ETag per representation: each encoding is different bytes (RFC 9110 §8.8.3). */
export function etagOf(page: CachedPage, encoding: Encoding): string {
  return `"${page.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
}

function matchesAny(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The answer to one request for a cached page: its bytes, or 304 when the browser has them. */
export function serveCachedPage(
  page: CachedPage,
  request: { acceptEncoding: string | undefined; ifNoneMatch: string | undefined },
): Response {
  const encoding = chooseEncoding(request.acceptEncoding);
  const etag = etagOf(page, encoding);
  if (page.status === 200 && matchesAny(request.ifNoneMatch, etag)) {
    return new Response(null, { status: 304, headers: { ...page.headers, etag } });
  }
  const body = page.bodies[encoding];
  const headers: Record<string, string> = {
    ...page.headers,
    etag,
    'content-length': String(body.length),
  };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  // A Buffer is a Uint8Array over an ArrayBuffer: handed over as it is, not copied.
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: page.status,
    headers,
  });
}
