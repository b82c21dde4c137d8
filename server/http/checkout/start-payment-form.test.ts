import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ORIGIN, postForm, publicIdOf } from '../../../tests/support/checkout-api.ts';
import { countPayments, paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

async function newLink(body: object = {}) {
  const link = await createLinkOk(t, merchant, body);
  return { id: link.id as number, publicId: publicIdOf(link) };
}

// SPEC §7: without JavaScript the page still works through form posts.
describe('POST /b2b/{id}/payments as a form post', () => {
  it('303 to the payment view, with the payment stored', async () => {
    const link = await newLink({ required_customer_detail: true });
    const answer = await postForm(t, `/b2b/${link.publicId}/payments`, {
      method: 'VA_MANDIRI',
      customer_name: 'Budi',
      customer_email: 'budi@example.com',
      customer_phone: '0812 3456 7890',
    });
    expect(answer.status).toBe(303);
    const rows = await paymentRowsOf(t, link.id);
    expect(rows).toHaveLength(1);
    expect(answer.location).toBe(`/b2b/${link.publicId}/payments/${rows[0]?.reffNo}`);
    expect(rows[0]).toMatchObject({
      methodCode: 'VA_MANDIRI',
      status: 'pending',
      customer: { name: 'Budi', email: 'budi@example.com', phone: '+6281234567890' },
    });
  });

  it('is accepted from the public origin (PUBLIC_BASE_URL, behind a proxy)', async () => {
    const link = await newLink();
    const answer = await postForm(
      t,
      `/b2b/${link.publicId}/payments`,
      { method: 'QRIS' },
      TEST_BASE_URL,
    );
    expect(answer.status).toBe(303);
    expect(await countPayments(t, link.id)).toBe(1);
  });

  // SPEC §9: the origin compared is PUBLIC_BASE_URL's, never one made of the Host header.
  it('403 when Host names another site and Origin matches that Host', async () => {
    const link = await newLink();
    const response = await t.app.request(`http://evil.example/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: {
        host: 'evil.example',
        origin: 'http://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'method=QRIS',
    });
    expect(response.status).toBe(403);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('ignores empty customer fields when the link does not require them', async () => {
    const link = await newLink();
    const answer = await postForm(t, `/b2b/${link.publicId}/payments`, {
      method: 'QRIS',
      customer_name: '',
      customer_email: '',
      customer_phone: '',
    });
    expect(answer.status).toBe(303);
    expect((await paymentRowsOf(t, link.id))[0]?.customer).toBeNull();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a look-alike of the page origin', 'https://pay.example.test.evil.example'],
    ['the address of the request itself', 'http://localhost'],
    ['the public host over http', TEST_BASE_URL.replace('https:', 'http:')],
    ['an opaque origin', 'null'],
  ])('403 from %s, and nothing is created', async (_, origin) => {
    const link = await newLink();
    const answer = await postForm(t, `/b2b/${link.publicId}/payments`, { method: 'QRIS' }, origin);
    expect(answer.status).toBe(403);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  // Browsers name the origin of every POST; a request with neither Origin nor Sec-Fetch-Site
  // comes from a server-side client, which a cross-site page cannot make the customer send.
  it('accepts a post without Origin or Sec-Fetch-Site (not a browser)', async () => {
    const link = await newLink();
    const response = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=QRIS',
    });
    expect(response.status).toBe(303);
    expect(await countPayments(t, link.id)).toBe(1);
  });

  it('403 when the browser says the post is cross-site, even without Origin', async () => {
    const link = await newLink();
    const response = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      body: 'method=QRIS',
    });
    expect(response.status).toBe(403);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  // A failed form post falls through to the page renderer, which shows the form again with
  // its errors (SPEC §7). These in-process tests mount no renderer, so the fall-through ends
  // in the app's 404; what matters here is that it is not a 303 and that nothing was stored.
  it.each([
    ['no method', {}, {}],
    ['a method not offered', { method: 'VA_BCA' }, { whitelisted_payment_method: ['QRIS'] }],
    ['an unknown method', { method: 'VA_FOO' }, {}],
    ['missing customer details', { method: 'QRIS' }, { required_customer_detail: true }],
    [
      'an invalid phone',
      { method: 'QRIS', customer_name: 'A', customer_email: 'a@example.com', customer_phone: '1' },
      { required_customer_detail: true },
    ],
  ])('falls through to the page on %s, creating nothing', async (_, fields, linkBody) => {
    const link = await newLink(linkBody);
    const answer = await postForm(t, `/b2b/${link.publicId}/payments`, fields);
    expect(answer.status).toBe(404);
    expect(answer.location).toBeNull();
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it.each([
    ['multipart without a boundary', 'multipart/form-data', 'method=QRIS'],
    ['multipart cut short', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Dispo'],
  ])('falls through on %s, never a 500', async (_, type, body) => {
    const link = await newLink();
    const response = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': type, origin: PAGE_ORIGIN },
      body,
    });
    expect(response.status).toBe(404);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('takes a well-formed multipart form like a urlencoded one', async () => {
    const link = await newLink();
    const form = new FormData();
    form.set('method', 'VA_BRI');
    const response = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { origin: PAGE_ORIGIN },
      body: form,
    });
    expect(response.status).toBe(303);
    expect(await countPayments(t, link.id)).toBe(1);
  });

  it('falls through for an unknown link too (the page shows its 404), never raw JSON', async () => {
    const answer = await postForm(t, `/b2b/PL20260115100000${'0'.repeat(32)}/payments`, {
      method: 'QRIS',
    });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('"success"');
  });

  it('falls through for a link that is no longer open', async () => {
    const link = await newLink({ expired_at: '2026-01-15T10:30:00+07:00' });
    t.clock.advance(30 * 60_000);
    try {
      const answer = await postForm(t, `/b2b/${link.publicId}/payments`, { method: 'QRIS' });
      expect(answer.status).toBe(404);
      expect(await countPayments(t, link.id)).toBe(0);
    } finally {
      t.clock.advance(-30 * 60_000);
    }
  });

  it('refuses a cross-origin JSON post too, and grants no CORS', async () => {
    const link = await newLink();
    const response = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ method: 'QRIS' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('takes a JSON post from a server-side client without Origin', async () => {
    const link = await newLink();
    const response = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'QRIS' }),
    });
    expect(response.status).toBe(201);
  });
});
