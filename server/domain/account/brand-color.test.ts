import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  darken,
  isHexColor,
  isReadableUnderWhiteText,
  relativeLuminance,
} from './brand-color.ts';

describe('isHexColor', () => {
  it.each(['#0b57d0', '#FFFFFF', '#a1B2c3'])('takes %s', (text) => {
    expect(isHexColor(text)).toBe(true);
  });
  it.each(['0b57d0', '#fff', '#0b57d0ff', 'red', '#0b57dg', ' #0b57d0', '#0b57d0\n', ''])(
    'refuses %j',
    (text) => {
      expect(isHexColor(text)).toBe(false);
    },
  );
});

describe('relativeLuminance and contrastRatio (WCAG 2.2)', () => {
  it('gives 0 for black, 1 for white, and 21:1 between them', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
  });

  it('matches published ratios against white', () => {
    // The well-known edge: #767676 on white is 4.54:1, #777777 4.48:1; the default blue 6.39:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0b57d0', '#ffffff')).toBeCloseTo(6.39, 2);
  });

  it('is the same colour: 1', () => {
    expect(contrastRatio('#12ab34', '#12AB34')).toBe(1);
  });
});

describe('isReadableUnderWhiteText: the primary button takes the colour at 4.5:1 or more', () => {
  it.each([
    ['#767676', true],
    ['#777777', false],
    ['#0b57d0', true],
    ['#000000', true],
    ['#ffffff', false],
    ['#ffcc00', false], // yellow: white text vanishes
    ['#e53935', false], // a bright red: 4.23:1
    ['#c62828', true], // a deep red: 5.62:1
  ])('%s → %s', (hex, expected) => {
    expect(isReadableUnderWhiteText(hex)).toBe(expected);
  });
});

describe('darken', () => {
  it('mixes with black, so the shade stays readable under white text', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080');
    expect(darken('#0b57d0', 0)).toBe('#0b57d0');
    expect(darken('#0b57d0', 1)).toBe('#000000');
    expect(contrastRatio(darken('#767676', 0.15), '#ffffff')).toBeGreaterThan(4.54);
  });
});
