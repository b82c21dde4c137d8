import { describe, expect, it } from 'vitest';
import { isOrderFolded } from './order-layout.ts';

const line = { name: 'Kue', quantity: 1, unitPrice: 1000 };

describe('isOrderFolded', () => {
  it('shows a short order as it is', () => {
    expect(isOrderFolded(null, null)).toBe(false);
    expect(isOrderFolded([line, line], 'Diantar besok pagi.')).toBe(false);
    expect(isOrderFolded(null, 'x'.repeat(120))).toBe(false);
  });

  it('folds many items or a long description', () => {
    expect(isOrderFolded([line, line, line], null)).toBe(true);
    expect(isOrderFolded(null, 'x'.repeat(121))).toBe(true);
  });

  it('counts a description in characters, not UTF-16 units', () => {
    expect(isOrderFolded(null, '🎂'.repeat(120))).toBe(false);
  });
});
