import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createChangeFeed } from '../changes/change-feed.ts';
import { createPageCache, type PageToStore } from './page-cache.ts';
import { chooseEncoding, serveCachedPage } from './serve-cached-page.ts';

const HTML = `<!doctype html><title>Kopi</title>${'<p>Rp 50.000</p>'.repeat(50)}`;

function setup() {
  const feed = createChangeFeed();
  let now = Date.parse('2026-12-01T00:00:00Z');
  const cache = createPageCache(feed, () => new Date(now), { maxEntries: 10, maxBytes: 1e6 });
  const page = (overrides: Partial<PageToStore> = {}): PageToStore => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html: HTML,
    linkId: 1,
    freshUntil: new Date(now + 60_000),
    ...overrides,
  });
  return { feed, cache, page, advance: (ms: number) => (now += ms) };
}

describe('page cache', () => {
  it('keeps a page until its link changes', () => {
    const t = setup();
    t.cache.store('/b2b/x|id', t.cache.begin(), t.page());
    t.cache.store('/b2b/y|id', t.cache.begin(), t.page({ linkId: 2 }));
    expect(t.cache.get('/b2b/x|id')).toBeDefined();
    t.feed.publish({ kind: 'link', linkId: 1 });
    expect(t.cache.get('/b2b/x|id')).toBeUndefined();
    expect(t.cache.get('/b2b/y|id')).toBeDefined();
  });

  it('does not keep a render that a change of its link overtook', () => {
    const t = setup();
    const startedAt = t.cache.begin();
    t.feed.publish({ kind: 'link', linkId: 1 });
    t.cache.store('/b2b/x|id', startedAt, t.page());
    expect(t.cache.get('/b2b/x|id')).toBeUndefined();
  });

  it('drops a page once time alone would change it (an expiry, the time left)', () => {
    const t = setup();
    t.cache.store('/b2b/x|id', t.cache.begin(), t.page());
    t.advance(59_999);
    expect(t.cache.get('/b2b/x|id')).toBeDefined();
    t.advance(1);
    expect(t.cache.get('/b2b/x|id')).toBeUndefined();
  });

  it('serves brotli, gzip or plain bytes of the same page, each with its own strong ETag', async () => {
    const t = setup();
    t.cache.store('k', t.cache.begin(), t.page());
    const page = t.cache.get('k');
    if (!page) throw new Error('not kept');
    const br = serveCachedPage(page, {
      acceptEncoding: 'gzip, deflate, br',
      ifNoneMatch: undefined,
    });
    const gz = serveCachedPage(page, { acceptEncoding: 'gzip', ifNoneMatch: undefined });
    const plain = serveCachedPage(page, { acceptEncoding: undefined, ifNoneMatch: undefined });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(HTML);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(HTML);
    expect(await plain.text()).toBe(HTML);
    const etags = [br, gz, plain].map((r) => r.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
    expect(etags.every((etag) => /^"[^"]+"$/.test(etag ?? ''))).toBe(true);
  });

  it('answers 304 when the browser already has these bytes', () => {
    const t = setup();
    t.cache.store('k', t.cache.begin(), t.page());
    const page = t.cache.get('k');
    if (!page) throw new Error('not kept');
    const etag = serveCachedPage(page, {
      acceptEncoding: 'gzip',
      ifNoneMatch: undefined,
    }).headers.get('etag');
    const again = serveCachedPage(page, {
      acceptEncoding: 'gzip',
      ifNoneMatch: `"other", ${etag}`,
    });
    expect(again.status).toBe(304);
    const otherEncoding = serveCachedPage(page, { acceptEncoding: 'br', ifNoneMatch: etag ?? '' });
    expect(otherEncoding.status).toBe(200);
  });

  it('is bounded by count', () => {
    const t = setup();
    for (let i = 0; i < 20; i++) t.cache.store(`k${i}`, t.cache.begin(), t.page({ linkId: i }));
    expect(t.cache.size()).toBe(10);
  });
});

describe('chooseEncoding', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    [undefined, 'identity'],
  ] as const)('%s → %s', (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });
});
