import { describe, expect, it } from 'vitest';
import { aLink, anAccount, aPayment, BASE_URL } from './callback-fixtures.test-support.ts';
import { buildInquiryBody } from './inquiry-body.ts';
import { buildV1TransactionBody } from './payment-link-transaction-body.ts';
import { normalizeForSignature } from './sign-callback.ts';
import { buildV4PaymentLinkBody } from './v4-payment-link-body.ts';

/**
 * What makes PHP and JavaScript verifiers hash a body differently (reference §4.4): empty
 * objects (PHP re-encodes `[]`), integer-like keys (PHP arrays), non-integer numbers.
 */
function hazards(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => hazards(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  if (entries.length === 0) return [`${path}: {}`];
  return entries.flatMap(([key, item]) => [
    ...(/^\d+$/.test(key) ? [`${path}.${key}: integer-like key`] : []),
    ...hazards(item, `${path}.${key}`),
  ]);
}

const now = new Date('2025-12-31T17:00:07Z');
const noCustomer = { customer: null };
const bodies = {
  'v1 paid': buildV1TransactionBody({
    ...{ payment: aPayment(), link: aLink(), account: anAccount() },
    ...{ status: 'paid', now, baseUrl: BASE_URL },
  }),
  'v1 settled, no customer, expiring link': buildV1TransactionBody({
    payment: aPayment({ ...noCustomer, status: 'settled', settledAt: now }),
    link: aLink({ ...noCustomer, expiredAt: now, paymentDate: null }),
    ...{ account: anAccount(), status: 'settled', now, baseUrl: BASE_URL },
  }),
  'v4 bare link': buildV4PaymentLinkBody({ link: aLink(), status: 'pending', baseUrl: BASE_URL }),
  'v4 full link': buildV4PaymentLinkBody({
    link: aLink({
      description: 'Order 1',
      expiredAt: now,
      displayName: 'Toko',
      customer: { name: 'A', email: 'a@b.id', phone: '0812' },
    }),
    ...{ status: 'expired', baseUrl: BASE_URL },
  }),
  inquiry: buildInquiryBody({
    ...{ event: 'payment_link.inquiry', payment: aPayment({ status: 'pending' }) },
    ...{ methodName: 'VA BRI', now },
  }),
};

describe('callback bodies are signature-stable', () => {
  it('the hazard check finds what it looks for', () => {
    expect(hazards({ a: {}, b: [1.5], c: { '0': 'x' } })).toStrictEqual([
      '$.a: {}',
      '$.b[0]: 1.5',
      '$.c.0: integer-like key',
    ]);
  });

  it.each(Object.entries(bodies))(
    '%s has no empty object, float or integer-like key',
    (_, body) => {
      expect(hazards(body)).toStrictEqual([]);
    },
  );

  it.each(Object.entries(bodies))('%s survives normalisation unchanged in content', (_, body) => {
    const text = JSON.stringify(body);
    expect(JSON.parse(normalizeForSignature(text))).toStrictEqual(body);
  });
});
