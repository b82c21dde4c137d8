import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLink,
  createLinkOk,
  DAY_MS,
  expectFailure,
  expectInvalid,
  MINIMAL_LINK,
  START_MS,
} from '../../../tests/support/link-api.ts';
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

const create = (body: object) => createLink(t, merchant, { ...MINIMAL_LINK, ...body });
const PUBLIC_URL = new RegExp(
  `^${TEST_BASE_URL.replace(/\./g, '\\.')}/b2b/PL20260115100000[0-9a-f]{32}$`,
);

describe('create: reff_no (SPEC §1, §3.2)', () => {
  it('keeps a merchant reff_no and keeps it out of payment_url', async () => {
    const link = await createLinkOk(t, merchant, { reff_no: 'INV-2026.01_a' });
    expect(link.reff_no).toBe('INV-2026.01_a');
    expect(link.payment_url).toMatch(PUBLIC_URL);
    expect(link.payment_url).not.toContain('INV-2026.01_a');
  });

  it('accepts exactly 40 characters', async () => {
    const reff = 'A'.repeat(39) + 'z';
    expect((await createLinkOk(t, merchant, { reff_no: reff })).reff_no).toBe(reff);
  });

  it.each([
    ['41 characters', 'A'.repeat(41)],
    ['a space', 'INV 1'],
    ['a slash', 'INV/1'],
    ['a non-ASCII letter', 'INVé1'],
    ['the empty string', ''],
    ['a number', 12345],
  ])('refuses %s, naming reff_no', async (_label, reff) => {
    expectInvalid(await create({ reff_no: reff }), 'reff_no');
  });

  it('generates reff_no as the public id when none is given (null too), and payment_url uses it', async () => {
    for (const body of [{}, { reff_no: null }]) {
      const link = await createLinkOk(t, merchant, body);
      expect(link.reff_no).toMatch(/^PL20260115100000[0-9a-f]{32}$/);
      expect(link.payment_url).toBe(`${TEST_BASE_URL}/b2b/${link.reff_no}`);
    }
  });

  it('draws a fresh 128-bit public id for every link', async () => {
    const first = await createLinkOk(t, merchant);
    const second = await createLinkOk(t, merchant);
    expect(first.reff_no).not.toBe(second.reff_no);
    expect(first.payment_url).not.toBe(second.payment_url);
  });

  it('refuses a repeat within the account with 409 REFF_NO_TAKEN, and creates nothing', async () => {
    await createLinkOk(t, merchant, { reff_no: 'ORDER-77' });
    const repeat = await create({ reff_no: 'ORDER-77', title: 'Second' });
    expectFailure(repeat, 409, 'REFF_NO_TAKEN');
    const listed = await t.deps.links.list(merchant.accountId, {
      status: null,
      search: 'ORDER-77',
      page: 1,
      perPage: 10,
      now: t.clock.now(),
    });
    expect(listed.links.map((link) => link.title)).toEqual(['Kaos Polos']);
  });

  it('lets another account use the same reff_no', async () => {
    await createLinkOk(t, merchant, { reff_no: 'SHARED-1' });
    const other = await createMerchant(t);
    const link = await createLinkOk(t, other, { reff_no: 'SHARED-1' });
    expect(link.reff_no).toBe('SHARED-1');
  });
});

describe('create: title', () => {
  it('is trimmed', async () => {
    expect((await createLinkOk(t, merchant, { title: '  Kaos  ' })).title).toBe('Kaos');
  });

  it('accepts 1 and 255 characters', async () => {
    expect((await createLinkOk(t, merchant, { title: 'K' })).title).toBe('K');
    expect((await createLinkOk(t, merchant, { title: 'k'.repeat(255) })).title).toHaveLength(255);
  });

  it('counts characters, not UTF-16 units: 255 emoji fit, 256 do not', async () => {
    expect((await createLinkOk(t, merchant, { title: '👕'.repeat(255) })).title).toBe(
      '👕'.repeat(255),
    );
    expectInvalid(await create({ title: '👕'.repeat(256) }), 'title');
  });

  it.each([
    ['a NUL character', 'Kaos\u0000'],
    ['an unpaired surrogate', 'Kaos \ud83d'],
  ])('refuses %s, naming title (PostgreSQL cannot store it)', async (_label, title) => {
    expectInvalid(await create({ title }), 'title');
  });

  it('is required, and the message says so', async () => {
    const answer = await createLink(t, merchant, { total_amount: 20_000 });
    expectInvalid(answer, 'title');
    expect(answer.body.errors.title).toEqual(['Is required.']);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['256 characters', 'k'.repeat(256)],
    ['256 characters once trimmed', ` ${'k'.repeat(256)} `],
    ['null', null],
    ['a number', 42],
  ])('refuses %s', async (_label, title) => {
    expectInvalid(await create({ title }), 'title');
  });
});

describe('create: required_customer_detail and max_usage', () => {
  it('default to false and 1', async () => {
    const link = await createLinkOk(t, merchant);
    expect(link.required_customer_detail).toBe(false);
    expect(link.max_usage).toBe(1);
    expect(link.current_usage).toBe(0);
  });

  it('keep what is sent', async () => {
    const link = await createLinkOk(t, merchant, {
      required_customer_detail: true,
      max_usage: 1_000_000,
    });
    expect(link.required_customer_detail).toBe(true);
    expect(link.max_usage).toBe(1_000_000);
  });

  it.each([['true'], [1], ['yes']])('refuse required_customer_detail %j', async (value) => {
    expectInvalid(await create({ required_customer_detail: value }), 'required_customer_detail');
  });

  it.each([[0], [-1], [1_000_001], [1.5], ['5'], [true]])('refuse max_usage %j', async (value) => {
    expectInvalid(await create({ max_usage: value }), 'max_usage');
  });
});

describe('create: expired_at', () => {
  const tomorrow = START_MS + DAY_MS;
  const TOMORROW_WIB = '2026-01-16T10:00:00+07:00';

  it.each([
    ['epoch milliseconds', tomorrow],
    ['a 13-digit numeric string', String(tomorrow)],
    ['ISO 8601 with +07:00', '2026-01-16T10:00:00+07:00'],
    ['ISO 8601 with Z', '2026-01-16T03:00:00Z'],
    ['ISO 8601 with fractions and -05:00', '2026-01-15T22:00:00.000-05:00'],
  ])('accepts %s and writes it back in WIB', async (_label, value) => {
    const link = await createLinkOk(t, merchant, { expired_at: value });
    expect(link.expired_at).toBe(TOMORROW_WIB);
    expect(link.is_expired).toBe(false);
    expect(link.status_computed).toBe('open');
  });

  it('takes null or absence as never', async () => {
    expect((await createLinkOk(t, merchant, { expired_at: null })).expired_at).toBeNull();
    expect((await createLinkOk(t, merchant)).expired_at).toBeNull();
  });

  it('accepts one millisecond in the future', async () => {
    const link = await createLinkOk(t, merchant, { expired_at: START_MS + 1 });
    expect(link.status_computed).toBe('open');
  });

  it.each([
    ['now', START_MS],
    ['one millisecond ago', START_MS - 1],
    ['yesterday as ISO', '2026-01-14T10:00:00+07:00'],
    ['epoch seconds (10 digits)', Math.floor(tomorrow / 1000)],
    ['epoch seconds as a string', String(Math.floor(tomorrow / 1000))],
    ['ISO without an offset', '2026-01-16T10:00:00'],
    ['a date alone', '2026-01-16'],
    ['an impossible date', '2026-02-30T10:00:00+07:00'],
    ['an impossible month', '2026-13-01T10:00:00+07:00'],
    ['hour 24', '2026-01-16T24:00:00+07:00'],
    ['an impossible offset', '2026-01-16T10:00:00+24:00'],
    ['a fractional millisecond', tomorrow + 0.5],
    ['words', 'tomorrow'],
    ['a boolean', true],
    ['an object', { at: tomorrow }],
  ])('refuses %s', async (_label, value) => {
    expectInvalid(await create({ expired_at: value }), 'expired_at');
  });
});
