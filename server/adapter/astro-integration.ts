import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { type InlineHashes, inlineHashesOfRoutes } from '../http/content-security-policy.ts';
import { INLINE_HASHES_FILE } from './build-csp.ts';

/**
 * An Astro adapter whose server entry is our own Hono server (node-entry.ts):
 * Astro builds pages, Hono owns the HTTP server in production. The build also lists the hashes
 * of every inline style and script it puts into pages, for the one Content-Security-Policy of
 * the build (docs/decisions/009), and writes the PGlite template the server unpacks on first
 * start (server/store/pglite-template.ts).
 */
export function honoNodeAdapter(): AstroIntegration {
  let serverDir: URL | undefined;
  let root: URL | undefined;
  let hashes: InlineHashes | undefined;
  return {
    name: 'paylink-hono-node',
    hooks: {
      'astro:config:done': ({ setAdapter, config }) => {
        serverDir = config.build.server;
        root = config.root;
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
      'astro:build:ssr': ({ manifest }) => {
        hashes = inlineHashesOfRoutes(manifest.routes);
      },
      'astro:build:done': async ({ logger }) => {
        if (!serverDir || !root || !hashes) throw new Error('the build did not list its pages');
        await writeFile(new URL(INLINE_HASHES_FILE, serverDir), `${JSON.stringify(hashes)}\n`);
        const { buildPgliteTemplate } = await import('./pglite-template-build.ts');
        await buildPgliteTemplate({ serverDir, root, logger });
      },
    },
  };
}
