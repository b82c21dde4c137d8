import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** The exact inline blocks a build ships, as CSP hash sources (`'sha256-…'`). */
export type InlineHashes = { scripts: string[]; styles: string[] };

/** A CSP hash source of one inline block's text (CSP Level 3 §8.4). */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The hashes of the inline styles and scripts Astro's build puts into pages, read from the
 * SSR manifest's routes (the adapter writes them next to the server entry at build time).
 */
export function inlineHashesOfRoutes(
  routes: readonly {
    styles: readonly ({ type: string; content?: string } | object)[];
    scripts: readonly ({ type?: string; value?: string } | object)[];
  }[],
): InlineHashes {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  for (const route of routes) {
    for (const style of route.styles)
      if ('type' in style && style.type === 'inline' && 'content' in style && style.content)
        styles.add(hashSource(style.content));
    for (const script of route.scripts)
      if ('type' in script && script.type === 'inline' && 'value' in script && script.value)
        scripts.add(hashSource(script.value));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * The Content-Security-Policy of every page: scripts and styles only from our origin or as
 * inline blocks whose exact hash the build listed, nothing third-party, no framing. Fixed per
 * build, so a block injected into a page at run time is not allowed (docs/decisions/009).
 */
export function pageContentSecurityPolicy(hashes: InlineHashes): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes.scripts.join(' ')}`.trim(),
    `style-src 'self' ${hashes.styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function hashesIn(html: string, pattern: RegExp): string[] {
  return [...new Set([...html.matchAll(pattern)].map((match) => hashSource(match[1] ?? '')))];
}

/**
 * The policy for one page computed from its own HTML: only for `astro dev`, where no build
 * has listed its inline blocks. The built server uses `pageContentSecurityPolicy`.
 */
export function contentSecurityPolicyFor(html: string): string {
  return pageContentSecurityPolicy({
    scripts: hashesIn(html, INLINE_SCRIPT),
    styles: hashesIn(html, INLINE_STYLE),
  });
}

/** For JSON and other non-HTML answers: nothing may run, nothing may frame it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
