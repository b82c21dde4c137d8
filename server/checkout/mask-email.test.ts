import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask-email.ts';

describe('maskEmail', () => {
  it.each([
    ['budi.santoso@example.com', 'b***@example.com'],
    ['b@example.com', 'b***@example.com'],
    ['"a@b"@example.com', '"***@example.com'],
    ['no-at-sign', '***'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
