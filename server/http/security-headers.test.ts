import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';

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
