import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLinkOk,
  expectFailure,
  expectInvalid,
  HOUR_MS,
  START,
} from '../../../tests/support/link-api.ts';
import { callApi, createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { asMerchant, EXAMPLE_ATTRIBUTES } from '../../../tests/support/v4-api.ts';
import { createV2, createV2Ok, showV2, updateV2 } from '../../../tests/support/v2-api.ts';
import { v2Operations } from './v2-operations.ts';

let t: TestPaylink;
let merchant: Merchant;
let stranger: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  stranger = await createMerchant(t);
});
afterAll(() => t.close());

// SPEC §3.5: the JavaScript SDK's `find`: no account id in the path.
describe('GET /api/v2.0/payment-link/{payment_link_id}', () => {
  it('shows a link of the token’s account, as create answered it', async () => {
    const created = await createV2Ok(t, merchant, { description: 'Kaos' });
    const answer = await showV2(t, merchant, created.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 200, success: true, data: created });
  });

  it('answers 404 for another account’s link, telling nothing about it', async () => {
    const theirs = await createV2Ok(t, stranger);
    const answer = await showV2(t, merchant, theirs.id);
    expectFailure(answer, 404, 'LINK_NOT_FOUND');
    expect(JSON.stringify(answer.body)).not.toContain(theirs.reff_no);
  });

  it.each(['999999', '0', 'abc', '1e3', '99999999999'])('answers 404 for id %s', async (id) => {
    expectFailure(await showV2(t, merchant, id), 404, 'LINK_NOT_FOUND');
  });

  it('says which API created each link: source api v1, api v2, api v4', async () => {
    const v1 = await createLinkOk(t, merchant);
    const v2 = await createV2Ok(t, merchant);
    const v4 = await asMerchant(t, merchant).create({
      ...EXAMPLE_ATTRIBUTES,
      referenceId: 'V4-SOURCE',
    });
    expect(v4.status).toBe(201);
    const v4Link = (
      await callApi(
        t,
        merchant,
        'GET',
        `/api/v1.0/payment-link-manage/${merchant.accountId}?search=V4-SOURCE`,
      )
    ).body.data[0];
    expect(v1.source).toBe('api v1');
    expect(v2.source).toBe('api v2');
    expect(v4Link.source).toBe('api v4');
    for (const link of [v1, v2, v4Link]) {
      expect((await showV2(t, merchant, link.id)).body.data.source).toBe(link.source);
      const viaV1 = await callApi(
        t,
        merchant,
        'GET',
        `/api/v1.0/payment-link-manage/${merchant.accountId}/${link.id}`,
      );
      expect(viaV1.body.data.source).toBe(link.source);
    }
  });
});

// SPEC §3.5: the JavaScript SDK's `update`: partial, four fields fixed.
describe('PUT /api/v2.0/payment-link/update/{payment_link_id}', () => {
  it('changes the fields sent and keeps every other one', async () => {
    const created = await createV2Ok(t, merchant, {
      description: 'Kaos polos',
      max_usage: 3,
      whitelisted_payment_method: ['QRIS'],
      success_redirect_url: 'https://shop.example/thanks',
      optional_metadata: { order: 'A-17' },
    });
    t.clock.advance(60_000);
    const answer = await updateV2(t, merchant, created.id, {
      title: 'Kaos sablon',
      expired_redirect_url: 'https://shop.example/too-late',
      max_usage: 10,
    });
    expect(answer.status).toBe(200);
    const { updated_at: before, ...unchanged } = created;
    expect(answer.body.data).toEqual({
      ...unchanged,
      title: 'Kaos sablon',
      expired_redirect_url: 'https://shop.example/too-late',
      max_usage: 10,
      updated_at: '2026-01-15T10:01:00+07:00',
    });
    expect(before).toBe('2026-01-15T10:00:00+07:00');
    expect((await showV2(t, merchant, created.id)).body.data).toEqual(answer.body.data);
    t.clock.set(START);
  });

  it('an empty body changes nothing', async () => {
    const created = await createV2Ok(t, merchant, { description: 'Kaos' });
    const answer = await updateV2(t, merchant, created.id, {});
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual(created);
  });

  it('null clears what may be empty: description, redirects, metadata, expiry', async () => {
    const created = await createV2Ok(t, merchant, {
      description: 'Kaos',
      success_redirect_url: 'https://shop.example/thanks',
      optional_metadata: { order: 'A-17' },
    });
    const cleared = await updateV2(t, merchant, created.id, {
      description: null,
      success_redirect_url: null,
      optional_metadata: null,
      expired_at: null,
    });
    expect(cleared.body.data).toMatchObject({
      title: 'Kaos',
      description: null,
      success_redirect_url: null,
      optional_metadata: null,
      expired_at: null,
    });
  });

  it.each([
    ['reff_no', { reff_no: 'OTHER' }],
    ['payment_link_type', { payment_link_type: 'items' }],
    ['total_amount', { total_amount: 1 }],
    ['items', { items: null }],
  ])('refuses %s, even as null, and changes nothing', async (field, body) => {
    const created = await createV2Ok(t, merchant);
    expectInvalid(await updateV2(t, merchant, created.id, { description: 'new', ...body }), field);
    expect((await showV2(t, merchant, created.id)).body.data).toEqual(created);
  });

  it('max_usage 0 makes the link unlimited, and a number limits it again', async () => {
    const created = await createV2Ok(t, merchant, { max_usage: 2 });
    const unlimited = await updateV2(t, merchant, created.id, { max_usage: 0 });
    expect(unlimited.body.data).toMatchObject({ max_usage: 0, is_unlimited_usage: true });
    const limited = await updateV2(t, merchant, created.id, { max_usage: 4 });
    expect(limited.body.data).toMatchObject({ max_usage: 4, is_unlimited_usage: false });
  });

  it('customer_* only on a single-use link; changing one keeps the others', async () => {
    const single = await createV2Ok(t, merchant, { customer_name: 'Budi' });
    const changed = await updateV2(t, merchant, single.id, { customer_email: 'budi@example.com' });
    expect(changed.body.data).toMatchObject({
      customer_name: 'Budi',
      customer_email: 'budi@example.com',
      customer_phone: null,
    });
    const multi = await createV2Ok(t, merchant, { max_usage: 0 });
    expectInvalid(
      await updateV2(t, merchant, multi.id, { customer_phone: '081234567890' }),
      'customer_phone',
    );
    expectInvalid(
      await updateV2(t, merchant, single.id, { max_usage: 2, customer_name: 'Ani' }),
      'customer_name',
    );
  });

  it('required_customer_* switch the page’s ask on and off', async () => {
    const created = await createV2Ok(t, merchant, { max_usage: 0 });
    const both = await updateV2(t, merchant, created.id, {
      required_customer_number: true,
      required_customer_email: true,
    });
    expect(both.body.data.required_customer_detail).toBe(true);
    const one = await updateV2(t, merchant, created.id, { required_customer_email: false });
    expect(one.body.data).toMatchObject({
      required_customer_detail: true,
      required_customer_number: true,
      required_customer_email: false,
    });
    const none = await updateV2(t, merchant, created.id, { required_customer_number: false });
    expect(none.body.data.required_customer_detail).toBe(false);
    // v1.0's one switch turns both v2.0 asks off with it.
    await updateV2(t, merchant, created.id, { required_customer_email: true });
    const path = `/api/v1.0/payment-link-manage/${merchant.accountId}/${created.id}`;
    const viaV1 = await callApi(t, merchant, 'PATCH', path, { required_customer_detail: false });
    expect(viaV1.body.data).toMatchObject({
      required_customer_detail: false,
      required_customer_number: false,
      required_customer_email: false,
    });
  });

  it('refuses a title of null or blanks, and an expiry in the past', async () => {
    const created = await createV2Ok(t, merchant);
    expectInvalid(await updateV2(t, merchant, created.id, { title: null }), 'title');
    expectInvalid(await updateV2(t, merchant, created.id, { title: '  ' }), 'title');
    expectInvalid(
      await updateV2(t, merchant, created.id, { expired_at: START.getTime() - HOUR_MS }),
      'expired_at',
    );
  });

  it('answers 404 for another account’s link and changes nothing', async () => {
    const theirs = await createV2Ok(t, stranger, { description: 'Milik orang lain' });
    expectFailure(await updateV2(t, merchant, theirs.id, { title: 'Mine' }), 404, 'LINK_NOT_FOUND');
    expect((await showV2(t, stranger, theirs.id)).body.data.title).toBe('Milik orang lain');
  });
});

// The reference's examples are requests a merchant may copy: each is answered 200 as shown.
describe('the documented v2.0 examples', () => {
  it('create, then update, as /docs/api shows them', async () => {
    const [create, , update] = v2Operations;
    const created = await createV2(t, merchant, create?.body?.example);
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ source: 'api v2', is_unlimited_usage: true });
    const changed = await updateV2(t, merchant, created.body.data.id, update?.body?.example);
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ max_usage: 10, expired_redirect_url: null });
  });
});
