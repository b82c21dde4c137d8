import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fill-template.ts';

describe('fillTemplate', () => {
  it('fills every named placeholder, repeated ones included', () => {
    expect(
      fillTemplate('Pay {amount} to {va}; {va} again', { va: '2621 5123', amount: 'Rp 10.000' }),
    ).toBe('Pay Rp 10.000 to 2621 5123; 2621 5123 again');
  });

  it('does not expand placeholders or $-patterns inside the values', () => {
    expect(fillTemplate('{a}', { a: '{b} $& $1', b: 'x' })).toBe('{b} $& $1');
  });

  it('throws on a placeholder without a value', () => {
    expect(() => fillTemplate('Code {company}', { va: '1' })).toThrow('{company}');
  });
});
