import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { type InlineHashes, inlineHashesOfRoutes } from '../http/content-security-policy.ts';
import { INLINE_HASHES_FILE } from './build-csp.ts';

/**
 * An Astro adapter whose server entry is our own Hono server (node-entry.ts):
 * Astro builds pages, Hono owns the HTTP server in production. It also lists the hashes of
 * every inline style and script the build puts into pages, for the one Content-Security-Policy
 * of the build (docs/decisions/009).
 */
export function honoNodeAdapter(): AstroIntegration {
  let serverDir: URL | null = null;
  let hashes: InlineHashes | null = null;
  return {
    name: 'paylink-hono-node',
    hooks: {
      'astro:build:ssr': ({ manifest }) => {
        hashes = inlineHashesOfRoutes(manifest.routes);
      },
      'astro:build:done': async () => {
        if (!serverDir || !hashes) throw new Error('the build did not list its inline hashes');
        await writeFile(new URL(INLINE_HASHES_FILE, serverDir), `${JSON.stringify(hashes)}\n`);
      },
      'astro:config:done': ({ setAdapter, config }) => {
        serverDir = config.build.server;
        setAdapter({
          name: 'paylink-hono-node',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./node-entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'unsupported',
          },
        });
      },
    },
  };
}
