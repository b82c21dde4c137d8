import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectInvalid, START_MS } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import { createV2, createV2Ok, createV2With, nextReffNo } from '../../../tests/support/v2-api.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

const HOUR_MS = 60 * 60 * 1000;

// SPEC §3.5: the request the JavaScript SDK's `create` sends: payment_link_type, an ISO
// expired_at, no title.
describe('POST /api/v2.0/payment-link/{account_id}', () => {
  it('creates a total link as the SDK sends it, answering 200 with the link object', async () => {
    const answer = await createV2(t, merchant, {
      reff_no: 'SDK-ORDER-1',
      payment_link_type: 'total',
      total_amount: 150_000,
      description: 'Order 1',
      expired_at: '2026-01-20T12:00:00.000Z',
      whitelisted_payment_method: ['QRIS', 'VA_BRI'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 200, success: true });
    expect(answer.body.data).toMatchObject({
      reff_no: 'SDK-ORDER-1',
      source: 'api v2',
      title: 'Order 1',
      description: 'Order 1',
      payment_url: expect.stringMatching(
        new RegExp(`^${TEST_BASE_URL}/b2b/PL\\d{14}[0-9a-f]{32}$`),
      ),
      status: 'open',
      status_computed: 'open',
      max_usage: 1,
      is_unlimited_usage: false,
      current_usage: 0,
      total_amount: '150000.00',
      items: null,
      expired_at: '2026-01-20T19:00:00+07:00',
      whitelisted_payment_method: ['QRIS', 'VA_BRI'],
      account: { id: merchant.accountId },
    });
  });

  it('creates an items link: the total is the sum of the items', async () => {
    const link = await createV2Ok(t, merchant, {
      payment_link_type: 'items',
      total_amount: undefined,
      items: [
        { name: 'Kopi susu', quantity: 2, unit_price: 25_000 },
        { name: 'Diskon', quantity: 1, unit_price: -5_000 },
      ],
    });
    expect(link.total_amount).toBe('45000.00');
    expect(link.items).toEqual([
      { name: 'Kopi susu', quantity: '2', unit_price: '25000', subtotal: 50_000 },
      { name: 'Diskon', quantity: '1', unit_price: '-5000', subtotal: -5_000 },
    ]);
  });

  it('max_usage 0 is unlimited: max_usage reads 0 and is_unlimited_usage true', async () => {
    const link = await createV2Ok(t, merchant, { max_usage: 0 });
    expect(link).toMatchObject({
      max_usage: 0,
      is_unlimited_usage: true,
      status: 'open',
      status_computed: 'open',
    });
  });

  it('expires 24 hours after creation when expired_at is absent or null', async () => {
    for (const expiry of [{}, { expired_at: null }]) {
      const link = await createV2Ok(t, merchant, expiry);
      expect(new Date(link.expired_at).getTime()).toBe(START_MS + 24 * HOUR_MS);
      expect(link.expired_at).toBe('2026-01-16T10:00:00+07:00');
    }
  });

  it('takes expired_at as epoch milliseconds (number or string), and ISO without an offset as WIB', async () => {
    const inTwoHours = START_MS + 2 * HOUR_MS;
    for (const expiredAt of [inTwoHours, String(inTwoHours), '2026-01-15T12:00:00']) {
      const link = await createV2Ok(t, merchant, { expired_at: expiredAt });
      expect(link.expired_at).toBe('2026-01-15T12:00:00+07:00');
    }
  });

  it.each([
    ['a past time', '2026-01-15T09:00:00+07:00'],
    ['a 10-digit epoch (seconds)', Math.floor(START_MS / 1000) + 3600],
    ['a date without time', '2026-01-20'],
    ['an impossible day', '2026-02-30T10:00:00'],
    ['a boolean', true],
  ])('refuses %s as expired_at, naming it', async (_label, expiredAt) => {
    expectInvalid(await createV2With(t, merchant, { expired_at: expiredAt }), 'expired_at');
  });

  it('titles the link: title when sent, else description, else reff_no', async () => {
    const titled = await createV2Ok(t, merchant, { title: 'Kaos', description: 'Ukuran L' });
    expect(titled).toMatchObject({ title: 'Kaos', description: 'Ukuran L' });
    const described = await createV2Ok(t, merchant, { description: 'Ukuran L' });
    expect(described).toMatchObject({ title: 'Ukuran L', description: 'Ukuran L' });
    const reff = nextReffNo();
    const bare = await createV2Ok(t, merchant, { reff_no: reff });
    expect(bare).toMatchObject({ title: reff, description: null });
    const long = await createV2Ok(t, merchant, { description: 'x'.repeat(1000) });
    expect(long.title).toBe('x'.repeat(255));
  });

  it('keeps success_redirect_url and expired_redirect_url', async () => {
    const link = await createV2Ok(t, merchant, {
      success_redirect_url: 'https://shop.example/thanks',
      expired_redirect_url: 'https://shop.example/too-late',
    });
    expect(link).toMatchObject({
      redirect_url: null,
      success_redirect_url: 'https://shop.example/thanks',
      expired_redirect_url: 'https://shop.example/too-late',
    });
  });

  it('refuses a redirect URL that is not absolute https, naming it', async () => {
    expectInvalid(
      await createV2With(t, merchant, {
        success_redirect_url: 'javascript:alert(1)',
        expired_redirect_url: '/relative',
      }),
      'success_redirect_url',
      'expired_redirect_url',
    );
  });

  it('takes customer_* on a single-use link, and echoes them', async () => {
    const link = await createV2Ok(t, merchant, {
      customer_name: 'Budi',
      customer_email: 'budi@example.com',
      customer_phone: '081234567890',
    });
    expect(link).toMatchObject({
      customer_name: 'Budi',
      customer_email: 'budi@example.com',
      customer_phone: '+6281234567890',
      customer: { name: 'Budi', email: 'budi@example.com', phone: '+6281234567890' },
    });
  });

  it.each([
    ['max_usage 5', 5],
    ['unlimited', 0],
  ])('refuses customer_* on a %s link, naming each field', async (_label, maxUsage) => {
    expectInvalid(
      await createV2With(t, merchant, {
        max_usage: maxUsage,
        customer_name: 'Budi',
        customer_email: 'budi@example.com',
      }),
      'customer_name',
      'customer_email',
    );
  });

  it('reads empty customer_* strings as not given, on any link', async () => {
    const link = await createV2Ok(t, merchant, {
      max_usage: 0,
      customer_name: '',
      customer_email: '',
      customer_phone: ' ',
    });
    expect(link).toMatchObject({ customer: null, customer_email: null });
  });

  it.each([
    ['required_customer_number', { required_customer_number: true }],
    ['required_customer_email', { required_customer_email: true }],
  ])('%s makes the page ask for the customer’s details', async (_label, asks) => {
    const link = await createV2Ok(t, merchant, { max_usage: 0, ...asks });
    expect(link).toMatchObject({ required_customer_detail: true, ...asks });
    const none = await createV2Ok(t, merchant);
    expect(none).toMatchObject({
      required_customer_detail: false,
      required_customer_number: false,
      required_customer_email: false,
    });
  });

  describe('refusals, each naming its field', () => {
    it('needs reff_no and payment_link_type', async () => {
      expectInvalid(
        await createV2(t, merchant, { total_amount: 20_000 }),
        'reff_no',
        'payment_link_type',
      );
    });

    it('refuses an unknown payment_link_type', async () => {
      expectInvalid(
        await createV2With(t, merchant, { payment_link_type: 'fixed' }),
        'payment_link_type',
      );
    });

    it('total needs total_amount and takes no items', async () => {
      expectInvalid(
        await createV2(t, merchant, { reff_no: nextReffNo(), payment_link_type: 'total' }),
        'total_amount',
      );
      expectInvalid(
        await createV2With(t, merchant, {
          items: [{ name: 'Kaos', quantity: 1, unit_price: 20_000 }],
        }),
        'items',
      );
    });

    it('items needs items', async () => {
      for (const items of [undefined, null, []]) {
        expectInvalid(
          await createV2(t, merchant, { reff_no: nextReffNo(), payment_link_type: 'items', items }),
          'items',
        );
      }
    });

    it('refuses max_usage below 0 or not whole', async () => {
      expectInvalid(await createV2With(t, merchant, { max_usage: -1 }), 'max_usage');
      expectInvalid(await createV2With(t, merchant, { max_usage: 1.5 }), 'max_usage');
    });

    it('answers 409 for a reff_no the account already used', async () => {
      const reff = nextReffNo();
      await createV2Ok(t, merchant, { reff_no: reff });
      expectFailure(await createV2With(t, merchant, { reff_no: reff }), 409, 'REFF_NO_TAKEN');
    });
  });
});
