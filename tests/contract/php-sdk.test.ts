import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payVa, publicIdOf, startPayment } from '../support/checkout-api.ts';
import { createLinkOk, refreshToken } from '../support/link-api.ts';
import { createMerchant, type Merchant } from '../support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../support/test-paylink.ts';
import { jakartaDay, utcDay } from './support/client-encoding.ts';
import { PhpFloat } from './support/php-json.ts';
import {
  expectFieldErrors,
  expectHistoryObject,
  expectLinkObject,
  expectPagination,
  expectSdkFailure,
  expectSdkSuccess,
} from './support/sdk-answers.ts';
import { createSdkClient } from './support/sdk-client.ts';
import { laravelSingapay, singapayOfficialPhp } from './support/sdk-dialects.ts';
import { reffNos } from './support/seed-payments.ts';

// Contract (issue 11): the requests of the two PHP SingaPay clients exactly as PHP writes them
// (json_encode escapes `/` and non-ASCII, http_build_query writes `true` as `1`, an empty
// array is `[]`; support/php-json.ts), and the parts of each answer they read.

/** 02:30 WIB on 16 January, when the UTC calendar day is still the 15th. */
const BEFORE_SEVEN_WIB = new Date('2026-01-15T19:30:00.000Z');
const DAY = 86_400_000;
const METHODS = '/api/v1.0/payment-link-manage/payment-methods';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  t.clock.set(BEFORE_SEVEN_WIB);
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

const manage = () => `/api/v1.0/payment-link-manage/${merchant.accountId}`;
const laravel = (version: '1.0' | '1.1' = '1.1') =>
  createSdkClient(t, merchant, laravelSingapay(version));
const official = () => createSdkClient(t, merchant, singapayOfficialPhp());

async function seedLink(body: object = {}): Promise<any> {
  await refreshToken(t, merchant);
  return createLinkOk(t, merchant, body);
}

describe('laravel-singapay: tokens (SPEC §3.1)', () => {
  it('takes a v1.1 token signed with the Asia/Jakarta day', async () => {
    const token = expectSdkSuccess(await laravel('1.1').requestToken());
    expect(token).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    // It casts `(int) expires_in` and caches for that minus 60 seconds.
    expect(token.expires_in).toMatch(/^\d+$/);
    expect(Number(token.expires_in)).toBeGreaterThan(60);
  });

  it('takes a v1.0 token with withBasicAuth', async () => {
    expect(expectSdkSuccess(await laravel('1.0').requestToken()).access_token).toEqual(
      expect.any(String),
    );
  });
});

describe('laravel-singapay: payment links (v1.0)', () => {
  it('creates a link from json_encode bytes: escaped slashes and unicode, expiry as ms text', async () => {
    const expiry = t.clock.now().getTime() + 3 * DAY;
    const reply = await laravel().call('POST', manage(), {
      body: {
        reff_no: 'INV-2026-0001',
        title: 'Kopi Susu – Gula Aren',
        max_usage: 5,
        total_amount: 45_000,
        items: [{ name: 'Kopi Susu', quantity: 3, unit_price: 15_000 }],
        required_customer_detail: false,
        expired_at: String(expiry),
        whitelisted_payment_method: ['QRIS', 'VA_BNI'],
        redirect_url: 'https://toko.example/terima-kasih?order=INV-2026-0001',
        optional_metadata: { order_id: 'SO/2026/17', channel: 'web' },
      },
    });
    const link = expectSdkSuccess(reply);
    expectLinkObject(link);
    expect(link).toMatchObject({
      reff_no: 'INV-2026-0001',
      title: 'Kopi Susu – Gula Aren',
      total_amount: '45000.00',
      redirect_url: 'https://toko.example/terima-kasih?order=INV-2026-0001',
      optional_metadata: { order_id: 'SO/2026/17', channel: 'web' },
    });
    expect(Date.parse(link.expired_at)).toBe(Math.floor(expiry / 1000) * 1000);
  });

  it("takes optional_metadata => [] (json_encode's empty map) as {}", async () => {
    const reply = await laravel().call('POST', manage(), {
      body: {
        reff_no: 'INV-2026-0002',
        title: 'Kaos',
        max_usage: 1,
        total_amount: 20_000,
        items: [{ name: 'Kaos', quantity: 1, unit_price: 20_000 }],
        optional_metadata: {},
      },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(expectSdkSuccess(reply).optional_metadata).toEqual({});
  });

  it('finds, updates (max_usage and status required) and lists links', async () => {
    const link = await seedLink({ total_amount: 25_000, max_usage: 2 });
    const client = laravel();
    const found = expectSdkSuccess(await client.call('GET', `${manage()}/${link.id}`));
    expectLinkObject(found);
    expect(found).toMatchObject({ id: link.id, reff_no: link.reff_no });

    const updated = expectSdkSuccess(
      await client.call('PUT', `${manage()}/${link.id}`, {
        body: {
          max_usage: 8,
          status: 'open',
          required_customer_detail: true,
          expired_at: String(t.clock.now().getTime() + DAY),
          whitelisted_payment_method: null,
          redirect_url: 'https://toko.example/selesai',
        },
      }),
    );
    expectLinkObject(updated);
    expect(updated).toMatchObject({
      max_usage: 8,
      required_customer_detail: true,
      whitelisted_payment_method: null,
      redirect_url: 'https://toko.example/selesai',
    });

    const listed = await client.call('GET', manage());
    expect(reffNos(expectSdkSuccess(listed))).toContain(link.reff_no);
    expectPagination(listed, { current_page: 1 });
  });

  it('reads the field map under error.errors (its fieldErrors()) when a create is refused', async () => {
    const reply = await laravel().call('POST', manage(), {
      body: {
        reff_no: 'INV-2026-0003',
        title: 'Kaos',
        max_usage: 1,
        total_amount: 20_000,
        items: [{ name: 'Kaos', quantity: 1, unit_price: 20_000 }],
        whitelisted_payment_method: ['OVO'],
      },
    });
    expectFieldErrors(reply, 'whitelisted_payment_method.0');
  });

  it('deletes a link without payments; one with a payment is refused with the failure envelope', async () => {
    const client = laravel();
    const idle = await seedLink();
    expect(expectSdkSuccess(await client.call('DELETE', `${manage()}/${idle.id}`))).toEqual({
      message: 'Payment Link deleted successfully',
    });
    const used = await seedLink();
    expect((await startPayment(t, publicIdOf(used), { method: 'QRIS' })).status).toBe(201);
    expectSdkFailure(await client.call('DELETE', `${manage()}/${used.id}`), 409);
  });

  it('reads paymentMethods(), lists histories and finds one', async () => {
    const client = laravel();
    const methods = expectSdkSuccess(await client.call('GET', METHODS));
    expect(methods.available_codes).toEqual(expect.arrayContaining(['QRIS', 'VA_BRI']));

    const link = await seedLink({ total_amount: 30_000 });
    const payment = (await startPayment(t, publicIdOf(link), { method: 'VA_MANDIRI' })).body.data;
    await payVa(t, { bank: 'MANDIRI', va_number: payment.payment_method_value, amount: 30_000 });
    const histories = `/api/v1.0/payment-link-histories/${merchant.accountId}`;
    const rows = expectSdkSuccess(await client.call('GET', histories));
    rows.forEach(expectHistoryObject);
    const one = expectSdkSuccess(await client.call('GET', `${histories}/${payment.id}`));
    expect(one).toMatchObject({ reff_no: payment.reff_no, status: 'paid', amount: '30000.00' });
  });

  it('on a 401 forgets its token, takes a new one and retries once', async () => {
    const client = laravel();
    expectSdkSuccess(await client.call('GET', METHODS));
    t.clock.advance(16 * 60_000);
    expectSdkSuccess(await client.call('GET', METHODS));
    expect(client.sent.map((request) => request.method)).toEqual([
      'POST',
      'GET',
      'GET',
      'POST',
      'GET',
    ]);
  });
});

describe('singapay/payment-gateway (SingaPay PHP SDK)', () => {
  it("takes a v1.1 token signed with date('Ymd'): the UTC day, before 07:00 WIB", async () => {
    expect(utcDay(t.clock.now())).not.toBe(jakartaDay(t.clock.now()));
    expect(expectSdkSuccess(await official().requestToken()).access_token).toEqual(
      expect.any(String),
    );
  });

  it('creates a link with float amounts (250000.0) and an integer ms expiry', async () => {
    const expiry = t.clock.now().getTime() + 7 * DAY;
    const link = expectSdkSuccess(
      await official().call('POST', manage(), {
        body: {
          reff_no: 'PL-1768591800',
          title: 'Product Purchase',
          total_amount: new PhpFloat(250_000),
          items: [
            { name: 'Premium Product A', quantity: 2, unit_price: new PhpFloat(100_000) },
            { name: 'Product B', quantity: 1, unit_price: new PhpFloat(50_000) },
          ],
          required_customer_detail: true,
          max_usage: 10,
          expired_at: expiry,
          whitelisted_payment_method: ['VA_BCA', 'QRIS'],
        },
      }),
    );
    expectLinkObject(link);
    expect(link).toMatchObject({
      reff_no: 'PL-1768591800',
      total_amount: '250000.00',
      max_usage: 10,
    });
    expect(link.items.map((item: { subtotal: number }) => item.subtotal)).toEqual([
      200_000, 50_000,
    ]);
  });

  it('gets the field map under error.errors when a create is refused', async () => {
    const reply = await official().call('POST', manage(), {
      body: {
        reff_no: 'PL-1768591801',
        title: 'Kaos',
        total_amount: 20_000,
        max_usage: 1,
        items: [{ name: 'Kaos', quantity: 1, unit_price: 20_000 }],
        redirect_url: 'javascript:alert(1)',
      },
    });
    expectFieldErrors(reply, 'redirect_url');
  });

  it('lists with ?page=1&per_page=25, gets, updates, deletes', async () => {
    const link = await seedLink({ total_amount: 40_000, max_usage: 4 });
    const client = official();
    const listed = await client.call('GET', manage(), { query: { page: 1, per_page: 25 } });
    expect(reffNos(expectSdkSuccess(listed))).toContain(link.reff_no);
    expectPagination(listed, { current_page: 1, per_page: 25 });

    const got = expectSdkSuccess(await client.call('GET', `${manage()}/${link.id}`));
    expect(got).toMatchObject({ id: link.id, payment_url: link.payment_url });

    const updated = expectSdkSuccess(
      await client.call('PUT', `${manage()}/${link.id}`, {
        body: { status: 'closed', max_usage: 6, whitelisted_payment_method: ['QRIS'] },
      }),
    );
    expect(updated).toMatchObject({ status: 'closed', status_computed: 'closed', max_usage: 6 });

    expect(expectSdkSuccess(await client.call('DELETE', `${manage()}/${link.id}`))).toEqual({
      message: 'Payment Link deleted successfully',
    });
  });

  it('reads getAvailablePaymentMethods()', async () => {
    const data = expectSdkSuccess(await official().call('GET', METHODS));
    expect(data.payment_methods).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'QRIS', name: 'QRIS', group: 'qris' }),
      ]),
    );
  });
});
