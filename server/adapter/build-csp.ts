import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { type InlineHashes, pageContentSecurityPolicy } from '../http/content-security-policy.ts';

/** Written next to the server entry by the adapter at build time. */
export const INLINE_HASHES_FILE = 'inline-hashes.json';

const InlineHashesSchema = v.object({
  scripts: v.array(v.pipe(v.string(), v.regex(/^'sha256-[A-Za-z0-9+/=]+'$/))),
  styles: v.array(v.pipe(v.string(), v.regex(/^'sha256-[A-Za-z0-9+/=]+'$/))),
});

/**
 * The inline hashes of the build this code runs from, or null when it runs unbuilt
 * (`astro dev`). `moduleUrl` is the caller's import.meta.url: the server entry or one of its
 * chunks one folder down.
 */
export function readBuildInlineHashes(moduleUrl: string): InlineHashes | null {
  const here = dirname(fileURLToPath(moduleUrl));
  const file = [join(here, INLINE_HASHES_FILE), join(here, '..', INLINE_HASHES_FILE)].find(
    existsSync,
  );
  return file ? v.parse(InlineHashesSchema, JSON.parse(readFileSync(file, 'utf8'))) : null;
}

/**
 * The one page policy of the build this code runs from (docs/decisions/009 and 015). A built
 * server without its hash list refuses to start: deriving hashes from the pages it renders
 * would allow whatever ended up in them. Only an unbuilt server (`astro dev`) has no list,
 * and gets null.
 */
export function pagePolicyOfBuild(moduleUrl: string, options: { isBuilt: boolean }): string | null {
  const hashes = readBuildInlineHashes(moduleUrl);
  if (hashes) return pageContentSecurityPolicy(hashes);
  if (!options.isBuilt) return null;
  throw new Error(
    `${INLINE_HASHES_FILE} is missing next to the server entry: the build lists the inline ` +
      'styles and scripts pages may run there. Run `npm run build` and deploy all of dist/.',
  );
}
