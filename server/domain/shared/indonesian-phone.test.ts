import { describe, expect, it } from 'vitest';
import { normalizeIndonesianPhone } from './indonesian-phone.ts';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['08123456789', '+628123456789'],
    ['+628123456789', '+628123456789'],
    ['628123456789', '+628123456789'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['0812345678', '+62812345678'],
    ['0812345678901', '+62812345678901'],
  ])('%s → %s', (input, e164) => {
    expect(normalizeIndonesianPhone(input)).toBe(e164);
  });

  it.each([
    ['too short', '081234567'],
    ['too long', '08123456789012'],
    ['a landline', '0215551234'],
    ['a foreign number', '+14155552671'],
    ['a 0 after the country code', '+62 0812 3456 7890'],
    ['a doubled plus', '++628123456789'],
    ['letters', '0812-CALL-ME'],
    ['non-ASCII digits', '０８１２３４５６７８９'],
    ['the empty string', ''],
  ])('refuses %s (%s)', (_label, input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });
});
