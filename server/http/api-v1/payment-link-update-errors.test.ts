import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLinkOk,
  expectFailure,
  expectInvalid,
  HOUR_MS,
  refreshToken,
  START,
  START_MS,
} from '../../../tests/support/link-api.ts';
import { patchLink, payOnce, putLink, showLink } from '../../../tests/support/link-changes.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

/** A body the shape check refuses, and the one field path its 422 must name. */
type BadCase = [string, Record<string, unknown>, string];
const BAD_FIELDS: BadCase[] = [
  [
    'required_customer_detail not a boolean',
    { required_customer_detail: 'yes' },
    'required_customer_detail',
  ],
  ['required_customer_detail null', { required_customer_detail: null }, 'required_customer_detail'],
  ['max_usage 0', { max_usage: 0 }, 'max_usage'],
  ['max_usage above 1,000,000', { max_usage: 1_000_001 }, 'max_usage'],
  ['max_usage not whole', { max_usage: 2.5 }, 'max_usage'],
  ['max_usage as a string', { max_usage: '5' }, 'max_usage'],
  ['max_usage null', { max_usage: null }, 'max_usage'],
  ['expired_at in seconds', { expired_at: 1_800_000_000 }, 'expired_at'],
  ['expired_at without offset', { expired_at: '2026-02-01T10:00:00' }, 'expired_at'],
  ['expired_at not a date', { expired_at: 'tomorrow' }, 'expired_at'],
  ['status expired (SPEC: open or closed)', { status: 'expired' }, 'status'],
  ['status in capitals', { status: 'OPEN' }, 'status'],
  ['status null', { status: null }, 'status'],
  [
    'whitelisted_payment_method not an array',
    { whitelisted_payment_method: 'QRIS' },
    'whitelisted_payment_method',
  ],
  [
    'whitelisted_payment_method with a number',
    { whitelisted_payment_method: [1] },
    'whitelisted_payment_method.0',
  ],
  ['redirect_url javascript:', { redirect_url: 'javascript:alert(1)' }, 'redirect_url'],
  ['redirect_url relative', { redirect_url: '/thanks' }, 'redirect_url'],
  ['redirect_url plain http', { redirect_url: 'http://toko.example/thanks' }, 'redirect_url'],
  [
    'redirect_url with user-info',
    { redirect_url: 'https://user:pw@toko.example/' },
    'redirect_url',
  ],
];

describe.each(testBackends())('PUT/PATCH …/{payment_link_id}: errors (%s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  let link: any;
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t);
    link = await createLinkOk(t, merchant, { expired_at: START_MS + 2 * HOUR_MS });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(START);
    await refreshToken(t, merchant);
  });

  it.each(BAD_FIELDS)('PATCH with %s: 422 naming it, link unchanged', async (_n, body, field) => {
    expectInvalid(await patchLink(t, merchant, link.id, body), field);
    expect(await showLink(t, merchant, link.id)).toEqual(link);
  });

  it.each(BAD_FIELDS)('PUT with %s: 422 naming it', async (_n, body, field) => {
    expectInvalid(await putLink(t, merchant, link.id, { status: 'closed', ...body }), field);
    expect(await showLink(t, merchant, link.id)).toEqual(link);
  });

  it('PUT without status: 422 naming status, nothing changed', async () => {
    const answer = await putLink(t, merchant, link.id, { max_usage: 5 });
    expectInvalid(answer, 'status');
    expect(answer.body.errors.status).toEqual(['Is required.']);
    expect(await showLink(t, merchant, link.id)).toEqual(link);
  });

  it('expired_at now or in the past: 422', async () => {
    expectInvalid(await patchLink(t, merchant, link.id, { expired_at: START_MS }), 'expired_at');
    expectInvalid(
      await patchLink(t, merchant, link.id, { expired_at: '2026-01-15T09:59:59+07:00' }),
      'expired_at',
    );
  });

  it('an unknown method, or one listed twice: 422 naming its index', async () => {
    expectInvalid(
      await patchLink(t, merchant, link.id, { whitelisted_payment_method: ['QRIS', 'VA_XYZ'] }),
      'whitelisted_payment_method.1',
    );
    expectInvalid(
      await patchLink(t, merchant, link.id, { whitelisted_payment_method: ['va_bri'] }),
      'whitelisted_payment_method.0',
    );
    expectInvalid(
      await patchLink(t, merchant, link.id, { whitelisted_payment_method: ['QRIS', 'QRIS'] }),
      'whitelisted_payment_method.1',
    );
  });

  it('every error at once: each field named', async () => {
    expectInvalid(
      await putLink(t, merchant, link.id, { max_usage: 0, redirect_url: 'ftp://x', status: 'x' }),
      'max_usage',
      'redirect_url',
      'status',
    );
  });

  it('a whitelist of methods that do not take the amount: 422 NO_METHOD_FOR_AMOUNT', async () => {
    const big = await createLinkOk(t, merchant, { total_amount: 15_000_000 });
    const answer = await patchLink(t, merchant, big.id, { whitelisted_payment_method: ['QRIS'] });
    expectFailure(answer, 422, 'NO_METHOD_FOR_AMOUNT');
    expect(Object.keys(answer.body.errors)).toEqual(['whitelisted_payment_method']);
    expect((await showLink(t, merchant, big.id)).whitelisted_payment_method).toBeNull();
    const small = await createLinkOk(t, merchant, { total_amount: 5_000 });
    expectFailure(
      await patchLink(t, merchant, small.id, { whitelisted_payment_method: ['VA_BRI', 'VA_BNI'] }),
      422,
      'NO_METHOD_FOR_AMOUNT',
    );
    const ok = await patchLink(t, merchant, small.id, { whitelisted_payment_method: ['QRIS'] });
    expect(ok.status).toBe(200);
  });

  it('max_usage below current_usage after a paid payment: 422 naming max_usage', async () => {
    const used = await createLinkOk(t, merchant, { max_usage: 5 });
    await payOnce(t, used, 'VA_BRI');
    await payOnce(t, used, 'VA_BNI');
    expect((await showLink(t, merchant, used.id)).current_usage).toBe(2);
    expectInvalid(await patchLink(t, merchant, used.id, { max_usage: 1 }), 'max_usage');
    expect((await showLink(t, merchant, used.id)).max_usage).toBe(5);
    const atUsage = await patchLink(t, merchant, used.id, { max_usage: 2 });
    expect(atUsage.body.data).toMatchObject({ max_usage: 2, current_usage: 2 });
    expect(atUsage.body.data.status_computed).toBe('closed');
  });

  it('malformed JSON: 400; another content type: 415', async () => {
    const path = `/api/v1.0/payment-link-manage/${merchant.accountId}/${link.id}`;
    const send = (type: string, body: string) =>
      t.app.request(path, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${merchant.token}`,
          'x-partner-id': merchant.apiKey,
          'content-type': type,
        },
        body,
      });
    expect((await send('application/json', '{"status":')).status).toBe(400);
    expect((await send('text/plain', '{}')).status).toBe(415);
  });

  it('an unknown or malformed link id: 404', async () => {
    for (const id of ['999999999', '0', 'abc', '1e3', '99999999999']) {
      expectFailure(await patchLink(t, merchant, id, { status: 'closed' }), 404, 'LINK_NOT_FOUND');
      expectFailure(await putLink(t, merchant, id, { status: 'closed' }), 404, 'LINK_NOT_FOUND');
    }
  });
});
