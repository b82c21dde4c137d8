import type { AstroIntegration } from 'astro';

/**
 * An Astro adapter whose server entry is our own Hono server (node-entry.ts):
 * Astro builds pages, Hono owns the HTTP server in production. The build also writes the
 * PGlite template the server unpacks on first start (server/store/pglite-template.ts).
 */
export function honoNodeAdapter(): AstroIntegration {
  let serverDir: URL | undefined;
  let root: URL | undefined;
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
      'astro:build:done': async ({ logger }) => {
        if (!serverDir || !root) return;
        const { buildPgliteTemplate } = await import('./pglite-template-build.ts');
        await buildPgliteTemplate({ serverDir, root, logger });
      },
    },
  };
}
