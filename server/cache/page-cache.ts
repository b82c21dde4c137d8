import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { Clock } from '../domain/shared/clock.ts';
import { createLru } from './lru.ts';

/** One rendered page, compressed once, with what it depends on. */
export type CachedPage = {
  status: number;
  /** Every header of the answer but its encoding, length and ETag (a plain object is cheapest). */
  headers: Record<string, string>;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
  /** sha-256 of the HTML, the base of each encoding's strong ETag. */
  hash: string;
  linkId: number;
  /** After this the page may read differently (an expiry, the time left): render again. */
  freshUntil: number;
};

export type PageToStore = {
  status: number;
  headers: Record<string, string>;
  html: string;
  linkId: number;
  freshUntil: Date;
};

/**
 * Rendered checkout pages, kept while their link and its payments are unchanged and their
 * time-dependent text is still right (docs/decisions/009). Invalidated by the change feed; a
 * render that raced a change is not kept (the sequence taken before rendering tells). Bounded
 * by count and bytes, least recently used out first.
 */
export type PageCache = {
  /** The sequence to pass to `store`, taken before reading anything for the render. */
  begin: () => number;
  get: (key: string) => CachedPage | undefined;
  store: (key: string, startedAt: number, page: PageToStore) => void;
  size: () => number;
};

export function createPageCache(
  feed: ChangeFeed,
  clock: Clock,
  limits: { maxEntries: number; maxBytes: number },
): PageCache {
  const pages = createLru<string, CachedPage>({
    maxEntries: limits.maxEntries,
    maxBytes: limits.maxBytes,
    sizeOf: (page) =>
      page.bodies.identity.length + page.bodies.gzip.length + page.bodies.br.length + 512,
  });
  feed.subscribe((change) => {
    if (change === 'all' || change.kind === 'account') pages.clear();
    else pages.deleteWhere((page) => page.linkId === change.linkId);
  });

  return {
    begin: () => feed.sequence(),
    get(key) {
      if (!feed.isCoherent()) return undefined;
      const page = pages.get(key);
      if (page && page.freshUntil <= clock().getTime()) {
        pages.delete(key);
        return undefined;
      }
      return page;
    },
    store(key, startedAt, page) {
      if (!feed.isCoherent() || feed.isChangedSince(page.linkId, startedAt)) return;
      const identity = Buffer.from(page.html, 'utf8');
      pages.set(key, {
        status: page.status,
        headers: page.headers,
        bodies: {
          identity,
          gzip: gzipSync(identity, { level: 9 }),
          br: brotliCompressSync(identity, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 10,
              [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
            },
          }),
        },
        hash: createHash('sha256').update(identity).digest('base64url').slice(0, 27),
        linkId: page.linkId,
        freshUntil: page.freshUntil.getTime(),
      });
    },
    size: () => pages.size(),
  };
}
