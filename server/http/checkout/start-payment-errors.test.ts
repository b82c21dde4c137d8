import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payVa, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { closeLink, countPayments, paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import {
  createLinkOk,
  expectFailure,
  expectInvalid,
  HOUR_MS,
  START,
} from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

/** A fresh link; answers its id and public id. */
async function newLink(body: object = {}) {
  const link = await createLinkOk(t, merchant, body);
  return { id: link.id as number, publicId: publicIdOf(link) };
}

// SPEC §7: "…answer 4xx with the reason, and create nothing".
describe('POST /b2b/{id}/payments: a link that cannot be paid', () => {
  it('404 for a well-formed public id that matches no link', async () => {
    const answer = await startPayment(t, `PL20260115100000${'0'.repeat(32)}`, { method: 'QRIS' });
    expectFailure(answer, 404, 'LINK_NOT_FOUND');
  });

  it.each([
    'PL2026011510000',
    `PL20260115100000${'A'.repeat(32)}`,
    `pl20260115100000${'a'.repeat(32)}`,
    '12',
    `PL20260115100000${'a'.repeat(33)}`,
  ])('404 for the malformed public id %j', async (publicId) => {
    expectFailure(await startPayment(t, publicId, { method: 'QRIS' }), 404, 'LINK_NOT_FOUND');
  });

  it('404 for a public id holding NUL, before any route reads it (SPEC §9)', async () => {
    expectFailure(await startPayment(t, '%00', { method: 'QRIS' }), 404, 'NOT_FOUND');
  });

  it('409 LINK_NOT_OPEN once the link has expired, and nothing is created', async () => {
    const link = await newLink({ expired_at: '2026-01-15T11:00:00+07:00' });
    t.clock.advance(HOUR_MS - 1);
    expect((await startPayment(t, link.publicId, { method: 'QRIS' })).status).toBe(201);
    t.clock.advance(1);
    expectFailure(await startPayment(t, link.publicId, { method: 'QRIS' }), 409, 'LINK_NOT_OPEN');
    expect(await countPayments(t, link.id)).toBe(1);
  });

  it('409 LINK_NOT_OPEN for a link the merchant closed', async () => {
    const link = await newLink();
    await closeLink(t, link.id);
    expectFailure(await startPayment(t, link.publicId, { method: 'VA_BRI' }), 409, 'LINK_NOT_OPEN');
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('409 LINK_NOT_OPEN for a used-up link', async () => {
    const link = await newLink({ total_amount: 20_000, max_usage: 1 });
    const first = (await startPayment(t, link.publicId, { method: 'VA_BRI' })).body.data;
    const va = { bank: 'BRI', va_number: first.payment_method_value, amount: 20_000 };
    expect((await payVa(t, va)).status).toBe(200);
    expectFailure(await startPayment(t, link.publicId, { method: 'QRIS' }), 409, 'LINK_NOT_OPEN');
    expect(await countPayments(t, link.id)).toBe(1);
  });
});

describe('POST /b2b/{id}/payments: a method the link does not offer (SPEC §5)', () => {
  it.each([
    ['not whitelisted', { whitelisted_payment_method: ['VA_BRI'] }, 'QRIS'],
    ['not whitelisted (VA)', { whitelisted_payment_method: ['QRIS', 'VA_BNI'] }, 'VA_BCA'],
    ['above the QRIS maximum', { total_amount: 15_000_000 }, 'QRIS'],
    ['above the BCA maximum', { total_amount: 25_000_000 }, 'VA_BCA'],
    ['below the VA minimum', { total_amount: 5_000 }, 'VA_BRI'],
    ['an unknown code', {}, 'VA_FOO'],
    ['a lowercase code', {}, 'va_bri'],
    ['a lowercase QRIS', {}, 'qris'],
    ['a code with a space', {}, ' QRIS'],
  ])('422 METHOD_NOT_OFFERED: %s', async (_, body, method) => {
    const link = await newLink(body);
    const answer = await startPayment(t, link.publicId, { method });
    expectFailure(answer, 422, 'METHOD_NOT_OFFERED');
    expect(Object.keys(answer.body.errors)).toEqual(['method']);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('but the same amounts are fine for a method that takes them', async () => {
    const small = await newLink({ total_amount: 5_000 });
    expect((await startPayment(t, small.publicId, { method: 'QRIS' })).status).toBe(201);
    const large = await newLink({ total_amount: 15_000_000 });
    expect((await startPayment(t, large.publicId, { method: 'VA_BRI' })).status).toBe(201);
  });

  it('422 naming method when it is missing', async () => {
    const link = await newLink();
    expectInvalid(await startPayment(t, link.publicId, {}), 'method');
    expect(await countPayments(t, link.id)).toBe(0);
  });
});

describe('POST /b2b/{id}/payments: required customer details (SPEC §7)', () => {
  const VALID = { name: 'Siti Aminah', email: 'siti@example.com', phone: '+62 812 3456 7890' };

  it.each([
    ['no customer at all', undefined, ['customer.name', 'customer.email', 'customer.phone']],
    ['null customer', null, ['customer.name', 'customer.email', 'customer.phone']],
    ['an empty customer', {}, ['customer.name', 'customer.email', 'customer.phone']],
    ['no name', { ...VALID, name: undefined }, ['customer.name']],
    ['a blank name', { ...VALID, name: '   ' }, ['customer.name']],
    ['no email', { ...VALID, email: '' }, ['customer.email']],
    ['no phone', { ...VALID, phone: null }, ['customer.phone']],
  ])('422 CUSTOMER_DETAILS_REQUIRED: %s', async (_, customer, fields) => {
    const link = await newLink({ required_customer_detail: true });
    const answer = await startPayment(t, link.publicId, { method: 'QRIS', customer });
    expectFailure(answer, 422, 'CUSTOMER_DETAILS_REQUIRED');
    expect(Object.keys(answer.body.errors).sort()).toEqual([...fields].sort());
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it.each([
    ['an email without @', { ...VALID, email: 'siti.example.com' }, 'customer.email'],
    ['an email with spaces', { ...VALID, email: 'siti @example.com' }, 'customer.email'],
    ['a landline', { ...VALID, phone: '021-5551234' }, 'customer.phone'],
    ['a foreign number', { ...VALID, phone: '+6591234567' }, 'customer.phone'],
    ['too few digits', { ...VALID, phone: '0812345' }, 'customer.phone'],
    ['letters', { ...VALID, phone: '08123abc7890' }, 'customer.phone'],
    ['a name of 256 characters', { ...VALID, name: 'x'.repeat(256) }, 'customer.name'],
  ])('422 VALIDATION_FAILED for %s', async (_, customer, field) => {
    const link = await newLink({ required_customer_detail: true });
    expectInvalid(await startPayment(t, link.publicId, { method: 'QRIS', customer }), field);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it.each([
    ['08123456789', '+628123456789'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
  ])('takes %j and stores it as %j', async (phone, stored) => {
    const link = await newLink({ required_customer_detail: true });
    const answer = await startPayment(t, link.publicId, {
      method: 'QRIS',
      customer: { ...VALID, phone },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data.customer_phone).toBe(stored);
    const [row] = await paymentRowsOf(t, link.id);
    expect(row?.customer).toEqual({ name: VALID.name, email: VALID.email, phone: stored });
  });
});
