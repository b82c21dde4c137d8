// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { honoNodeAdapter } from './server/adapter/astro-integration.ts';

// Pages render on the server; Hono (src/fetch.ts) routes every request and hands pages to Astro.
// See docs/decisions/001-hono-owns-the-server.md.
export default defineConfig({
  output: 'server',
  adapter: honoNodeAdapter(),
  integrations: [preact()],
  // Every page's CSS inline (hashed into the CSP at build, decision 015): the link page's
  // grew past Astro's 4 KB limit for inlining, and a stylesheet request is one more round trip
  // before a phone on a slow network can draw anything (docs/decisions/022).
  build: { inlineStylesheets: 'always' },
  // No image processing: the checkout ships no raster images to optimise.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  // Off: Astro's check compares Origin with the request's own URL, built from the Host header
  // and the proxy's plain-http hop, so behind an https proxy it refused our own form posts and
  // a forged Host passed it. Every write that reaches a page has passed Hono's check against
  // PUBLIC_BASE_URL first (server/http/same-origin-posts.ts, SPEC §9).
  security: { checkOrigin: false },
  vite: {
    build: {
      // Page scripts stay /_astro files, never inlined: the pages carry no inline <script>, so
      // one Content-Security-Policy per build holds (Astro inlines scripts under this limit).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
    plugins: [
      {
        // Phones a few years old (Android 9 WebView, iOS 12 Safari) run what ships.
        // Astro pins the client environment's target to esnext and a top-level build.target
        // reaches only the server, so the browser's build is set here; the server stays modern.
        name: 'paylink:client-target',
        // The pages' CSS is inlined by the server build: its CSS target is the phones' too, so
        // media queries keep `min-width` instead of range syntax (`width >= …`), which WebViews
        // before Chrome 104 and Safari before 16.4 ignore.
        configEnvironment: (name) =>
          name === 'client'
            ? { build: { target: 'es2018' } }
            : { build: { cssTarget: ['chrome64', 'safari12'] } },
      },
    ],
    ssr: {
      // PGlite loads its WASM and data files next to its own module: keep it (and pg) unbundled.
      external: ['@electric-sql/pglite', 'pg'],
      // Bundled: Node resolving drizzle-orm's ~450 files at start, each through its 179 KB
      // package.json, cost seconds and ~170 MB of garbage (docs/decisions/010-memory-and-start.md).
      noExternal: ['drizzle-orm'],
    },
  },
});
