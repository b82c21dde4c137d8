import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLink,
  createLinkOk,
  expectInvalid,
  MINIMAL_LINK,
} from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

const create = (body: object) => createLink(t, merchant, { ...MINIMAL_LINK, ...body });
const LONG_PREFIX = 'https://merchant.example/';

describe.each(['redirect_url', 'callback_url'])('create: %s (SPEC §3.2)', (field) => {
  it.each([
    'https://merchant.example/thanks?order=1',
    'http://localhost:3000/x',
    'http://127.0.0.1/x',
    'http://[::1]/x',
    LONG_PREFIX + 'a'.repeat(2048 - LONG_PREFIX.length),
  ])('keeps %s', async (url) => {
    expect((await createLinkOk(t, merchant, { [field]: url }))[field]).toBe(url);
  });

  it('is null when absent or null', async () => {
    expect((await createLinkOk(t, merchant))[field]).toBeNull();
    expect((await createLinkOk(t, merchant, { [field]: null }))[field]).toBeNull();
  });

  it.each([
    'http://example.com',
    'javascript:alert(1)',
    '/relative',
    'https://user:pw@merchant.example/x',
    LONG_PREFIX + 'a'.repeat(2049 - LONG_PREFIX.length),
    'https://merchant.example/x\r\nLocation: https://evil.example',
    '',
    42,
    { href: 'https://merchant.example' },
  ])('refuses %j, naming the field', async (url) => {
    expectInvalid(await create({ [field]: url }), field);
  });
});

describe('create: optional_metadata', () => {
  it('is echoed back exactly', async () => {
    const metadata = {
      order_id: 'A-1',
      nested: { tags: ['x', 'y'], n: 1.5, ok: true, none: null },
    };
    expect(
      (await createLinkOk(t, merchant, { optional_metadata: metadata })).optional_metadata,
    ).toEqual(metadata);
  });

  it('is null when absent or null', async () => {
    expect((await createLinkOk(t, merchant)).optional_metadata).toBeNull();
    expect(
      (await createLinkOk(t, merchant, { optional_metadata: null })).optional_metadata,
    ).toBeNull();
  });

  it("takes [], how PHP's json_encode writes an empty map, as {} (decision 020)", async () => {
    expect((await createLinkOk(t, merchant, { optional_metadata: [] })).optional_metadata).toEqual(
      {},
    );
  });

  it('takes 20 keys and refuses 21', async () => {
    const keys = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(
      Object.keys(
        (await createLinkOk(t, merchant, { optional_metadata: keys(20) })).optional_metadata,
      ),
    ).toHaveLength(20);
    expectInvalid(await create({ optional_metadata: keys(21) }), 'optional_metadata');
  });

  it('takes exactly 4 KiB of JSON and refuses one byte more', async () => {
    // {"k":"…"} is 8 bytes around the value.
    const fits = { k: 'x'.repeat(4096 - 8) };
    expect(
      (await createLinkOk(t, merchant, { optional_metadata: fits })).optional_metadata,
    ).toEqual(fits);
    expectInvalid(
      await create({ optional_metadata: { k: 'x'.repeat(4096 - 7) } }),
      'optional_metadata',
    );
  });

  it('counts UTF-8 bytes, not characters', async () => {
    // "é" is two bytes in UTF-8: 2,100 of them are 4,200 bytes.
    expectInvalid(
      await create({ optional_metadata: { k: 'é'.repeat(2100) } }),
      'optional_metadata',
    );
  });

  it.each([
    ['a NUL character in a value', { note: 'a\u0000' }],
    ['an unpaired surrogate in a nested key', { a: { '\udc00': 1 } }],
  ])('refuses %s, naming optional_metadata', async (_label, metadata) => {
    expectInvalid(await create({ optional_metadata: metadata }), 'optional_metadata');
  });

  it.each([
    ['an array', ['a', 'b']],
    ['a string', '{"a":1}'],
    ['a number', 5],
    ['a boolean', true],
  ])('refuses %s', async (_label, metadata) => {
    expectInvalid(await create({ optional_metadata: metadata }), 'optional_metadata');
  });
});

describe('create: description', () => {
  it('is shown back, trimmed, up to 1000 characters', async () => {
    const text = 'd'.repeat(1000);
    expect((await createLinkOk(t, merchant, { description: text })).description).toBe(text);
    expect((await createLinkOk(t, merchant, { description: '  Ukuran L  ' })).description).toBe(
      'Ukuran L',
    );
  });

  it('is null when absent, null or blank', async () => {
    expect((await createLinkOk(t, merchant)).description).toBeNull();
    expect((await createLinkOk(t, merchant, { description: null })).description).toBeNull();
    expect((await createLinkOk(t, merchant, { description: '   ' })).description).toBeNull();
  });

  it.each([
    ['1001 characters', 'd'.repeat(1001)],
    ['a number', 7],
    ['an object', { text: 'x' }],
  ])('refuses %s', async (_label, description) => {
    expectInvalid(await create({ description }), 'description');
  });
});

describe('create: customer', () => {
  it('keeps name and email and normalises the phone to +62', async () => {
    const link = await createLinkOk(t, merchant, {
      customer: { name: ' Budi Santoso ', email: 'budi@example.com', phone: '0812-3456-7890' },
    });
    expect(link.customer).toEqual({
      name: 'Budi Santoso',
      email: 'budi@example.com',
      phone: '+6281234567890',
    });
  });

  it('reads +628… the same as 08…', async () => {
    const a = await createLinkOk(t, merchant, { customer: { phone: '+6281234567890' } });
    const b = await createLinkOk(t, merchant, { customer: { phone: '081234567890' } });
    expect(a.customer.phone).toBe('+6281234567890');
    expect(b.customer.phone).toBe('+6281234567890');
  });

  it('takes a partial customer, the rest null', async () => {
    const link = await createLinkOk(t, merchant, { customer: { email: 'sari@example.com' } });
    expect(link.customer).toEqual({ name: null, email: 'sari@example.com', phone: null });
  });

  it('is null when absent or null', async () => {
    expect((await createLinkOk(t, merchant)).customer).toBeNull();
    expect((await createLinkOk(t, merchant, { customer: null })).customer).toBeNull();
  });

  it.each([
    ['a bad email', { email: 'budi@' }, 'customer.email'],
    ['an email that is a number', { email: 5 }, 'customer.email'],
    ['a foreign phone', { phone: '+14155552671' }, 'customer.phone'],
    ['a short phone', { phone: '0812' }, 'customer.phone'],
    ['a phone that is a number', { phone: 81234567890 }, 'customer.phone'],
    ['a name of 256 characters', { name: 'n'.repeat(256) }, 'customer.name'],
    ['a name with a NUL character', { name: 'Budi\u0000' }, 'customer.name'],
  ])('refuses %s', async (_label, customer, field) => {
    expectInvalid(await create({ customer }), field);
  });

  it.each([
    ['a string', 'Budi'],
    ['an array', []],
    ['a number', 1],
  ])('refuses customer as %s', async (_label, customer) => {
    expectInvalid(await create({ customer }), 'customer');
  });
});
