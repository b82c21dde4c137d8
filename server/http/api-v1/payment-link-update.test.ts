import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLinkOk,
  DAY_MS,
  HOUR_MS,
  refreshToken,
  START,
  START_MS,
} from '../../../tests/support/link-api.ts';
import { patchLink, putLink, showLink } from '../../../tests/support/link-changes.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

/** One field changed on its own: the body sent, and what the link object shows after it. */
type FieldCase = [string, Record<string, unknown>, Record<string, unknown>];
const FIELD_CASES: FieldCase[] = [
  [
    'required_customer_detail',
    { required_customer_detail: true },
    { required_customer_detail: true },
  ],
  ['max_usage', { max_usage: 1_000_000 }, { max_usage: 1_000_000 }],
  [
    'expired_at as epoch ms',
    { expired_at: START_MS + DAY_MS },
    { expired_at: '2026-01-16T10:00:00+07:00', is_expired: false },
  ],
  [
    'expired_at as a numeric string',
    { expired_at: String(START_MS + HOUR_MS) },
    { expired_at: '2026-01-15T11:00:00+07:00' },
  ],
  [
    'expired_at as ISO 8601 with offset',
    { expired_at: '2026-01-20T08:30:00Z' },
    { expired_at: '2026-01-20T15:30:00+07:00' },
  ],
  ['status closed', { status: 'closed' }, { status: 'closed', status_computed: 'closed' }],
  [
    'whitelisted_payment_method',
    { whitelisted_payment_method: ['QRIS', 'VA_BNI'] },
    { whitelisted_payment_method: ['QRIS', 'VA_BNI'] },
  ],
  [
    'redirect_url',
    { redirect_url: 'https://toko.example/terima-kasih?order=7' },
    { redirect_url: 'https://toko.example/terima-kasih?order=7' },
  ],
];

describe.each(testBackends())('PUT/PATCH …/{payment_link_id}: happy (SPEC §3.4, %s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(START);
    await refreshToken(t, merchant);
  });

  it.each(FIELD_CASES)('PATCH changes %s alone', async (_name, body, expected) => {
    const link = await createLinkOk(t, merchant, { max_usage: 3 });
    t.clock.advance(90_000);
    const answer = await patchLink(t, merchant, link.id, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 200, success: true });
    expect(answer.body.data).toEqual({
      ...link,
      ...expected,
      updated_at: '2026-01-15T10:01:30+07:00',
    });
    expect(await showLink(t, merchant, link.id)).toEqual(answer.body.data);
  });

  it.each(FIELD_CASES)('PUT changes %s, with status', async (_name, body, expected) => {
    const link = await createLinkOk(t, merchant, { max_usage: 3 });
    const answer = await putLink(t, merchant, link.id, { status: 'open', ...body });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ ...link, ...expected });
  });

  it('PUT takes the gateway example body whole', async () => {
    const link = await createLinkOk(t, merchant);
    const answer = await putLink(t, merchant, link.id, {
      required_customer_detail: true,
      max_usage: 20,
      expired_at: START_MS + 2 * DAY_MS,
      status: 'open',
      whitelisted_payment_method: ['VA_BRI', 'VA_DANAMON', 'QRIS'],
      redirect_url: 'https://example.com/thank-you',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      required_customer_detail: true,
      max_usage: 20,
      expired_at: '2026-01-17T10:00:00+07:00',
      status: 'open',
      status_computed: 'open',
      whitelisted_payment_method: ['VA_BRI', 'VA_DANAMON', 'QRIS'],
      redirect_url: 'https://example.com/thank-you',
    });
  });

  it('null clears expired_at, whitelisted_payment_method and redirect_url; [] means every method', async () => {
    const link = await createLinkOk(t, merchant, {
      expired_at: START_MS + DAY_MS,
      whitelisted_payment_method: ['QRIS'],
      redirect_url: 'https://toko.example/done',
    });
    const cleared = await patchLink(t, merchant, link.id, {
      expired_at: null,
      whitelisted_payment_method: null,
      redirect_url: null,
    });
    expect(cleared.body.data).toMatchObject({
      expired_at: null,
      whitelisted_payment_method: null,
      redirect_url: null,
    });
    await patchLink(t, merchant, link.id, { whitelisted_payment_method: ['QRIS'] });
    const emptied = await patchLink(t, merchant, link.id, { whitelisted_payment_method: [] });
    expect(emptied.body.data.whitelisted_payment_method).toBeNull();
  });

  it('re-opens a closed link', async () => {
    const link = await createLinkOk(t, merchant);
    await patchLink(t, merchant, link.id, { status: 'closed' });
    const reopened = await putLink(t, merchant, link.id, { status: 'open' });
    expect(reopened.body.data).toMatchObject({ status: 'open', status_computed: 'open' });
  });

  it('extends an expired link by a later expired_at', async () => {
    const link = await createLinkOk(t, merchant, { expired_at: START_MS + HOUR_MS });
    t.clock.advance(2 * HOUR_MS);
    await refreshToken(t, merchant);
    expect((await showLink(t, merchant, link.id)).status_computed).toBe('expired');
    const answer = await patchLink(t, merchant, link.id, { expired_at: START_MS + 3 * HOUR_MS });
    expect(answer.body.data).toMatchObject({ status_computed: 'open', is_expired: false });
  });

  it('ignores amount, items, title, reff_no and unknown fields, as the gateway does', async () => {
    const link = await createLinkOk(t, merchant, {
      reff_no: 'INV-IGNORED',
      total_amount: 30_000,
      items: [{ name: 'Kaos', quantity: 2, unit_price: 15_000 }],
    });
    const answer = await putLink(t, merchant, link.id, {
      status: 'open',
      title: 'Another title',
      total_amount: 99_000,
      items: [{ name: 'Other', quantity: 1, unit_price: 99_000 }],
      reff_no: 'CHANGED',
      optional_metadata: { a: 1 },
      description: 'changed',
      max_usage: 2,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ ...link, max_usage: 2 });
  });

  it('PATCH with an empty body changes nothing but updated_at', async () => {
    const link = await createLinkOk(t, merchant);
    t.clock.advance(1_000);
    const answer = await patchLink(t, merchant, link.id, {});
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ ...link, updated_at: '2026-01-15T10:00:01+07:00' });
  });
});
