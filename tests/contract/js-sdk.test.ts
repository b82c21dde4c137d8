import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkOk, refreshToken } from '../support/link-api.ts';
import { createMerchant, type Merchant } from '../support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../support/test-paylink.ts';
import { hostDay, jakartaDay, utcDay } from './support/client-encoding.ts';
import {
  expectFieldErrors,
  expectHistoryObject,
  expectLinkObject,
  expectPagination,
  expectSdkFailure,
  expectSdkSuccess,
} from './support/sdk-answers.ts';
import { createSdkClient, type Dialect } from './support/sdk-client.ts';
import { singapayJs, singapayOfficialJs } from './support/sdk-dialects.ts';
import { reffNos, seedPayments } from './support/seed-payments.ts';

// Contract (issue 11): the v1 requests of the two JavaScript SingaPay clients, byte for byte as
// they send them (support/sdk-dialects.ts), and the parts of each answer they read. Their v2.0
// calls are in js-sdk-v2.test.ts.

/** 02:30 WIB on 16 January, when the UTC calendar day is still the 15th. */
const BEFORE_SEVEN_WIB = new Date('2026-01-15T19:30:00.000Z');
const MINUTE = 60_000;
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
const histories = () => `/api/v1.0/payment-link-histories/${merchant.accountId}`;

/** A link made outside the client under test (with the merchant's own fresh token). */
async function seedLink(body: object = {}): Promise<any> {
  await refreshToken(t, merchant);
  return createLinkOk(t, merchant, body);
}

/** The dialect with its token request signed on another day. */
function signedOn(dialect: Dialect, daysAgo: number): Dialect {
  return {
    ...dialect,
    tokenRequest: (c, now) =>
      dialect.tokenRequest(c, new Date(now.getTime() - daysAgo * 86_400_000)),
  };
}

describe('singapay-js: tokens (SPEC §3.1)', () => {
  it('takes a v1.1 token signed with the Asia/Jakarta day, before 07:00 WIB too', async () => {
    expect(jakartaDay(t.clock.now())).not.toBe(utcDay(t.clock.now()));
    const token = expectSdkSuccess(
      await createSdkClient(t, merchant, singapayJs('1.1')).requestToken(),
    );
    expect(token).toEqual({
      access_token: expect.stringMatching(/\S{20,}/),
      token_type: 'Bearer',
      expires_in: expect.stringMatching(/^\d+$/),
    });
    // It caches the token for Number(expires_in) - 60 seconds.
    expect(Number(token.expires_in)).toBeGreaterThan(60);
  });

  it('takes a v1.0 token with Basic credentials', async () => {
    const reply = await createSdkClient(t, merchant, singapayJs('1.0')).requestToken();
    expect(expectSdkSuccess(reply).access_token).toEqual(expect.any(String));
  });

  it('gets the failure envelope for a signature of another day (its AuthenticationError)', async () => {
    const reply = await createSdkClient(t, merchant, signedOn(singapayJs('1.1'), 2)).requestToken();
    expectSdkFailure(reply, 401);
  });
});

describe('singapay-js: payment links and histories (v1.0)', () => {
  it('lists links: GET …/payment-link-manage/{account_id}, no query, rows in `data`', async () => {
    const older = await seedLink({ reff_no: 'JS-LIST-1' });
    const newer = await seedLink({ reff_no: 'JS-LIST-2' });
    const client = createSdkClient(t, merchant, singapayJs());
    const reply = await client.call('GET', manage());
    const rows = expectSdkSuccess(reply);
    expect(Array.isArray(rows)).toBe(true);
    rows.forEach(expectLinkObject);
    expect(reffNos(rows).indexOf(newer.reff_no)).toBeLessThan(reffNos(rows).indexOf(older.reff_no));
    expectPagination(reply, { current_page: 1 });
  });

  it('reads the payment-method codes for whitelisted_payment_method', async () => {
    const client = createSdkClient(t, merchant, singapayJs());
    const data = expectSdkSuccess(await client.call('GET', METHODS));
    for (const method of data.payment_methods) {
      expect(method).toMatchObject({
        code: expect.any(String),
        name: expect.any(String),
        group: expect.stringMatching(/^(qris|va)$/),
        desc: expect.any(String),
      });
    }
    expect(data.available_codes).toEqual(expect.arrayContaining(['QRIS', 'VA_BRI']));
  });

  it('deletes a link by its numeric id; a second delete is a 404 failure', async () => {
    const link = await seedLink();
    const client = createSdkClient(t, merchant, singapayJs());
    const deleted = expectSdkSuccess(await client.call('DELETE', `${manage()}/${link.id}`));
    expect(deleted).toEqual({ message: 'Payment Link deleted successfully' });
    expectSdkFailure(await client.call('DELETE', `${manage()}/${link.id}`), 404);
  });

  it('lists payments without filters and reads one by its numeric id', async () => {
    const { settled } = await seedPayments(t, merchant);
    const client = createSdkClient(t, merchant, singapayJs());
    const reply = await client.call('GET', histories());
    const rows = expectSdkSuccess(reply);
    rows.forEach(expectHistoryObject);
    expect(reffNos(rows)).toContain(settled.reff_no);
    expectPagination(reply, { current_page: 1 });

    const one = expectSdkSuccess(await client.call('GET', `${histories()}/${settled.id}`));
    expectHistoryObject(one);
    expect(one).toMatchObject({ reff_no: settled.reff_no, amount: '60000.00', has_settle: true });
  });

  it('on a 401 takes a new token and retries once, as it does for an expired token', async () => {
    const client = createSdkClient(t, merchant, singapayJs());
    expectSdkSuccess(await client.call('GET', manage()));
    t.clock.advance(16 * MINUTE);
    expectSdkSuccess(await client.call('GET', manage()));
    expect(client.sent.map((request) => request.method)).toEqual([
      'POST',
      'GET',
      'GET',
      'POST',
      'GET',
    ]);
  });
});

describe('@singapay/payment-gateway (SingaPay JavaScript SDK): v1.0', () => {
  const official = () => createSdkClient(t, merchant, singapayOfficialJs());

  it("takes a v1.1 token with X-Timestamp, signed with the host's calendar day", async () => {
    // The host's timezone decides the day (UTC on most servers, WIB in Indonesia): both pass.
    expect([jakartaDay(t.clock.now()), utcDay(t.clock.now())]).toContain(hostDay(t.clock.now()));
    const token = expectSdkSuccess(await official().requestToken());
    expect(token.access_token).toEqual(expect.any(String));
  });

  it('creates a link from the documented v1 body (numbers, expiry in epoch ms)', async () => {
    const expiry = t.clock.now().getTime() + 7 * 86_400_000;
    const reply = await official().call('POST', manage(), {
      body: {
        reff_no: 'JS-OFFICIAL-0001',
        title: 'Langganan Januari',
        total_amount: 150_000,
        items: [{ name: 'Paket Bulanan', quantity: 1, unit_price: 150_000 }],
        required_customer_detail: true,
        max_usage: 10,
        expired_at: expiry,
        whitelisted_payment_method: ['QRIS', 'VA_BRI'],
      },
    });
    const link = expectSdkSuccess(reply);
    expectLinkObject(link);
    expect(link).toMatchObject({
      reff_no: 'JS-OFFICIAL-0001',
      total_amount: '150000.00',
      max_usage: 10,
      required_customer_detail: true,
      items: [{ name: 'Paket Bulanan', quantity: '1', unit_price: '150000', subtotal: 150_000 }],
    });
    expect(Date.parse(link.expired_at)).toBe(Math.floor(expiry / 1000) * 1000);
    expect([...link.whitelisted_payment_method].sort()).toEqual(['QRIS', 'VA_BRI']);
  });

  it('gets the field map its ValidationException reads when a create is refused', async () => {
    const reply = await official().call('POST', manage(), {
      body: {
        reff_no: 'JS-OFFICIAL-0002',
        title: 'Kaos',
        total_amount: 20_000,
        items: [{ name: 'Kaos', quantity: 0, unit_price: 20_000 }],
      },
    });
    expectFieldErrors(reply, 'items.0.quantity');
  });

  it('pages the list with ?page=&per_page=, Content-Type on a GET included', async () => {
    for (const n of [1, 2, 3]) await seedLink({ reff_no: `JS-PAGE-${n}` });
    const reply = await official().call('GET', manage(), { query: { page: 2, per_page: 2 } });
    const rows = expectSdkSuccess(reply);
    expect(rows).toHaveLength(2);
    expectPagination(reply, { current_page: 2, per_page: 2, count: 2 });
  });

  it('gets, updates (documented PUT body) and deletes one link', async () => {
    const link = await seedLink({ total_amount: 30_000, max_usage: 3 });
    const client = official();
    const got = expectSdkSuccess(await client.call('GET', `${manage()}/${link.id}`));
    expectLinkObject(got);
    expect(got).toMatchObject({
      id: link.id,
      reff_no: link.reff_no,
      payment_url: link.payment_url,
    });

    const expiry = t.clock.now().getTime() + 86_400_000;
    const updated = expectSdkSuccess(
      await client.call('PUT', `${manage()}/${link.id}`, {
        body: {
          required_customer_detail: false,
          max_usage: 20,
          expired_at: expiry,
          status: 'closed',
          whitelisted_payment_method: ['VA_BRI'],
        },
      }),
    );
    expectLinkObject(updated);
    expect(updated).toMatchObject({
      max_usage: 20,
      status: 'closed',
      whitelisted_payment_method: ['VA_BRI'],
    });

    expect(expectSdkSuccess(await client.call('DELETE', `${manage()}/${link.id}`))).toEqual({
      message: 'Payment Link deleted successfully',
    });
  });

  it('reads the available payment methods', async () => {
    const data = expectSdkSuccess(await official().call('GET', METHODS));
    expect(data.payment_methods.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['QRIS', 'VA_BCA', 'VA_BRI']),
    );
  });
});
