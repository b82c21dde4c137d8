import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPaymentReference, newPaymentReference } from './payment-reference.ts';

/** A RandomBytes that hands out these bytes, and records what was asked of it. */
function fixedRandom(bytes: number[]) {
  const asked: number[] = [];
  const random = (size: number) => {
    asked.push(size);
    return Uint8Array.from(bytes.slice(0, size));
  };
  return { random, asked };
}

describe('newPaymentReference', () => {
  it('is PY + 18 Crockford base32 characters, one per random byte (low five bits)', () => {
    const { random, asked } = fixedRandom(Array.from({ length: 18 }, (_, i) => i));
    expect(newPaymentReference(random)).toBe('PY0123456789ABCDEFGH');
    expect(asked).toEqual([18]);
    const high = fixedRandom([...Array(17).fill(32 + 31), 255]);
    expect(newPaymentReference(high.random)).toBe(`PY${'Z'.repeat(18)}`);
  });

  it('never uses I, L, O or U, so it reads aloud and types without mix-ups', () => {
    const all = fixedRandom(Array.from({ length: 18 }, (_, i) => i + 14));
    const reference = newPaymentReference(all.random);
    expect(reference).toBe('PYEFGHJKMNPQRSTVWXYZ');
    expect(reference.slice(2)).not.toMatch(/[ILOU]/);
  });

  it('fits QRIS tag 62/05 (≤ 25 characters) and passes isPaymentReference', () => {
    for (let i = 0; i < 200; i++) {
      const reference = newPaymentReference(randomBytes);
      expect(reference).toHaveLength(20);
      expect(isPaymentReference(reference)).toBe(true);
    }
  });

  it('does not repeat over 20,000 draws (90 random bits each)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(newPaymentReference(randomBytes));
    expect(seen.size).toBe(20_000);
  });

  it('uses all 32 symbols evenly enough (each at least half its fair share)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) {
      for (const char of newPaymentReference(randomBytes).slice(2))
        counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    const fair = (2_000 * 18) / 32;
    for (const n of counts.values()) expect(n).toBeGreaterThan(fair / 2);
  });
});

describe('isPaymentReference', () => {
  it.each([
    ['PY0123456789ABCDEFGH', true],
    ['PYZZZZZZZZZZZZZZZZZZ', true],
    ['py0123456789ABCDEFGH', false],
    ['PY0123456789abcdefgh', false],
    ['PY0123456789ABCDEFG', false],
    ['PY0123456789ABCDEFGHJ', false],
    ['PL0123456789ABCDEFGH', false],
    ['PY0123456789ABCDEFGI', false],
    ['PY0123456789ABCDEFGL', false],
    ['PY0123456789ABCDEFGO', false],
    ['PY0123456789ABCDEFGU', false],
    [' PY0123456789ABCDEFGH', false],
    ['PY0123456789ABCDEFGH\n', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isPaymentReference(value)).toBe(expected);
  });
});
