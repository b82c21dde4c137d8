import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../server/domain/payment-method/catalog.ts';
import { methodMark } from './method-marks.ts';

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const banks = DEFAULT_CATALOG.filter((method) => method.group === 'va');
/** The e-wallets and stores a gateway connector brings (SPEC §10), by catalog code. */
const gatewayMethods = [
  ['GOPAY', 'GoPay'],
  ['SHOPEEPAY', 'ShopeePay'],
  ['ALFAMART', 'Alfamart'],
  ['INDOMARET', 'Indomaret'],
] as const;
const everyMethod = [
  ...banks.map((method) => [method.code, method.displayName] as const),
  ...gatewayMethods,
];

describe('methodMark', () => {
  it.each(everyMethod)('%s has legible initials (contrast ≥ 4.5:1)', (code, label) => {
    const mark = methodMark(code, label);
    expect(mark.initials).toMatch(/^[A-Z]{1,3}$/);
    expect(contrast(mark.background, mark.ink)).toBeGreaterThanOrEqual(4.5);
  });

  it('tells every bank, wallet and store apart', () => {
    const looks = everyMethod.map(([code, label]) => {
      const mark = methodMark(code, label);
      return `${mark.initials} ${mark.background}`;
    });
    expect(new Set(looks).size).toBe(everyMethod.length);
  });

  it.each(gatewayMethods)('%s has a mark of its own, not the fallback', (code, label) => {
    expect(methodMark(code, label).background).not.toBe(methodMark('UNKNOWN', label).background);
  });

  it('gives a bank it does not know the initials of its name', () => {
    const mark = methodMark('VA_SEABANK', 'Sea Bank');
    expect(mark.initials).toBe('SB');
    expect(contrast(mark.background, mark.ink)).toBeGreaterThanOrEqual(4.5);
  });
});
