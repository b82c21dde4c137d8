import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

type Bytes = Uint8Array<ArrayBuffer>;
type Asset = { body: Bytes; gzip: Bytes | null; type: string; etag: string; immutable: boolean };

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

/**
 * Serves Astro's built client files (dist/client) from memory, gzipped once at start:
 * reading the disk on every request costs several times the throughput (stack notes).
 * Hashed files under /_astro/ are cached for a year; the rest revalidate by ETag. Each answer
 * also carries `securityHeaders` (server/http/security-headers.ts: CORP, HSTS…).
 */
export async function serveClientAssets(
  dirUrl: URL,
  securityHeaders: Record<string, string> = {},
): Promise<MiddlewareHandler> {
  const root = fileURLToPath(dirUrl);
  const assets = new Map<string, Asset>();
  for (const file of await listFiles(root)) {
    if (!(await stat(file)).isFile()) continue;
    const urlPath = `/${relative(root, file).split(sep).join('/')}`;
    const body = new Uint8Array(await readFile(file));
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compressible = /text|javascript|svg|json/.test(type) && body.length > 512;
    assets.set(urlPath, {
      body,
      gzip: compressible ? new Uint8Array(gzipSync(body, { level: 9 })) : null,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: urlPath.startsWith('/_astro/'),
    });
  }
  return async (c, next) => {
    const method = c.req.method;
    const asset = method === 'GET' || method === 'HEAD' ? assets.get(c.req.path) : undefined;
    if (!asset) return next();
    const headers: Record<string, string> = {
      ...securityHeaders,
      'content-type': asset.type,
      etag: asset.etag,
      'cache-control': asset.immutable
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
    const useGzip = asset.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (useGzip) headers['content-encoding'] = 'gzip';
    const body = useGzip && asset.gzip ? asset.gzip : asset.body;
    if (method === 'HEAD') return c.body(null, 200, headers);
    return c.body(body, 200, headers);
  };
}
