import { describe, expect, it } from 'vitest';
import { composeSubject, MAX_SUBJECT_LENGTH, toSingleLine, truncate } from './header.ts';

describe('toSingleLine', () => {
  it.each([
    ['Kaos\r\nBcc: victim@example.com', 'Kaos Bcc: victim@example.com'],
    ['a\rb\nc', 'a b c'],
    ['tab\there', 'tab here'],
    ['line\u2028separator\u2029too', 'line separator too'],
    ['nul\u0000and del\u007f', 'nul and del'],
    ['  padded  \n', 'padded'],
    ['Rp 20.000 — ok', 'Rp 20.000 — ok'],
  ])('%j → %j', (input, output) => {
    expect(toSingleLine(input)).toBe(output);
  });
});

describe('truncate', () => {
  it('leaves a short value alone', () => {
    expect(truncate('Kaos', 10)).toBe('Kaos');
    expect(truncate('abcde', 5)).toBe('abcde');
  });

  it('ends a shortened value with … within the limit', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
  });

  it('counts code points, so an emoji is never cut in half', () => {
    const cut = truncate('😀😀😀😀😀😀', 4);
    expect(cut).toBe('😀😀😀…');
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('composeSubject', () => {
  const build = (title: string) => `Tagihan dari Toko: ${title} / Payment request from Toko`;

  it('keeps the merchant and both languages when the title is long', () => {
    const subject = composeSubject('x'.repeat(500), build);
    expect(Array.from(subject)).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(subject).toMatch(/^Tagihan dari Toko: x+… \/ Payment request from Toko$/);
  });

  it('caps the whole subject even when the fixed words alone are too long', () => {
    const merchant = 'M'.repeat(200);
    const subject = composeSubject('Kaos', (t) => `Tagihan dari ${merchant}: ${t}`);
    expect(Array.from(subject).length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
    expect(subject.endsWith('…')).toBe(true);
  });
});
