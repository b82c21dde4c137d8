import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import {
  asMerchant,
  basicAuth,
  callV4,
  expectErrors,
  linkRowByReference,
} from '../../../tests/support/v4-api.ts';

let t: TestPaylink;
let merchant: Merchant;
let v4: ReturnType<typeof asMerchant>;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  v4 = asMerchant(t, merchant);
});
beforeEach(() => t.clock.set(START));
afterAll(() => t.close());

const attr = (name: string) => `/data/attributes/${name}`;
const VALID = { amount: 20_000, referenceId: 'INV-ERR-1' };

describe('POST /api/v4/payment_links: 422, one JSON:API error per bad field (SPEC §4)', () => {
  it('writes the error object with a string status, a title, a detail and a pointer', async () => {
    const answer = await v4.create({ referenceId: 'INV-ERR-1', amount: 'ten thousand' });
    expect(answer.status).toBe(422);
    expect(answer.body).toStrictEqual({
      errors: [
        {
          status: '422',
          code: 'VALIDATION_FAILED',
          title: 'Unprocessable Entity',
          detail: expect.stringContaining('whole number of rupiah'),
          source: { pointer: '/data/attributes/amount' },
        },
      ],
    });
  });

  it('names both required attributes when the attributes are empty', async () => {
    const answer = await v4.create({});
    expectErrors(answer, 422, [attr('amount'), attr('referenceId')]);
    expect(answer.body.errors.map((e: any) => e.detail)).toEqual(['Is required.', 'Is required.']);
  });

  it.each([
    ['no body at all', undefined, ['/data']],
    ['no data', { meta: {} }, ['/data']],
    ['data that is a list', { data: [] }, ['/data']],
    ['no attributes', { data: { type: 'payment_links' } }, ['/data/attributes']],
    ['attributes that are a string', { data: { attributes: 'x' } }, ['/data/attributes']],
    ['a list for a document', [], ['']],
    ['null for a document', null, ['']],
  ])('points at the document when it has %s', async (_label, body, pointers) => {
    const answer = await v4.call('POST', '/payment_links', body);
    expectErrors(answer, 422, pointers);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['amount zero', { amount: 0 }, 'amount'],
    ['a negative amount', { amount: -10_000 }, 'amount'],
    ['a fraction of a rupiah', { amount: 10_000.5 }, 'amount'],
    ['a fractional string', { amount: '10000.5' }, 'amount'],
    ['an amount with a thousands separator', { amount: '10.000' }, 'amount'],
    ['an amount in exponent form', { amount: '1e4' }, 'amount'],
    ['an amount above 1,000,000,000', { amount: 1_000_000_001 }, 'amount'],
    ['a boolean amount', { amount: true }, 'amount'],
    ['a null amount', { amount: null }, 'amount'],
    ['an amount no method accepts (under QRIS minimum)', { amount: 999 }, 'amount'],
    ['an amount no method accepts (over every VA maximum)', { amount: 1_000_000_000 }, 'amount'],
    ['an empty referenceId', { referenceId: '' }, 'referenceId'],
    ['a referenceId of 41 characters', { referenceId: 'A'.repeat(41) }, 'referenceId'],
    ['a referenceId with a space', { referenceId: 'INV 1' }, 'referenceId'],
    ['a referenceId with a slash', { referenceId: 'INV/1' }, 'referenceId'],
    ['a numeric referenceId', { referenceId: 12345 }, 'referenceId'],
    ['an expiredAt in the past', { expiredAt: '2026-01-15 09:59:59 +0700' }, 'expiredAt'],
    ['an expiredAt of exactly now', { expiredAt: '2026-01-15 10:00:00 +0700' }, 'expiredAt'],
    ['an expiredAt without offset', { expiredAt: '2026-01-16 16:00:00' }, 'expiredAt'],
    ['an expiredAt on 30 February', { expiredAt: '2026-02-30 16:00:00 +0700' }, 'expiredAt'],
    ['an expiredAt in epoch ms', { expiredAt: 1_768_550_400_000 }, 'expiredAt'],
    ['a malformed email', { customerEmail: 'john@' }, 'customerEmail'],
    ['a landline phone', { customerPhoneNumber: '0215551234' }, 'customerPhoneNumber'],
    ['a foreign phone', { customerPhoneNumber: '+6591234567' }, 'customerPhoneNumber'],
    ['a description over 255 characters', { description: 'x'.repeat(256) }, 'description'],
    ['a customerName over 255 characters', { customerName: 'x'.repeat(256) }, 'customerName'],
    ['a NUL in the description', { description: 'a\u0000b' }, 'description'],
    [
      'a displayName over 25 characters',
      { paymentMethodOptions: { displayName: 'Toko Serba Ada Sejahtera 1' } },
      'paymentMethodOptions/displayName',
    ],
    ['paymentMethodOptions that is a list', { paymentMethodOptions: [] }, 'paymentMethodOptions'],
  ])('refuses %s', async (_label, change, field) => {
    const answer = await v4.create({ ...VALID, ...change });
    expectErrors(answer, 422, [attr(field)]);
    expect(await linkRowByReference(t, VALID.referenceId)).toEqual([]);
  });

  it('answers one error for each of several bad fields', async () => {
    const answer = await v4.create({
      amount: -1,
      referenceId: 'bad ref',
      customerEmail: 'nope',
      customerPhoneNumber: '123',
      expiredAt: 'tomorrow',
    });
    expectErrors(answer, 422, [
      attr('amount'),
      attr('referenceId'),
      attr('expiredAt'),
      attr('customerEmail'),
      attr('customerPhoneNumber'),
    ]);
  });
});

describe('POST /api/v4/payment_links: other refusals, same shape', () => {
  it('400 for malformed JSON', async () => {
    expectErrors(await v4.call('POST', '/payment_links', '{"data": {'), 400);
  });

  it('415 for a body that is not JSON', async () => {
    const answer = await callV4(t, 'POST', '/payment_links', {
      headers: {
        authorization: basicAuth(merchant.clientId, merchant.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'amount=10000&referenceId=X',
    });
    expectErrors(answer, 415);
  });

  it('413 for a body above 64 KiB, in the JSON:API shape', async () => {
    const answer = await v4.create({ ...VALID, description: 'x'.repeat(70 * 1024) });
    expectErrors(answer, 413);
    expect(answer.body.errors[0].status).toBe('413');
  });

  it('404 for an unknown v4 path, 405 with Allow for another method', async () => {
    expectErrors(await v4.call('GET', '/invoices'), 404);
    const listing = await v4.call('GET', '/payment_links');
    expectErrors(listing, 405);
    expect(listing.headers.get('allow')).toBe('POST');
    const deleting = await v4.call('DELETE', '/payment_links/paymentlink_' + '0'.repeat(32));
    expectErrors(deleting, 405);
    expect(deleting.headers.get('allow')).toBe('GET, HEAD');
  });
});
