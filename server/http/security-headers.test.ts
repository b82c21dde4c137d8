import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { API_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { securityHeaders, STRICT_TRANSPORT_SECURITY } from './security-headers.ts';

const PATHS = ['/healthz', '/api/v1.0/payment-link-manage/x', '/b2b/PLnope/status'];

describe('behind https (PUBLIC_BASE_URL=https://…)', () => {
  let t: TestPaylink;
  beforeAll(async () => {
    t = await createTestPaylink();
  });
  afterAll(() => t.close());

  it.each(PATHS)('%s carries the security headers', async (path) => {
    const response = await t.app.request(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // No other site may load what we serve as an image, script or frame (docs/decisions/015).
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    // SPEC §9: browsers are told to stay on https for two years, subdomains included.
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
  });
});

describe('over plain http (development)', () => {
  let t: TestPaylink;
  beforeAll(async () => {
    t = await createTestPaylink({ env: { PUBLIC_BASE_URL: 'http://127.0.0.1:3000' } });
  });
  afterAll(() => t.close());

  it.each(PATHS)('%s sends no HSTS (a browser ignores it over http anyway)', async (path) => {
    const response = await t.app.request(path);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('served by Node (@hono/node-server, as in production)', () => {
  let t: TestPaylink;
  const servers: ServerType[] = [];
  const listen = (app: Hono) =>
    new Promise<string>((resolve) => {
      servers.push(
        serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          resolve(`http://127.0.0.1:${info.port}`),
        ),
      );
    });
  const get = async (url: string) => {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.headers;
  };
  beforeAll(async () => {
    t = await createTestPaylink();
  });
  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it.each(PATHS)('%s carries each security header once, with its value', async (path) => {
    const headers = await get(`${await listen(t.app)}${path}`);
    // A header sent twice would arrive as both values joined by ", ".
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('same-origin');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("an answer's own Content-Security-Policy replaces the API one", async () => {
    const app = new Hono();
    app.use('*', securityHeaders({ https: false }));
    app.get('/page', (c) =>
      c.html('<p>page</p>', 200, { 'content-security-policy': "default-src 'self'" }),
    );
    const headers = await get(`${await listen(app)}/page`);
    expect(headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('strict-transport-security')).toBeNull();
  });
});
