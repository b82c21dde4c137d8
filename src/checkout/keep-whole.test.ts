import { describe, expect, it } from 'vitest';
import { keepWholeSegments } from './keep-whole.ts';

const wholes = (text: string) =>
  keepWholeSegments(text)
    .filter((segment) => segment.isWhole)
    .map((segment) => segment.text);

describe('keepWholeSegments', () => {
  it('gives back the text unchanged, run after run', () => {
    const text = 'Ketik nomor 3951 2419 0444 3800, lalu pastikan jumlahnya Rp 177.300.';
    expect(
      keepWholeSegments(text)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(text);
  });

  it.each([
    ['an amount', 'pastikan jumlahnya Rp 177.300.', ['Rp 177.300']],
    ['an amount with a no-break space', 'Bayar Rp\u00a0250.000', ['Rp\u00a0250.000']],
    ['a discount', 'hemat -Rp 8.000 hari ini', ['-Rp 8.000']],
    ['a grouped VA number', 'Ketik nomor 3951 2419 0444 3800, lalu', ['3951 2419 0444 3800']],
    ['an invoice reference', 'Pesanan #INV-2026-0142', ['#INV-2026-0142']],
    ['a reference with slashes', 'Faktur 12/IV/2026 lunas', ['12/IV/2026']],
  ])('keeps %s on one line', (_what, text, expected) => {
    expect(wholes(text)).toEqual(expected);
  });

  it('lets hyphenated words without digits and plain prose wrap as usual', () => {
    expect(wholes('Buka aplikasi m-banking atau e-wallet Anda.')).toEqual([]);
  });

  it('lets a run longer than a narrow line break rather than overflow', () => {
    expect(wholes('nomor 1234 5678 9012 3456 7890 1234 5678')).toEqual([]);
    expect(wholes('ref ABCDEFGHIJ-0123456789-ABCDEFGHIJ')).toEqual([]);
  });

  it('leaves a sentence’s full stop outside the run', () => {
    expect(wholes('Kode INV-2026-0142.')).toEqual(['INV-2026-0142']);
  });
});
