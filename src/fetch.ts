import { astro } from 'astro/hono';
import { createApp } from '../server/http/app.ts';
import { paylink } from '../server/runtime.ts';

/** Astro's fetch file: Hono routes every request; what it does not answer, Astro renders. */
export default createApp(paylink.deps, { renderPages: astro() });
