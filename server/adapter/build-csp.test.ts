import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSource } from '../http/content-security-policy.ts';
import { INLINE_HASHES_FILE, pagePolicyOfBuild } from './build-csp.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A server build's folder, with or without its hash list; answers a chunk's module URL. */
function serverBuild(hashes: object | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'paylink-build-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'chunks'));
  if (hashes) writeFileSync(join(dir, INLINE_HASHES_FILE), JSON.stringify(hashes));
  return pathToFileURL(join(dir, 'chunks', 'fetch.mjs')).href;
}

describe('pagePolicyOfBuild', () => {
  it('is the policy of the hashes the build listed', () => {
    const style = hashSource('body{margin:0}');
    const policy = pagePolicyOfBuild(serverBuild({ scripts: [], styles: [style] }), {
      isBuilt: true,
    });
    expect(policy).toContain(`style-src 'self' ${style};`);
    expect(policy).toContain("script-src 'self';");
  });

  // A built server that lost its list must not fall back to hashing what it renders: an
  // injected inline block would hash itself into the policy.
  it('refuses to start a built server without its list', () => {
    expect(() => pagePolicyOfBuild(serverBuild(null), { isBuilt: true })).toThrow(
      /inline-hashes\.json is missing/,
    );
  });

  it('leaves an unbuilt server (astro dev) to the per-page fallback', () => {
    expect(pagePolicyOfBuild(serverBuild(null), { isBuilt: false })).toBeNull();
  });

  it('refuses a list that is not hash sources', () => {
    const url = serverBuild({ scripts: ["'unsafe-inline'"], styles: [] });
    expect(() => pagePolicyOfBuild(url, { isBuilt: true })).toThrow();
  });
});
