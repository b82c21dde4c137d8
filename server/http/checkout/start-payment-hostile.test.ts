import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ORIGIN, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { countPayments } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, expectFailure, expectInvalid } from '../../../tests/support/link-api.ts';
import { createMerchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

const VALID_CUSTOMER = { name: 'Siti', email: 'siti@example.com', phone: '081234567890' };
const withCustomer = (over: Record<string, unknown>) => ({
  method: 'QRIS',
  customer: { ...VALID_CUSTOMER, ...over },
});

/** Bodies a client might send by mistake or malice; none of them is a payment (SPEC §3, §7). */
const HOSTILE: [string, string][] = [
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"QRIS"'],
  ['a number', '42'],
  ['method as a number', JSON.stringify({ method: 42 })],
  ['method as null', JSON.stringify({ method: null })],
  ['method as an array', JSON.stringify({ method: ['QRIS'] })],
  ['method as an object', JSON.stringify({ method: { code: 'QRIS' } })],
  ['method empty', JSON.stringify({ method: '' })],
  ['method with NUL', JSON.stringify({ method: 'QRIS\u0000' })],
  ['method of 60,000 characters', JSON.stringify({ method: 'Q'.repeat(60_000) })],
  ['method in Unicode', JSON.stringify({ method: 'QRİS' })],
  ['customer as a string', JSON.stringify({ method: 'QRIS', customer: 'Siti' })],
  ['customer as an array', JSON.stringify({ method: 'QRIS', customer: [VALID_CUSTOMER] })],
  ['customer as a number', JSON.stringify({ method: 'QRIS', customer: 1 })],
  ['name as a number', JSON.stringify(withCustomer({ name: 42 }))],
  ['name as an object', JSON.stringify(withCustomer({ name: { first: 'Siti' } }))],
  ['name with NUL', JSON.stringify(withCustomer({ name: 'Si\u0000ti' }))],
  ['name with a lone surrogate', JSON.stringify(withCustomer({ name: 'Siti \ud800' }))],
  ['name of 60,000 characters', JSON.stringify(withCustomer({ name: 'x'.repeat(60_000) }))],
  ['email with NUL', JSON.stringify(withCustomer({ email: 'siti\u0000@example.com' }))],
  [
    'email of 300 characters',
    JSON.stringify(withCustomer({ email: `${'s'.repeat(288)}@example.com` })),
  ],
  ['email as an array', JSON.stringify(withCustomer({ email: ['siti@example.com'] }))],
  ['phone as a number', JSON.stringify(withCustomer({ phone: 81234567890 }))],
  ['phone with NUL', JSON.stringify(withCustomer({ phone: '0812\u00003456789' }))],
  ['phone as true', JSON.stringify(withCustomer({ phone: true }))],
  ['phone of 60,000 digits', JSON.stringify(withCustomer({ phone: '0'.repeat(60_000) }))],
  ['__proto__ pollution', '{"__proto__": {"method": "QRIS"}, "constructor": {"prototype": {}}}'],
  ['deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
  ['broken JSON', '{"method": "QRIS"'],
  ['a form body sent as JSON', 'method=QRIS'],
  ['a lone NUL byte', '\u0000'],
];

describe.each(testBackends())('POST /b2b/{id}/payments: hostile input (%s)', (backend) => {
  let t: TestPaylink;
  let link: { id: number; publicId: string };
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    const created = await createLinkOk(t, await createMerchant(t), {
      required_customer_detail: true,
    });
    link = { id: created.id, publicId: publicIdOf(created) };
  });
  afterAll(() => t.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it.each(HOSTILE)('%s → 4xx, never 500, nothing created', async (_, body) => {
    const response = await post(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.json()).toMatchObject({ success: false, status: response.status });
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('a customer that is not an object is refused even where details are optional', async () => {
    const optional = await createLinkOk(t, await createMerchant(t));
    for (const customer of [[], ['Siti'], 'Siti', 7]) {
      const answer = await startPayment(t, publicIdOf(optional), { method: 'QRIS', customer });
      expectInvalid(answer, 'customer');
    }
    expect(await countPayments(t, optional.id)).toBe(0);
  });

  it('malformed JSON is a 400 MALFORMED_BODY', async () => {
    for (const body of ['{', '{"method": "QRIS",}', "{'method': 'QRIS'}", 'method=QRIS']) {
      const response = await post(body);
      expectFailure(
        { status: response.status, body: await response.json() },
        400,
        'MALFORMED_BODY',
      );
    }
  });

  it('a body above 64 KiB is a 413, announced or streamed, JSON or form', async () => {
    const big = JSON.stringify({ method: 'QRIS', pad: 'x'.repeat(64 * 1024) });
    const announced = await post(big, { 'content-length': String(big.length) });
    expectFailure(
      { status: announced.status, body: await announced.json() },
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect((await post(big)).status).toBe(413);
    const form = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PAGE_ORIGIN },
      body: `method=QRIS&pad=${'x'.repeat(64 * 1024)}`,
    });
    expect(form.status).toBe(413);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('just under 64 KiB is read (and refused for what it says, not for its size)', async () => {
    const body = JSON.stringify({ method: 'QRIS', pad: '' });
    const padded = body.replace('""', `"${'x'.repeat(64 * 1024 - body.length)}"`);
    expect(padded.length).toBe(64 * 1024);
    const answer = await post(padded);
    expect(answer.status).toBe(422);
  });

  it('another media type is a 415', async () => {
    const response = await post('<method>QRIS</method>', { 'content-type': 'application/xml' });
    expectFailure(
      { status: response.status, body: await response.json() },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });
});
