import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

describe('POST /api/v1.0/payment-link-manage/{account_id}: happy', () => {
  it('creates a link and shows it with the exact field types of SPEC §3.3', async () => {
    const created = await callApi(t, merchant, 'POST', linksPath(merchant), {
      title: 'tes',
      max_usage: 1000,
      items: [{ name: 'tes', quantity: 1, unit_price: 20000 }],
      whitelisted_payment_method: ['VA_BRI', 'QRIS'],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 200, success: true });
    const link = created.body.data;
    expect(link.id).toEqual(expect.any(Number));
    expect(link.reff_no).toMatch(/^PL\d{14}[0-9a-f]{32}$/);
    expect(link.payment_url).toBe(`https://pay.example.test/b2b/${link.reff_no}`);
    expect(link.total_amount).toBe('20000.00');
    expect(link.items).toEqual([
      { name: 'tes', quantity: '1', unit_price: '20000', subtotal: 20000 },
    ]);
    expect(link.status_computed).toBe('open');
    expect(link.created_at).toBe('2026-01-15T10:00:00+07:00');

    const shown = await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${link.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data).toEqual(link);
  });
});
