import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure } from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  type Merchant,
  merchantHeaders,
} from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

const PATH = '/api/v1.0/payment-link-manage/payment-methods';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

describe('GET /api/v1.0/payment-link-manage/payment-methods (SPEC §3.4, §5)', () => {
  it('answers the catalog: codes, names, groups, limits, enabled', async () => {
    const answer = await callApi(t, merchant, 'GET', PATH);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 200, success: true });
    const rows = answer.body.data.payment_methods.map((m: any) => [
      m.code,
      m.name,
      m.group,
      m.min_amount,
      m.max_amount,
      m.enabled,
    ]);
    expect(rows).toEqual([
      ['QRIS', 'QRIS', 'qris', 1_000, 10_000_000, true],
      ['VA_BCA', 'VA BCA', 'va', 10_000, 20_000_000, true],
      ['VA_BNI', 'VA BNI', 'va', 10_000, 250_000_000, true],
      ['VA_BRI', 'VA BRI', 'va', 10_000, 250_000_000, true],
      ['VA_MANDIRI', 'VA MANDIRI', 'va', 10_000, 100_000_000, true],
      ['VA_PERMATA', 'VA PERMATA', 'va', 10_000, 100_000_000, true],
      ['VA_CIMB', 'VA CIMB', 'va', 10_000, 100_000_000, true],
      ['VA_DANAMON', 'VA DANAMON', 'va', 10_000, 100_000_000, true],
      ['VA_MAYBANK', 'VA MAYBANK', 'va', 10_000, 100_000_000, true],
      ['VA_BSI', 'VA BSI', 'va', 10_000, 100_000_000, true],
    ]);
  });

  it('lists the enabled codes, and follows the configured catalog', async () => {
    const before = await callApi(t, merchant, 'GET', PATH);
    expect(before.body.data.available_codes).toHaveLength(10);
    const original = t.deps.catalog;
    t.deps.catalog = {
      ...original,
      all: original.all.map((m) => (m.code === 'VA_BSI' ? { ...m, enabled: false } : m)),
    };
    try {
      const after = await callApi(t, merchant, 'GET', PATH);
      expect(after.body.data.available_codes).not.toContain('VA_BSI');
      expect(after.body.data.payment_methods.find((m: any) => m.code === 'VA_BSI').enabled).toBe(
        false,
      );
    } finally {
      t.deps.catalog = original;
    }
  });

  it('requires a bearer token (401 with WWW-Authenticate)', async () => {
    const response = await t.app.request(PATH, { headers: { 'x-partner-id': merchant.apiKey } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expectFailure(
      { status: response.status, body: await response.json(), headers: response.headers },
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses a forged token and a foreign X-PARTNER-ID', async () => {
    const forged = await t.app.request(PATH, {
      headers: { ...merchantHeaders(merchant), authorization: 'Bearer not-a-token' },
    });
    expect(forged.status).toBe(401);
    const other = await createMerchant(t);
    const foreign = await t.app.request(PATH, {
      headers: { ...merchantHeaders(merchant), 'x-partner-id': other.apiKey },
    });
    expect(foreign.status).toBe(403);
  });
});
