import { createHash } from 'node:crypto';
import { contentSecurityPolicyTest } from '@mdn/mdn-http-observatory/src/analyzer/tests/csp.js';
import { describe, expect, it } from 'vitest';
import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  inlineHashesOfRoutes,
  pageContentSecurityPolicy,
} from './content-security-policy.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('contentSecurityPolicyFor', () => {
  const html = `<html><head><style>body{margin:0}</style><script type="module" src="/_astro/a.js"></script>
<script>customElements.define('x-y', class extends HTMLElement {})</script></head>
<body><script>console.log("two")</script></body></html>`;
  const policy = contentSecurityPolicyFor(html);
  const directive = (name: string) =>
    policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

  it('lists the hash of every inline script and style, and nothing for external ones', () => {
    expect(directive('script-src').split(' ').slice(1).sort()).toEqual(
      [
        "'self'",
        sha(`customElements.define('x-y', class extends HTMLElement {})`),
        sha('console.log("two")'),
      ].sort(),
    );
    expect(directive('style-src')).toBe(`style-src 'self' ${sha('body{margin:0}')}`);
  });

  it('allows no inline script without its hash, no third party and no framing', () => {
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('changes when an injected script changes', () => {
    const injected = contentSecurityPolicyFor(html.replace('console.log("two")', 'alert(1)'));
    expect(injected).not.toBe(policy);
    expect(injected).not.toContain(sha('console.log("two")'));
  });

  it('has a locked-down policy for non-HTML answers', () => {
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('the build’s one policy', () => {
  const routes = [
    {
      styles: [
        { type: 'inline', content: 'body{margin:0}' },
        { type: 'external', src: '/_astro/a.css' },
      ],
      scripts: [{ type: 'external', value: '/_astro/a.js' }],
    },
    {
      styles: [{ type: 'inline', content: 'body{margin:0}' }],
      scripts: [{ type: 'inline', value: 'go()' }],
    },
  ];

  it('lists each inline style and script of the build once, and no external file', () => {
    expect(inlineHashesOfRoutes(routes)).toEqual({
      scripts: [sha('go()')],
      styles: [sha('body{margin:0}')],
    });
  });

  it('is the same policy whatever a page’s HTML holds', () => {
    const policy = pageContentSecurityPolicy(inlineHashesOfRoutes(routes));
    expect(policy).toContain(`style-src 'self' ${sha('body{margin:0}')}`);
    expect(policy).toContain(`script-src 'self' ${sha('go()')}`);
    expect(policy).not.toContain(sha('alert(1)'));
  });
});

describe('the build’s policy with no inline script (what astro.config.mjs ships)', () => {
  const policy = pageContentSecurityPolicy({ scripts: [], styles: [sha('body{margin:0}')] });

  it('lets scripts come from our origin only', () => {
    expect(policy).toContain("script-src 'self';");
  });

  // The MDN HTTP Observatory's own CSP test, fed the header as a page would send it.
  it('gets the Observatory’s best CSP result', () => {
    const outcome = contentSecurityPolicyTest({
      responses: {
        auto: { headers: { 'content-security-policy': policy }, httpEquiv: new Map() },
      },
      session: { url: new URL('https://pay.example.test/b2b/x') },
    });
    expect(outcome).toMatchObject({
      pass: true,
      result: 'csp-implemented-with-no-unsafe-default-src-none',
    });
  });
});
