// Page weight: the gzip bytes a phone downloads on a first visit (HTML, CSS, JS).
import { gzipSync } from 'node:zlib';

async function download(url, headers) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
  return Buffer.from(await response.arrayBuffer());
}

/** Gzip bytes of a page and of every script and stylesheet it references, imports followed. */
export async function weighPage(base, path) {
  const html = (await download(`${base}${path}`, { 'accept-language': 'id' })).toString('utf8');
  const sizes = { html: gzipSync(html).length, css: 0, js: 0 };
  const assets = new Set(
    [...html.matchAll(/(?:src|href|component-url|renderer-url)="(\/_astro\/[^"]+)"/g)].map(
      (m) => m[1],
    ),
  );
  // Island chunks import each other: follow the imports, as the browser does.
  const queue = [...assets];
  while (queue.length > 0) {
    const asset = queue.shift();
    const body = await download(`${base}${asset}`, {});
    if (asset.endsWith('.css')) sizes.css += gzipSync(body).length;
    if (!asset.endsWith('.js')) continue;
    sizes.js += gzipSync(body).length;
    for (const m of body.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      const dep = `/_astro/${m[1]}`;
      if (!assets.has(dep)) {
        assets.add(dep);
        queue.push(dep);
      }
    }
  }
  return { ...sizes, total: sizes.html + sizes.css + sizes.js };
}
