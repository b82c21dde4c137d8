import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLink,
  expectFailure,
  expectInvalid,
  MINIMAL_LINK,
} from '../../../tests/support/link-api.ts';
import {
  createMerchant,
  linksPath,
  type Merchant,
  merchantHeaders,
} from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

/** Sends a raw body with these headers over the merchant's own. */
async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await t.app.request(linksPath(merchant), {
    method: 'POST',
    headers: { ...merchantHeaders(merchant), ...headers },
    body,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('create: the body itself (SPEC §3)', () => {
  it('answers malformed JSON with 400 in the envelope', async () => {
    expectFailure(await post('{"title": "Kaos",'), 400, 'MALFORMED_BODY');
  });

  it('answers a text/plain body with 415', async () => {
    expectFailure(
      await post(JSON.stringify(MINIMAL_LINK), { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('answers a form body with 415', async () => {
    const form = await post('title=Kaos&total_amount=20000', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectFailure(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('accepts application/json with a charset', async () => {
    expect(
      (
        await post(JSON.stringify(MINIMAL_LINK), {
          'content-type': 'application/json; charset=utf-8',
        })
      ).status,
    ).toBe(200);
  });

  it.each([
    ['an array', '[]'],
    ['an array holding the fields', JSON.stringify([MINIMAL_LINK])],
    ['a string', '"Kaos"'],
    ['a number', '20000'],
    ['null', 'null'],
  ])('answers a JSON body that is %s with 422 naming the body', async (_label, text) => {
    expectInvalid(await post(text), 'body');
  });

  it('answers a body above 64 KiB with 413, and creates nothing', async () => {
    const big = JSON.stringify({
      ...MINIMAL_LINK,
      reff_no: 'BIG-1',
      description: 'x'.repeat(64 * 1024),
    });
    expectFailure(await post(big), 413, 'PAYLOAD_TOO_LARGE');
    const listed = await t.deps.links.list(merchant.accountId, {
      status: null,
      search: 'BIG-1',
      page: 1,
      perPage: 1,
      now: t.clock.now(),
    });
    expect(listed.total).toBe(0);
  });

  it('writes a 422 exactly as SPEC §3 shows it', async () => {
    const answer = await createLink(t, merchant, {
      title: '',
      total_amount: 20_000,
      items: [{ name: 'Kaos', quantity: 0, unit_price: 20_000 }],
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      status: 422,
      success: false,
      error: { code: 422, message: expect.any(String), reason: 'VALIDATION_FAILED' },
      errors: { title: [expect.any(String)], 'items.0.quantity': [expect.any(String)] },
    });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

type Case = [string, Record<string, unknown>];

/** Values of the wrong JSON type for any text field. */
const NOT_TEXT: [string, unknown][] = [
  ['an object', { $gt: '' }],
  ['a list', ['x']],
  ['a list of nulls', [null, null]],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['-0', -0],
  ['true', true],
];
/** Text that PostgreSQL cannot store (NUL in text, an unpaired surrogate escape in jsonb). */
const UNSTORABLE_TEXT: [string, unknown][] = [
  ['a NUL character', 'a\u0000b'],
  ['an unpaired high surrogate', 'a\ud800b'],
  ['an unpaired low surrogate', '\udc00'],
];
/** Numbers in the wrong form, for every number field. */
const NOT_A_NUMBER: [string, unknown][] = [
  ...NOT_TEXT.filter(([label]) => label !== '-0'),
  ...UNSTORABLE_TEXT,
  ['"5"', '5'],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"1e3"', '1e3'],
];

const each = (
  values: [string, unknown][],
  what: string,
  wrap: (value: unknown) => Record<string, unknown>,
): Case[] => values.map(([label, value]) => [`${what} as ${label}`, wrap(value)]);
const item = (override: object) => ({
  items: [{ name: 'Kaos', quantity: 1, unit_price: 20_000, ...override }],
});

const hostileCases: Case[] = [
  ...['title', 'description', 'reff_no', 'redirect_url', 'callback_url'].flatMap((field) =>
    each([...NOT_TEXT, ...UNSTORABLE_TEXT], field, (value) => ({ [field]: value })),
  ),
  ...each(NOT_A_NUMBER, 'total_amount', (value) => ({ total_amount: value })),
  ...each([...NOT_A_NUMBER, ['-0', -0]], 'max_usage', (value) => ({ max_usage: value })),
  ...each([...NOT_A_NUMBER, ['-0', -0], ['10^13', 10_000_000_000_000]], 'expired_at', (value) => ({
    expired_at: value,
  })),
  ...each(
    [
      ['"false"', 'false'],
      ['an object', {}],
      ['0', 0],
    ],
    'required_customer_detail',
    (value) => ({ required_customer_detail: value }),
  ),
  ...each([...NOT_TEXT, ...UNSTORABLE_TEXT], 'an item name', (name) => item({ name })),
  ...each([...NOT_A_NUMBER, ['-0', -0]], 'an item quantity', (quantity) => item({ quantity })),
  ...each(NOT_A_NUMBER, 'an item unit_price', (unit_price) => item({ unit_price })),
  ...each(
    [
      ['an object', { 0: item({}).items[0] }],
      ['a list holding a list', [[]]],
      ['a list of nulls', [null]],
    ],
    'items',
    (items) => ({ items }),
  ),
  ...each([...NOT_TEXT, ...UNSTORABLE_TEXT], 'a whitelist entry', (code) => ({
    whitelisted_payment_method: [code],
  })),
  ...each(
    [
      ['an object', { 0: 'QRIS' }],
      ['a number', 1],
    ],
    'whitelisted_payment_method',
    (list) => ({ whitelisted_payment_method: list }),
  ),
  ...each(UNSTORABLE_TEXT, 'a metadata value', (note) => ({ optional_metadata: { note } })),
  ...each(UNSTORABLE_TEXT, 'a metadata key', (key) => ({
    optional_metadata: { [String(key)]: 1 },
  })),
  ...each(UNSTORABLE_TEXT, 'a nested metadata value', (deep) => ({
    optional_metadata: { a: [{ b: ['ok', deep] }] },
  })),
  ...['name', 'email', 'phone'].flatMap((field) =>
    each([...NOT_TEXT, ...UNSTORABLE_TEXT], `customer.${field}`, (value) => ({
      customer: { [field]: value },
    })),
  ),
  ...each(
    [
      ['a list of nulls', [null]],
      ['a string', 'Budi'],
    ],
    'customer',
    (customer) => ({ customer }),
  ),
];

describe.each(testBackends())('create: hostile inputs never cause a 500 (%s)', (backend) => {
  let h: TestPaylink;
  let hostileMerchant: Merchant;
  beforeAll(async () => {
    h = await createTestPaylink({ backend });
    hostileMerchant = await createMerchant(h);
  });
  afterAll(() => h.close());

  it.each(hostileCases)('%s → 4xx', async (_label, override) => {
    const answer = await createLink(h, hostileMerchant, { ...MINIMAL_LINK, ...override });
    expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(400);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
    expect(answer.body).toMatchObject({ status: answer.status, success: false });
  });

  it.each([
    ['a title in Javanese script and emoji', { title: 'ꦏꦲꦺꦴꦱ꧀ 👕 Kaos' }],
    ['a surrogate pair in metadata', { optional_metadata: { emoji: '👕', 'kunci 🔑': 'nilai' } }],
    [
      'a discount line of -0',
      {
        items: [
          { name: 'Kaos', quantity: 1, unit_price: 20_000 },
          { name: 'Nol', quantity: 1, unit_price: -0 },
        ],
      },
    ],
    [
      'metadata nested 5 deep (as deep as SPEC §9 allows)',
      { optional_metadata: { deep: [[[['end']]]] } },
    ],
  ])('stores %s as sent', async (_label, override) => {
    const answer = await createLink(h, hostileMerchant, { ...MINIMAL_LINK, ...override });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const shown = await h.app.request(`${linksPath(hostileMerchant)}/${answer.body.data.id}`, {
      headers: merchantHeaders(hostileMerchant),
    });
    expect((await shown.json()).data).toEqual(answer.body.data);
  });
});
