import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';

let t: TestPaylink;
beforeAll(async () => {
  t = await createTestPaylink();
});
afterAll(() => t.close());

it.each(['/healthz', '/api/v1.0/payment-link-manage/x', '/b2b/PLnope/status'])(
  '%s carries the security headers',
  async (path) => {
    const response = await t.app.request(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The test server's PUBLIC_BASE_URL is https: browsers are told to stay on https.
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  },
);
