import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkOk, refreshToken } from '../support/link-api.ts';
import { createMerchant, type Merchant } from '../support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../support/test-paylink.ts';
import {
  expectFieldErrors,
  expectLinkObject,
  expectSdkFailure,
  expectSdkSuccess,
} from './support/sdk-answers.ts';
import { createSdkClient, type SdkClient } from './support/sdk-client.ts';
import { laravelSingapay, singapayJs } from './support/sdk-dialects.ts';

// Contract (issue 11, SPEC §3.5, reference §2.9): the v2.0 calls of singapay-js — its own
// create(), find() and update() — and of laravel-singapay's later endpoint table, as they send
// them. Paths: POST /api/v2.0/payment-link/{account_id}, GET /api/v2.0/payment-link/{id},
// PUT /api/v2.0/payment-link/update/{id}; list and delete stay on v1.0.

const HOUR = 3_600_000;

let t: TestPaylink;
let merchant: Merchant;
let js: SdkClient;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  js = createSdkClient(t, merchant, singapayJs());
});
afterAll(() => t.close());

const create = (client: SdkClient, body: object) =>
  client.call('POST', `/api/v2.0/payment-link/${merchant.accountId}`, { body });
const find = (client: SdkClient, id: number) => client.call('GET', `/api/v2.0/payment-link/${id}`);
const update = (client: SdkClient, id: number, body: object) =>
  client.call('PUT', `/api/v2.0/payment-link/update/${id}`, { body });

/** The fields SPEC §3.5 adds to the link object, with their JSON types. */
function expectV2LinkObject(link: any): void {
  expectLinkObject(link);
  expect(link).toMatchObject({
    source: 'api v2',
    is_unlimited_usage: expect.any(Boolean),
  });
  for (const field of [
    'description',
    'success_redirect_url',
    'expired_redirect_url',
    'customer_name',
    'customer_email',
    'customer_phone',
  ]) {
    expect(link).toHaveProperty(field);
    if (link[field] !== null) expect(typeof link[field]).toBe('string');
  }
}

describe('singapay-js create(): POST /api/v2.0/payment-link/{account_id}', () => {
  it("payment_link_type 'total' with an ISO expired_at, as its README and e2e tests send it", async () => {
    const expiry = new Date(t.clock.now().getTime() + 24 * HOUR);
    const link = expectSdkSuccess(
      await create(js, {
        reff_no: 'JS-V2-0001',
        payment_link_type: 'total',
        total_amount: 50_000,
        whitelisted_payment_method: ['VA_BCA', 'QRIS'],
        expired_at: expiry.toISOString(),
      }),
    );
    expectV2LinkObject(link);
    expect(link).toMatchObject({
      reff_no: 'JS-V2-0001',
      title: 'JS-V2-0001',
      total_amount: '50000.00',
      max_usage: 1,
      is_unlimited_usage: false,
    });
    expect(Date.parse(link.expired_at)).toBe(Math.floor(expiry.getTime() / 1000) * 1000);
  });

  it("payment_link_type 'items': total computed, max_usage 0 unlimited, redirects, detail flags", async () => {
    const link = expectSdkSuccess(
      await create(js, {
        reff_no: 'JS-V2-0002',
        payment_link_type: 'items',
        items: [
          { name: 'Kaos Polos', quantity: 2, unit_price: 75_000 },
          { name: 'Diskon', quantity: 1, unit_price: -10_000 },
        ],
        description: 'Pesanan toko online',
        max_usage: 0,
        success_redirect_url: 'https://toko.example/sukses',
        expired_redirect_url: 'https://toko.example/kedaluwarsa',
        required_customer_number: true,
        required_customer_email: true,
        optional_metadata: { order_id: 'SO-17' },
      }),
    );
    expectV2LinkObject(link);
    expect(link).toMatchObject({
      title: 'Pesanan toko online',
      description: 'Pesanan toko online',
      total_amount: '140000.00',
      max_usage: 0,
      is_unlimited_usage: true,
      status_computed: 'open',
      required_customer_detail: true,
      success_redirect_url: 'https://toko.example/sukses',
      expired_redirect_url: 'https://toko.example/kedaluwarsa',
      optional_metadata: { order_id: 'SO-17' },
    });
    // Without expired_at the link lasts 24 hours.
    expect(Date.parse(link.expired_at)).toBe(t.clock.now().getTime() + 24 * HOUR);
  });

  it('customer_* on a single-use link; on a multi-use one they are a 422 naming them', async () => {
    const customer = {
      customer_name: 'Budi Santoso',
      customer_email: 'budi@example.com',
      customer_phone: '081234567890',
    };
    const single = expectSdkSuccess(
      await create(js, {
        reff_no: 'JS-V2-0003',
        payment_link_type: 'total',
        total_amount: 20_000,
        ...customer,
      }),
    );
    // Phones come back in the one form Paylink stores them in (+62…), as on v1.0.
    expect(single).toMatchObject({ ...customer, customer_phone: '+6281234567890' });
    const multi = await create(js, {
      reff_no: 'JS-V2-0004',
      payment_link_type: 'total',
      total_amount: 20_000,
      max_usage: 5,
      ...customer,
    });
    expectFieldErrors(multi, 'customer_name');
  });
});

describe('singapay-js find() and update(): no account id in the path', () => {
  it('finds a link by its numeric id; another account gets a 404', async () => {
    const created = expectSdkSuccess(
      await create(js, { reff_no: 'JS-V2-0005', payment_link_type: 'total', total_amount: 30_000 }),
    );
    const found = expectSdkSuccess(await find(js, created.id));
    expectV2LinkObject(found);
    expect(found).toMatchObject({
      id: created.id,
      reff_no: 'JS-V2-0005',
      payment_url: created.payment_url,
    });

    const stranger = createSdkClient(t, await createMerchant(t), singapayJs());
    expectSdkFailure(await find(stranger, created.id), 404);
  });

  it('updates only the fields sent; amount, items, reff_no and type are 422', async () => {
    const created = expectSdkSuccess(
      await create(js, {
        reff_no: 'JS-V2-0006',
        payment_link_type: 'total',
        total_amount: 30_000,
        success_redirect_url: 'https://toko.example/sukses',
      }),
    );
    const updated = expectSdkSuccess(
      await update(js, created.id, { description: 'Harga spesial', max_usage: 5 }),
    );
    expectV2LinkObject(updated);
    expect(updated).toMatchObject({
      description: 'Harga spesial',
      max_usage: 5,
      total_amount: '30000.00',
      success_redirect_url: 'https://toko.example/sukses',
    });
    for (const field of ['total_amount', 'reff_no', 'payment_link_type', 'items']) {
      const value = { total_amount: 1, reff_no: 'X', payment_link_type: 'items', items: [] }[field];
      expectFieldErrors(await update(js, created.id, { [field]: value }), field);
    }
  });

  it('a v2 link is listed and deleted through v1.0, as the SDK does', async () => {
    const created = expectSdkSuccess(
      await create(js, { reff_no: 'JS-V2-0007', payment_link_type: 'total', total_amount: 30_000 }),
    );
    const manage = `/api/v1.0/payment-link-manage/${merchant.accountId}`;
    const listed = expectSdkSuccess(await js.call('GET', manage));
    expect(listed.find((row: { id: number }) => row.id === created.id)).toMatchObject({
      source: 'api v2',
    });
    expect(expectSdkSuccess(await js.call('DELETE', `${manage}/${created.id}`))).toEqual({
      message: 'Payment Link deleted successfully',
    });
  });

  it("v1.0 links report source 'api v1' when read through v2", async () => {
    await refreshToken(t, merchant);
    const v1 = await createLinkOk(t, merchant, { title: 'Lama', total_amount: 20_000 });
    expect(expectSdkSuccess(await find(js, v1.id))).toMatchObject({ id: v1.id, source: 'api v1' });
  });
});

describe('laravel-singapay (v2 endpoint table): json_encode bodies', () => {
  it('creates from its payment_link charge mapping and updates partially', async () => {
    const php = createSdkClient(t, merchant, laravelSingapay());
    const created = expectSdkSuccess(
      await create(php, {
        reff_no: 'INV-2026-0001',
        payment_link_type: 'total',
        total_amount: 150_000,
        max_usage: 1,
        expired_at: '2026-01-20T12:00:00+07:00',
        success_redirect_url: 'https://gonsu.id/thanks',
      }),
    );
    expectV2LinkObject(created);
    expect(created).toMatchObject({
      total_amount: '150000.00',
      expired_at: '2026-01-20T12:00:00+07:00',
      success_redirect_url: 'https://gonsu.id/thanks',
    });
    const updated = expectSdkSuccess(
      await update(php, created.id, { expired_redirect_url: 'https://gonsu.id/expired' }),
    );
    expect(updated).toMatchObject({
      expired_redirect_url: 'https://gonsu.id/expired',
      success_redirect_url: 'https://gonsu.id/thanks',
    });
    expect(expectSdkSuccess(await find(php, created.id)).id).toBe(created.id);
  });
});
