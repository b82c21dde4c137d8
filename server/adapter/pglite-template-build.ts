import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { PGLITE_TEMPLATE_FILE, writePgliteTemplate } from '../store/pglite-template.ts';

/**
 * Writes dist/server/pglite-template.tar.gz. Making one runs initdb (~10 s), so it is cached
 * under node_modules/.cache, keyed by the installed PGlite build: the template holds nothing
 * but an empty cluster, and only a different PostgreSQL inside PGlite can change it.
 */
export async function buildPgliteTemplate(options: {
  serverDir: URL;
  root: URL;
  logger: AstroIntegrationLogger;
}): Promise<void> {
  const key = await pgliteBuildKey();
  const cacheDir = new URL('node_modules/.cache/paylink/', options.root);
  const cached = fileURLToPath(new URL(`pglite-template-${key}.tar.gz`, cacheDir));
  const target = fileURLToPath(new URL(PGLITE_TEMPLATE_FILE, options.serverDir));
  try {
    await copyFile(cached, target);
    return;
  } catch {
    // not cached yet
  }
  const started = performance.now();
  await mkdir(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}`;
  await writePgliteTemplate(partial);
  await rename(partial, cached);
  await copyFile(cached, target);
  options.logger.info(
    `PGlite template written in ${Math.round(performance.now() - started)} ms (cached for the next build)`,
  );
}

/** A hash of PGlite's WebAssembly module and file-system bundle. */
async function pgliteBuildKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['pglite.wasm', 'pglite.data']) {
    hash.update(await readFile(new URL(file, import.meta.resolve('@electric-sql/pglite'))));
  }
  return hash.digest('hex').slice(0, 16);
}
