import type { AstroIntegration } from 'astro';

/**
 * An Astro adapter whose server entry is our own Hono server (node-entry.ts):
 * Astro builds pages, Hono owns the HTTP server in production.
 */
export function honoNodeAdapter(): AstroIntegration {
  return {
    name: 'paylink-hono-node',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
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
