import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payVa, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { jsonPointer } from '../../../tests/support/openapi-conformance.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import { isPaymentReference } from '../../domain/payment/payment-reference.ts';
import { API_OPERATIONS } from './api-operations.ts';
import type { Operation, SecurityScheme } from './operation.ts';

// Issue 10, finding 13: the create example listed `BRI` and `BNI` as methods. The examples
// were checked against the handler's valibot schema and the document's JSON Schema only, and
// both see `whitelisted_payment_method` as "an array of strings": that a code must be in the
// catalog is a rule of the use case (createPaymentLink), which no check ran. So every example
// is now sent to the real handler, as a reader of the reference would send it, and must get
// the documented success.

let t: TestPaylink;
let merchant: Merchant;
let document: Record<string, any>;

beforeAll(async () => {
  t = await createTestPaylink({ env: { PAYMENT_PROVIDER: 'sandbox' } });
  // Today, not the suite's fixed clock: an example whose date has passed is wrong for readers.
  t.clock.set(new Date());
  merchant = await createMerchant(t);
  document = await (await t.app.request('/api/openapi.json')).json();
});
afterAll(() => t.close());

/** The JSON Pointer of every `example` or `examples` in the document's operations. */
function exampleLocations(): string[] {
  const found: string[] = [];
  const visit = (value: unknown, where: string[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'example' || key === 'examples') found.push(jsonPointer(...where));
      else visit(inner, [...where, key]);
    }
  };
  visit(document.paths, []);
  return found;
}

/** Today in Asia/Jakarta as yyyyMMdd: the date a v1.1 signature signs (SPEC §3.1). */
const wibDay = (now: Date) =>
  new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

/** The headers of the operation's first way to authenticate, as this merchant. */
function credentialsFor(operation: Operation): Record<string, string> {
  const basic = Buffer.from(`${merchant.clientId}:${merchant.clientSecret}`).toString('base64');
  const secret = merchant.clientSecret;
  const signed = `${merchant.clientId}_${secret}_${wibDay(t.clock.now())}`;
  const bySchema: Record<SecurityScheme, Record<string, string>> = {
    accessToken: { authorization: `Bearer ${merchant.token}` },
    partnerId: { 'x-partner-id': merchant.apiKey },
    clientCredentials: { authorization: `Basic ${basic}` },
    clientId: { 'x-client-id': merchant.clientId },
    signature: { 'x-signature': createHmac('sha512', secret).update(signed).digest('hex') },
    adminToken: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  };
  const schemes = operation.security?.[0] ?? [];
  return Object.assign({}, ...schemes.map((scheme) => bySchema[scheme]));
}

/** The path with its parameters naming a fresh link of this merchant's. */
async function pathFor(operation: Operation, amount: number): Promise<string> {
  const link = await createLinkOk(t, merchant, { total_amount: amount, max_usage: 10 });
  const values: Record<string, string> = {
    account_id: merchant.accountId,
    payment_link_id: String(link.id),
    public_id: publicIdOf(link),
  };
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no fixture for the path parameter ${name}`);
    return value;
  });
}

/** A pending BRI VA payment of this amount. */
async function pendingBriPayment(amount: number) {
  const link = await createLinkOk(t, merchant, { total_amount: amount });
  const started = await startPayment(t, publicIdOf(link), { method: 'VA_BRI' });
  expect(started.status).toBe(201);
  return started.body.data as { reff_no: string; payment_method_value: string };
}

type Example = Record<string, unknown>;

/**
 * Example values that name something the reader must have made first (a VA number to pay, a
 * payment to settle) stand for this test's own, made here; each example value must still look
 * like the real thing.
 */
const STANDS_FOR: Record<string, (example: Example) => Promise<Example>> = {
  'post /sandbox/api/va-payments': async (example) => {
    const payment = await pendingBriPayment(example.amount as number);
    const real = payment.payment_method_value;
    const shown = String(example.va_number);
    expect(shown.length, 'the example VA number has a real one’s length').toBe(real.length);
    expect(shown.slice(0, 5), 'and its bank prefix').toBe(real.slice(0, 5));
    return { ...example, va_number: real };
  },
  'post /sandbox/api/settlements': async (example) => {
    const payment = await pendingBriPayment(50_000);
    const paid = await payVa(t, {
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: 50_000,
    });
    expect(paid.status).toBe(200);
    expect(isPaymentReference(String(example.reff_no)), 'the example reff_no is one').toBe(true);
    return { ...example, reff_no: payment.reff_no };
  },
};

const withExamples = API_OPERATIONS.filter((operation) => operation.body?.example !== undefined);

describe('every OpenAPI example, sent to the real handler', () => {
  it('the document has examples only in request bodies, the ones sent below', () => {
    const expected = withExamples.map((operation) =>
      jsonPointer(operation.path, operation.method, 'requestBody', 'content', 'application/json'),
    );
    // A parameter or response example added later fails here until this test sends or checks it.
    expect(exampleLocations().sort()).toEqual(expected.sort());
  });

  it.each(withExamples.map((operation) => [`${operation.method} ${operation.path}`, operation]))(
    '%s: the example gets the documented success',
    async (name, operation) => {
      // A merchant of its own: the v1.0 and v4 examples may well name the same reference.
      merchant = await createMerchant(t);
      const example = operation.body?.example as Example;
      const amount = typeof example.amount === 'number' ? example.amount : 50_000;
      const body = (await STANDS_FOR[name]?.(example)) ?? example;
      const response = await t.app.request(await pathFor(operation, amount), {
        method: operation.method.toUpperCase(),
        headers: { 'content-type': 'application/json', ...credentialsFor(operation) },
        body: JSON.stringify(body),
      });
      const success = Object.keys(operation.replies).map(Number).sort()[0];
      expect(response.status, await response.clone().text()).toBe(success);
    },
  );
});
