import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../server/checkout/qr-svg.ts';
import { escapeAttribute, labelQrSvg } from './qr-image.ts';

describe('labelQrSvg', () => {
  it('names the QR image on its root element', async () => {
    const svg = labelQrSvg(await qrSvg('000201010212'), 'QRIS code to pay Rp 5.000 to Toko');
    expect(svg).toMatch(/^<svg role="img" aria-label="QRIS code to pay Rp 5.000 to Toko" /);
    expect(svg.match(/<svg /g)).toHaveLength(1);
  });

  it('escapes a merchant name that would break out of the attribute', () => {
    const svg = labelQrSvg('<svg viewBox="0 0 1 1"></svg>', 'Toko "A" & <B>');
    expect(svg).toContain('aria-label="Toko &quot;A&quot; &amp; &lt;B&gt;"');
  });

  it('refuses what is not an SVG', () => {
    expect(() => labelQrSvg('<?xml version="1.0"?><svg>', 'x')).toThrow();
  });
});

describe('escapeAttribute', () => {
  it('leaves plain text alone', () => {
    expect(escapeAttribute('Kopi Senja 20.000')).toBe('Kopi Senja 20.000');
  });
});
