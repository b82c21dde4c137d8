import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { basicAuth } from '../../../tests/support/v4-api.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

const FIELDS = [
  'amount',
  'referenceId',
  'description',
  'customerName',
  'customerEmail',
  'customerPhoneNumber',
  'expiredAt',
  'paymentMethodOptions',
];
/** Values of every JSON type, and strings PostgreSQL or a parser could choke on. */
const VALUES: unknown[] = [
  null,
  true,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  [1, 'a'],
  {},
  { displayName: { nested: true } },
  '',
  'a\u0000b',
  '\ud800',
  '\u202e\u0000',
  "'; drop table payment_links; --",
  '%_\\',
  'x'.repeat(20_000),
  '2026-13-45 99:99:99 +9999',
  '10000.0.0',
  '   ',
];

let n = 0;
const hostileBodies: [string, string][] = [
  ...FIELDS.flatMap((field) =>
    VALUES.map((value): [string, string] => {
      const attributes = { amount: 20_000, referenceId: `HOSTILE-${++n}`, [field]: value };
      return [
        `${field} = ${JSON.stringify(value).slice(0, 30)}`,
        JSON.stringify({ data: { attributes } }),
      ];
    }),
  ),
  ['a lone surrogate escape in a key', '{"data":{"attributes":{"\\ud800":1,"amount":20000}}}'],
  ['__proto__ attributes', '{"data":{"__proto__":{"amount":1},"attributes":{"__proto__":{}}}}'],
  ['constructor as attributes', '{"data":{"attributes":{"constructor":{"prototype":1}}}}'],
  ['a deeply nested document', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
  [
    'a deeply nested attribute',
    `{"data":{"attributes":{"amount":${'['.repeat(3_000)}${']'.repeat(3_000)}}}}`,
  ],
  ['a number with 400 digits', `{"data":{"attributes":{"amount":${'9'.repeat(400)}}}}`],
  ['a bare string', '"payment_links"'],
  ['a bare number', '42'],
  ['a byte-order mark', '\ufeff{"data":{"attributes":{"amount":20000}}}'],
  ['trailing garbage', '{"data":{}} x'],
  [
    'an escaped NUL in referenceId',
    '{"data":{"attributes":{"amount":20000,"referenceId":"A\\u0000"}}}',
  ],
];

const auth = () => basicAuth(merchant.clientId, merchant.clientSecret);

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await t.app.request('/api/v4/payment_links', {
    method: 'POST',
    headers: { authorization: auth(), 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: await response.json() };
}

/** Whatever the input, an answer below 500 in the JSON:API error shape (or a created link). */
function expectHandled(answer: { status: number; body: any }) {
  expect(answer.status).toBeLessThan(500);
  if (answer.status === 201) {
    expect(answer.body.data.type).toBe('payment_links');
    return;
  }
  expect(answer.body.errors.length).toBeGreaterThan(0);
  for (const error of answer.body.errors) expect(error.status).toBe(String(answer.status));
}

// SPEC §4 and STYLE: nothing a client sends yields a 500.
describe('v4 hostile input', () => {
  it.each(hostileBodies)('POST with %s', async (_label, body) => {
    expectHandled(await post(body));
  });

  it.each([
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['a NUL byte', new Uint8Array([0x7b, 0x00, 0x7d])],
  ])('POST with %s', async (_label, bytes) => {
    expectHandled(await post(bytes));
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['multipart without boundary', 'multipart/form-data'],
    ['a garbage media type', ';;;==='],
    ['a JSON:API media type with parameters', 'application/vnd.api+json; ext="x"'],
  ])('POST with content type %s', async (_label, type) => {
    expectHandled(await post('{"data":{"attributes":{}}}', { 'content-type': type }));
  });

  it.each([
    '%00',
    '%E0%A4%A',
    'paymentlink_%00000000000000000000000000000000',
    'paymentlink_' + 'f'.repeat(10_000),
    '..%2F..%2Fadmin',
    '%F0%9F%92%A9',
  ])('GET /payment_links/%s', async (id) => {
    const response = await t.app.request(`/api/v4/payment_links/${id}`, {
      headers: { authorization: auth() },
    });
    expectHandled({ status: response.status, body: await response.json() });
  });
});
