import { describe, expect, it } from 'vitest';
import {
  acceptsAmount,
  createCatalog,
  DEFAULT_CATALOG,
  offeredMethods,
  type PaymentMethod,
} from './catalog.ts';

const catalog = createCatalog();
const codes = (methods: PaymentMethod[]) => methods.map((method) => method.code);
const ALL_VA = [
  'VA_BCA',
  'VA_BNI',
  'VA_BRI',
  'VA_MANDIRI',
  'VA_PERMATA',
  'VA_CIMB',
  'VA_DANAMON',
  'VA_MAYBANK',
  'VA_BSI',
];

describe('DEFAULT_CATALOG (SPEC §5)', () => {
  it('holds exactly the methods, groups, limits and expiries of the table', () => {
    const rows = DEFAULT_CATALOG.map((m) => [
      m.code,
      m.group,
      m.minAmount,
      m.maxAmount,
      m.expirySeconds,
      m.enabled,
    ]);
    const day = 86_400;
    expect(rows).toEqual([
      ['QRIS', 'qris', 1_000, 10_000_000, 1_800, true],
      ['VA_BCA', 'va', 10_000, 20_000_000, day, true],
      ['VA_BNI', 'va', 10_000, 250_000_000, day, true],
      ['VA_BRI', 'va', 10_000, 250_000_000, day, true],
      ['VA_MANDIRI', 'va', 10_000, 100_000_000, day, true],
      ['VA_PERMATA', 'va', 10_000, 100_000_000, day, true],
      ['VA_CIMB', 'va', 10_000, 100_000_000, day, true],
      ['VA_DANAMON', 'va', 10_000, 100_000_000, day, true],
      ['VA_MAYBANK', 'va', 10_000, 100_000_000, day, true],
      ['VA_BSI', 'va', 10_000, 100_000_000, day, true],
    ]);
  });

  it('names VA methods as the histories API does ("VA BRI")', () => {
    expect(catalog.find('VA_BRI')?.name).toBe('VA BRI');
    expect(catalog.find('QRIS')?.name).toBe('QRIS');
  });

  it('finds codes case-sensitively', () => {
    expect(catalog.find('QRIS')?.code).toBe('QRIS');
    expect(catalog.find('qris')).toBeUndefined();
    expect(catalog.find('VA_XYZ')).toBeUndefined();
  });
});

describe('offeredMethods (SPEC §5: whitelisted ∩ enabled ∩ amount limits)', () => {
  it.each([
    [999, false],
    [1_000, true],
    [10_000_000, true],
    [10_000_001, false],
  ])('QRIS at %i rupiah: offered %s', (amount, offered) => {
    expect(codes(offeredMethods(catalog, ['QRIS'], amount))).toEqual(offered ? ['QRIS'] : []);
  });

  it.each([
    [9_999, false],
    [10_000, true],
    [20_000_000, true],
    [20_000_001, false],
  ])('VA_BCA at %i rupiah: offered %s', (amount, offered) => {
    expect(codes(offeredMethods(catalog, ['VA_BCA'], amount))).toEqual(offered ? ['VA_BCA'] : []);
  });

  it('offers every method whose limits include the amount when the whitelist is null or empty', () => {
    expect(codes(offeredMethods(catalog, null, 5_000))).toEqual(['QRIS']);
    expect(codes(offeredMethods(catalog, [], 20_000))).toEqual(['QRIS', ...ALL_VA]);
    expect(codes(offeredMethods(catalog, null, 150_000_000))).toEqual(['VA_BNI', 'VA_BRI']);
    expect(codes(offeredMethods(catalog, null, 250_000_001))).toEqual([]);
  });

  it('keeps catalog order, not whitelist order, and ignores codes it does not know', () => {
    expect(codes(offeredMethods(catalog, ['VA_BRI', 'QRIS', 'VA_XYZ'], 20_000))).toEqual([
      'QRIS',
      'VA_BRI',
    ]);
  });

  it('leaves out a disabled method even when whitelisted', () => {
    const withDisabledQris = createCatalog(
      DEFAULT_CATALOG.map((m) => (m.code === 'QRIS' ? { ...m, enabled: false } : m)),
    );
    expect(codes(offeredMethods(withDisabledQris, ['QRIS', 'VA_BRI'], 20_000))).toEqual(['VA_BRI']);
    expect(codes(offeredMethods(withDisabledQris, null, 5_000))).toEqual([]);
  });

  it('acceptsAmount agrees at both limits and refuses a disabled method', () => {
    const bca = catalog.find('VA_BCA');
    if (!bca) throw new Error('VA_BCA missing');
    expect([9_999, 10_000, 20_000_000, 20_000_001].map((a) => acceptsAmount(bca, a))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(acceptsAmount({ ...bca, enabled: false }, 15_000)).toBe(false);
  });
});
