import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node/V8 flags `npm start` gives the server (package.json `start`), so every launch of
 * dist/server/entry.mjs (integration tests, Playwright, the benches) runs it the same way.
 * Why these flags: docs/decisions/010-memory-and-start.md.
 */
export const SERVER_NODE_FLAGS: readonly string[] = readStartFlags();

function readStartFlags(): string[] {
  const manifest = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
  ) as { scripts: { start: string } };
  const match = /^node\s+(.*?)\s*dist\/server\/entry\.mjs$/.exec(manifest.scripts.start);
  if (!match) throw new Error(`package.json start is not "node [flags] dist/server/entry.mjs"`);
  return match[1] ? match[1].split(/\s+/) : [];
}
