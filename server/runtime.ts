import { startPaylink } from './main.ts';

/**
 * The one running instance, shared by the Astro fetch file (src/fetch.ts) and the production
 * entry (server/adapter/node-entry.ts): both import this module, so it starts once.
 */
export const paylink = await startPaylink(process.env);
