import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf } from '../../tests/support/checkout-api.ts';
import { isV4Path, unreadablePaths } from '../../tests/support/hostile-paths.ts';
import { createLinkOk } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant, merchantHeaders } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { basicAuth } from '../../tests/support/v4-api.ts';

let t: TestPaylink;
let merchant: Merchant;
let paths: string[];

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  const link = await createLinkOk(t, merchant);
  paths = unreadablePaths({ link: publicIdOf(link), account: merchant.accountId });
});
afterAll(() => t.close());

/** Credentials that would let the request through, so that only the path is wrong. */
function credentialsFor(path: string): Record<string, string> {
  if (isV4Path(path)) return { authorization: basicAuth(merchant.clientId, merchant.clientSecret) };
  return merchantHeaders(merchant);
}

// SPEC §9: paths with control characters, NUL or invalid UTF-8 are 404, in the dialect of
// their prefix, before anything (authentication included) looks at them.
describe('paths with control characters, NUL or invalid UTF-8 (in-process app)', () => {
  it.each(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])(
    '%s on every route prefix is a JSON 404, with or without credentials',
    async (method) => {
      for (const path of paths) {
        for (const headers of [{}, credentialsFor(path)]) {
          const response = await t.app.request(path, { method, headers });
          const where = `${method} ${path}`;
          expect(response.status, where).toBe(404);
          if (method === 'HEAD') continue;
          const body = await response.json();
          if (isV4Path(path)) expect(body.errors[0].code, where).toBe('NOT_FOUND');
          else expect(body.error.reason, where).toBe('NOT_FOUND');
          // The path is not echoed back: it is the attacker's text.
          expect(JSON.stringify(body), where).not.toMatch(/2026-01-15|\\u0000|\\n/);
        }
      }
    },
  );
});
