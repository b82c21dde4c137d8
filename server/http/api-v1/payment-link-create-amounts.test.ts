import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, DEFAULT_CATALOG } from '../../domain/payment-method/catalog.ts';
import {
  createLink,
  createLinkOk,
  expectFailure,
  expectInvalid,
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

const create = (body: object) => createLink(t, merchant, { title: 'Pesanan', ...body });
const item = (name: string, quantity: number, unit_price: number) => ({
  name,
  quantity,
  unit_price,
});

describe('create: total_amount and items (SPEC §3.2)', () => {
  it('takes total_amount alone; items stay null', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 20_000 });
    expect(link.total_amount).toBe('20000.00');
    expect(link.items).toBeNull();
  });

  it('sums items, a discount line included, when total_amount is absent', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: undefined,
      items: [item('Kaos', 2, 50_000), item('Topi', 3, 15_000), item('Diskon', 1, -10_000)],
    });
    expect(link.total_amount).toBe('135000.00');
    expect(link.items).toEqual([
      { name: 'Kaos', quantity: '2', unit_price: '50000', subtotal: 100_000 },
      { name: 'Topi', quantity: '3', unit_price: '15000', subtotal: 45_000 },
      { name: 'Diskon', quantity: '1', unit_price: '-10000', subtotal: -10_000 },
    ]);
  });

  it('accepts both when they agree', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: 90_000,
      items: [item('Kaos', 2, 50_000), item('Diskon', 1, -10_000)],
    });
    expect(link.total_amount).toBe('90000.00');
  });

  it('refuses both when they disagree, naming total_amount', async () => {
    expectInvalid(
      await create({
        total_amount: 100_000,
        items: [item('Kaos', 2, 50_000), item('Diskon', 1, -10_000)],
      }),
      'total_amount',
    );
  });

  it('requires total_amount when items are absent, null or empty', async () => {
    expectInvalid(await create({}), 'total_amount');
    expectInvalid(await create({ items: null }), 'total_amount');
    expectInvalid(await create({ items: [] }), 'total_amount');
  });

  it('accepts 100 items and refuses 101, naming items', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => item(`Barang ${i}`, 1, 1_000));
    expect(
      (await createLinkOk(t, merchant, { total_amount: undefined, items: hundred })).items,
    ).toHaveLength(100);
    expectInvalid(await create({ items: [...hundred, item('Satu lagi', 1, 1_000)] }), 'items');
  });

  it('accepts quantity 1 and 10,000', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: undefined,
      items: [item('A', 1, 10_000), item('B', 10_000, 1)],
    });
    expect(link.total_amount).toBe('20000.00');
  });

  it.each([[0], [-1], [10_001], [1.5], ['2'], [null]])(
    'refuses quantity %j as items.0.quantity',
    async (quantity) => {
      expectInvalid(
        await create({ items: [{ name: 'Kaos', quantity, unit_price: 20_000 }] }),
        'items.0.quantity',
      );
    },
  );

  it('names the bad item by its index', async () => {
    const answer = await create({
      items: [item('A', 1, 10_000), item('B', 1, 10_000), item('', 1, 10_000)],
    });
    expectInvalid(answer, 'items.2.name');
  });

  it('refuses an item name PostgreSQL cannot store, naming it', async () => {
    expectInvalid(
      await create({ items: [item('Kaos', 1, 10_000), item('Topi\u0000', 1, 10_000)] }),
      'items.1.name',
    );
  });

  it('names every bad field of every item at once', async () => {
    const answer = await create({
      items: [
        { name: 'A', quantity: 0, unit_price: 1.5 },
        { quantity: 1, unit_price: 1 },
      ],
    });
    expectInvalid(answer, 'items.0.quantity', 'items.0.unit_price', 'items.1.name');
  });

  it.each([
    ['a string', 'Kaos'],
    ['an object', { name: 'Kaos' }],
    ['a list with null', [null]],
  ])('refuses items as %s', async (_label, items) => {
    const answer = await create({ items });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.errors)[0]).toMatch(/^items/);
  });

  it.each([
    ['0', { total_amount: 0 }, 'total_amount'],
    ['negative', { total_amount: -5_000 }, 'total_amount'],
    ['1,000,000,001', { total_amount: 1_000_000_001 }, 'total_amount'],
    ['1.5', { total_amount: 1.5 }, 'total_amount'],
    ['"20000"', { total_amount: '20000' }, 'total_amount'],
    [
      'negative through discounts',
      { items: [item('Kaos', 1, 10_000), item('Diskon', 1, -20_000)] },
      'items',
    ],
    [
      'zero through discounts',
      { items: [item('Kaos', 1, 10_000), item('Diskon', 1, -10_000)] },
      'items',
    ],
    ['above the maximum through items', { items: [item('Mobil', 2, 600_000_000)] }, 'items'],
  ])('refuses a total of %s', async (_label, body, field) => {
    expectInvalid(await create(body), field);
  });
});

describe('create: total bounds against a catalog that accepts 1 to 1,000,000,000', () => {
  let wide: TestPaylink;
  let wideMerchant: Merchant;
  beforeAll(async () => {
    wide = await createTestPaylink();
    const bri = DEFAULT_CATALOG.find((m) => m.code === 'VA_BRI');
    if (!bri) throw new Error('VA_BRI missing');
    wide.deps.catalog = createCatalog([{ ...bri, minAmount: 1, maxAmount: 2_000_000_000 }]);
    wideMerchant = await createMerchant(wide);
  });
  afterAll(() => wide.close());

  it('accepts exactly 1 and exactly 1,000,000,000', async () => {
    expect((await createLinkOk(wide, wideMerchant, { total_amount: 1 })).total_amount).toBe('1.00');
    expect(
      (await createLinkOk(wide, wideMerchant, { total_amount: 1_000_000_000 })).total_amount,
    ).toBe('1000000000.00');
  });

  it('refuses 0 and 1,000,000,001 even though a method would take them', async () => {
    expectInvalid(
      await createLink(wide, wideMerchant, { title: 'x', total_amount: 0 }),
      'total_amount',
    );
    expectInvalid(
      await createLink(wide, wideMerchant, { title: 'x', total_amount: 1_000_000_001 }),
      'total_amount',
    );
  });
});

describe('create: whitelisted_payment_method (SPEC §3.2, §5)', () => {
  it('keeps the codes as given', async () => {
    const link = await createLinkOk(t, merchant, {
      whitelisted_payment_method: ['VA_BRI', 'QRIS'],
    });
    expect(link.whitelisted_payment_method).toEqual(['VA_BRI', 'QRIS']);
  });

  it('answers null for null, [] and absence (every method)', async () => {
    for (const whitelist of [null, [], undefined]) {
      const link = await createLinkOk(t, merchant, { whitelisted_payment_method: whitelist });
      expect(link.whitelisted_payment_method).toBeNull();
    }
  });

  it.each([
    ['an unknown code', ['QRIS', 'VA_XYZ'], 'whitelisted_payment_method.1'],
    ['a lower-case code', ['qris'], 'whitelisted_payment_method.0'],
    ['a repeat', ['QRIS', 'VA_BRI', 'QRIS'], 'whitelisted_payment_method.2'],
    ['a number in the list', [5], 'whitelisted_payment_method.0'],
    ['a string instead of a list', 'QRIS', 'whitelisted_payment_method'],
  ])('refuses %s', async (_label, whitelist, field) => {
    expectInvalid(
      await create({ total_amount: 20_000, whitelisted_payment_method: whitelist }),
      field,
    );
  });

  it.each([
    ['5,000 with VA_BCA only (VA minimum 10,000)', 5_000, ['VA_BCA']],
    ['15,000,000 with QRIS only (maximum 10,000,000)', 15_000_000, ['QRIS']],
    ['25,000,000 with VA_BCA only (maximum 20,000,000)', 25_000_000, ['VA_BCA']],
    ['500 with every method (QRIS minimum 1,000)', 500, null],
    ['300,000,000 with every method (largest VA maximum 250,000,000)', 300_000_000, null],
  ])('answers 422 NO_METHOD_FOR_AMOUNT for %s', async (_label, total, whitelist) => {
    const answer = await create({ total_amount: total, whitelisted_payment_method: whitelist });
    expectFailure(answer, 422, 'NO_METHOD_FOR_AMOUNT');
    expect(answer.body.errors).toHaveProperty('total_amount');
  });

  it.each([
    ['1,000 with every method (QRIS)', 1_000, null],
    ['10,000 with VA_BCA', 10_000, ['VA_BCA']],
    ['20,000,000 with VA_BCA', 20_000_000, ['VA_BCA']],
    ['25,000,000 when VA_BRI joins VA_BCA', 25_000_000, ['VA_BCA', 'VA_BRI']],
    ['250,000,000 with every method', 250_000_000, null],
  ])('accepts %s', async (_label, total, whitelist) => {
    await createLinkOk(t, merchant, { total_amount: total, whitelisted_payment_method: whitelist });
  });
});
