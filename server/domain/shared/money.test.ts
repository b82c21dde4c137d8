import { describe, expect, it } from 'vitest';
import { toDecimalString, toRupiahLabel } from './money.ts';

describe('toDecimalString (v1.0 "20000.00")', () => {
  it.each([
    [20_000, '20000.00'],
    [0, '0.00'],
    [1, '1.00'],
    [-10_000, '-10000.00'],
    [1_000_000_000, '1000000000.00'],
  ])('%i → %s', (rupiah, text) => {
    expect(toDecimalString(rupiah)).toBe(text);
  });

  it('refuses a fraction of a rupiah instead of writing "1.5.00"', () => {
    expect(() => toDecimalString(1.5)).toThrow(RangeError);
    expect(() => toDecimalString(Number.NaN)).toThrow(RangeError);
  });
});

describe('toRupiahLabel (the page, "Rp 20.000")', () => {
  it.each([
    [20_000, 'Rp 20.000'],
    [0, 'Rp 0'],
    [999, 'Rp 999'],
    [1_000, 'Rp 1.000'],
    [-10_000, '-Rp 10.000'],
    [-500, '-Rp 500'],
    [1_000_000_000, 'Rp 1.000.000.000'],
    [250_000_000, 'Rp 250.000.000'],
  ])('%i → %s', (rupiah, text) => {
    expect(toRupiahLabel(rupiah)).toBe(text);
  });

  it('uses a plain space, not a no-break space', () => {
    expect(toRupiahLabel(20_000).charCodeAt(2)).toBe(0x20);
  });

  it('refuses a fraction of a rupiah', () => {
    expect(() => toRupiahLabel(1_000.5)).toThrow(RangeError);
  });
});
