import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paymentLinks } from '../../store/schema.ts';
import {
  createLinkOk,
  expectFailure,
  HOUR_MS,
  refreshToken,
  START,
} from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, {
    name: 'Moh. Zulkifli Katili',
    email: 'tes@gmail.com',
    phone: '08123993201',
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.clock.set(START);
  await refreshToken(t, merchant);
});

const show = (id: number | string, who = merchant) =>
  callApi(t, who, 'GET', `${linksPath(who)}/${id}`);
/** Moves the injected clock, keeping the merchant's token fresh. */
async function advance(ms: number) {
  t.clock.advance(ms);
  await refreshToken(t, merchant);
}
const store = (id: number, values: Partial<typeof paymentLinks.$inferInsert>) =>
  t.db.update(paymentLinks).set(values).where(eq(paymentLinks.id, id));

describe('GET …/{payment_link_id}: the link object (SPEC §3.3)', () => {
  it('has every field with its JSON type and value', async () => {
    const created = await createLinkOk(t, merchant, {
      reff_no: 'INV-103',
      title: 'tes',
      required_customer_detail: true,
      max_usage: 1000,
      items: [{ name: 'tes', quantity: 1, unit_price: 20_000 }],
      total_amount: 20_000,
      whitelisted_payment_method: ['VA_BRI', 'VA_DANAMON', 'VA_MAYBANK', 'QRIS'],
    });
    t.clock.advance(90_000);
    const { status, body } = await show(created.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 200, success: true });
    const link = body.data;
    expect(link).toEqual({
      id: created.id,
      reff_no: 'INV-103',
      source: 'api v1',
      title: 'tes',
      description: null,
      payment_url: expect.stringMatching(
        new RegExp(`^${TEST_BASE_URL}/b2b/PL20260115100000[0-9a-f]{32}$`),
      ),
      status: 'open',
      status_computed: 'open',
      required_customer_detail: true,
      required_customer_number: false,
      required_customer_email: false,
      max_usage: 1000,
      is_unlimited_usage: false,
      current_usage: 0,
      expired_at: null,
      is_expired: false,
      total_amount: '20000.00',
      items: [{ name: 'tes', quantity: '1', unit_price: '20000', subtotal: 20_000 }],
      whitelisted_payment_method: ['VA_BRI', 'VA_DANAMON', 'VA_MAYBANK', 'QRIS'],
      redirect_url: null,
      success_redirect_url: null,
      expired_redirect_url: null,
      callback_url: null,
      optional_metadata: null,
      customer: null,
      customer_name: null,
      customer_email: null,
      customer_phone: null,
      payment_date: null,
      created_at: '2026-01-15T10:00:00+07:00',
      updated_at: '2026-01-15T10:00:00+07:00',
      account: {
        id: merchant.accountId,
        name: 'Moh. Zulkifli Katili',
        email: 'tes@gmail.com',
        phone: expect.any(String),
        status: 'active',
      },
    });
    expect(typeof link.id).toBe('number');
    expect(Number.isInteger(link.id)).toBe(true);
  });

  it('writes payment_date and changed times in WIB with +07:00', async () => {
    const link = await createLinkOk(t, merchant);
    await store(link.id, {
      paymentDate: new Date('2026-01-15T06:59:40Z'),
      updatedAt: new Date('2026-01-15T17:16:05Z'),
    });
    const shown = (await show(link.id)).body.data;
    expect(shown.payment_date).toBe('2026-01-15T13:59:40+07:00');
    expect(shown.updated_at).toBe('2026-01-16T00:16:05+07:00');
  });
});

describe('GET …/{payment_link_id}: status_computed (SPEC §2)', () => {
  it('turns expired when the clock reaches expired_at, while status stays open', async () => {
    const link = await createLinkOk(t, merchant, { expired_at: START.getTime() + HOUR_MS });
    await advance(HOUR_MS - 1);
    expect((await show(link.id)).body.data).toMatchObject({
      status: 'open',
      status_computed: 'open',
      is_expired: false,
    });
    await advance(1);
    expect((await show(link.id)).body.data).toMatchObject({
      status: 'open',
      status_computed: 'expired',
      is_expired: true,
    });
    await advance(HOUR_MS);
    expect((await show(link.id)).body.data).toMatchObject({
      status_computed: 'expired',
      is_expired: true,
    });
  });

  it('is closed once current_usage reaches max_usage', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 3 });
    await store(link.id, { currentUsage: 2 });
    expect((await show(link.id)).body.data).toMatchObject({
      current_usage: 2,
      status_computed: 'open',
    });
    await store(link.id, { currentUsage: 3 });
    expect((await show(link.id)).body.data).toMatchObject({
      status: 'open',
      current_usage: 3,
      status_computed: 'closed',
      is_expired: false,
    });
  });

  it('is closed when the stored status is closed', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 5 });
    await store(link.id, { status: 'closed' });
    expect((await show(link.id)).body.data).toMatchObject({
      status: 'closed',
      status_computed: 'closed',
      is_expired: false,
    });
  });

  it('says expired, not closed, for a closed or used-up link past expired_at', async () => {
    const closed = await createLinkOk(t, merchant, { expired_at: START.getTime() + HOUR_MS });
    const usedUp = await createLinkOk(t, merchant, { expired_at: START.getTime() + HOUR_MS });
    await store(closed.id, { status: 'closed' });
    await store(usedUp.id, { currentUsage: 1 });
    expect((await show(closed.id)).body.data.status_computed).toBe('closed');
    expect((await show(usedUp.id)).body.data.status_computed).toBe('closed');
    await advance(HOUR_MS);
    expect((await show(closed.id)).body.data).toMatchObject({
      status: 'closed',
      status_computed: 'expired',
      is_expired: true,
    });
    expect((await show(usedUp.id)).body.data).toMatchObject({
      status_computed: 'expired',
      is_expired: true,
    });
  });
});

describe('GET …/{payment_link_id}: not found', () => {
  it.each(['abc', '1.5', '-1', '0', '01', '1e3', '2147483648', '99999999999999999999', '1%20'])(
    'answers 404 for the id %s',
    async (id) => {
      expectFailure(await show(id), 404, 'LINK_NOT_FOUND');
    },
  );

  it('answers 404 for an id holding NUL, before any route reads it (SPEC §9)', async () => {
    expectFailure(await show('%00'), 404, 'NOT_FOUND');
  });

  it('answers 404 for an id that does not exist', async () => {
    expectFailure(await show(2_147_483_647), 404, 'LINK_NOT_FOUND');
  });

  it("answers 404 for another account's link, asked under one's own account", async () => {
    const other = await createMerchant(t);
    const theirs = await createLinkOk(t, other);
    expect((await show(theirs.id, other)).status).toBe(200);
    expectFailure(await show(theirs.id), 404, 'LINK_NOT_FOUND');
  });

  it("answers 403 under another account's id (SPEC §3.1)", async () => {
    const other = await createMerchant(t);
    const theirs = await createLinkOk(t, other);
    const answer = await callApi(t, merchant, 'GET', `${linksPath(other)}/${theirs.id}`);
    expectFailure(answer, 403, 'ACCOUNT_MISMATCH');
    expect(JSON.stringify(answer.body)).not.toContain(theirs.reff_no);
  });
});
