import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * PostgreSQL settings for the embedded store. PGlite keeps PostgreSQL's "shared memory" inside
 * its WebAssembly heap, and initdb writes shared_buffers = 128MB, which PostgreSQL touches at
 * start: ~120 MB of resident memory for a cache that the checkout's few-MB working set never
 * fills. 16MB holds 2,048 pages; measured in docs/decisions/010-memory-and-start.md.
 * PGlite's own defaults come first: `startParams` replaces them rather than adding to them.
 */
export const PGLITE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
];

/** Options every PGlite instance of the server opens with. */
export function pgliteOptions(extra: PGliteOptions = {}): PGliteOptions {
  return { startParams: [...PGLITE_START_PARAMS], extensions: { pg_trgm }, ...extra };
}
