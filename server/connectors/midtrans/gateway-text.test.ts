import { describe, expect, it } from 'vitest';
import { fitText } from './gateway-text.ts';

describe('fitText', () => {
  it('keeps a short name as it is', () => {
    expect(fitText('Toko Budi', 30)).toBe('Toko Budi');
  });

  it('folds line breaks, tabs and runs of spaces into one space', () => {
    expect(fitText('  Toko\n\tBudi   Jaya ', 30)).toBe('Toko Budi Jaya');
  });

  it('cuts at the limit without a trailing space', () => {
    expect(fitText('Warung Makan Sederhana Sekali Enak', 23)).toBe('Warung Makan Sederhana');
  });

  it('counts an emoji as one character and never splits it', () => {
    expect(fitText('Kopi ☕😀😀', 7)).toBe('Kopi ☕😀');
  });
});
