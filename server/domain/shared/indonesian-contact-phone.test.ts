import { describe, expect, it } from 'vitest';
import { normalizeIndonesianContactPhone } from './indonesian-contact-phone.ts';

describe('normalizeIndonesianContactPhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['021-5551234', '+62215551234'],
    ['(021) 5551 2345', '+622155512345'],
    ['(0274) 512345', '+62274512345'],
    ['+62 361 222333', '+62361222333'],
  ])('%j → %s', (input, e164) => {
    expect(normalizeIndonesianContactPhone(input)).toBe(e164);
  });

  it.each(['call me', '1500888', '+6581234567', '0112345678', '021-12', '08123', ''])(
    'refuses %j',
    (input) => {
      expect(normalizeIndonesianContactPhone(input)).toBeNull();
    },
  );
});
