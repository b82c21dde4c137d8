import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOGO_FIXTURES, logoDataUrl, pngOfSize } from '../../../tests/support/logo-fixtures.ts';
import { logoFileName, MAX_LOGO_BYTES, readLogoDataUrl, sniffImageType } from './logo-image.ts';

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

function messageOf(text: string): string {
  const read = readLogoDataUrl(text);
  if (read.ok) throw new Error(`accepted ${text.slice(0, 60)}`);
  return read.message;
}

describe('sniffImageType: by the magic bytes alone', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webpLossy', 'image/webp'],
    ['webpLossless', 'image/webp'],
  ] as const)('%s → %s', (fixture, type) => {
    expect(sniffImageType(bytesOf(LOGO_FIXTURES[fixture]))).toBe(type);
  });

  it.each([
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['RIFF that is a WAV', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['PNG cut in its signature', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])],
    ['nothing', Buffer.alloc(0)],
  ])('%s → null', (_name, bytes) => {
    expect(sniffImageType(new Uint8Array(bytes))).toBeNull();
  });
});

describe('readLogoDataUrl: accepted', () => {
  it.each([
    ['png', 'image/png', 3, 2],
    ['jpeg', 'image/jpeg', 3, 2],
    ['jpegProgressive', 'image/jpeg', 3, 2],
    ['webpLossy', 'image/webp', 3, 2],
    ['webpLossless', 'image/webp', 3, 2],
    ['webpAlpha', 'image/webp', 5, 4],
  ] as const)('%s as %s, %i × %i', (fixture, type, width, height) => {
    const read = readLogoDataUrl(logoDataUrl(type, LOGO_FIXTURES[fixture]));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const bytes = bytesOf(LOGO_FIXTURES[fixture]);
    expect(read.logo).toEqual({
      type,
      width,
      height,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('takes the media type in any case (RFC 2397 media types are case-insensitive)', () => {
    const read = readLogoDataUrl(logoDataUrl('IMAGE/PNG', LOGO_FIXTURES.png));
    expect(read.ok && read.logo.type).toBe('image/png');
  });

  it('takes exactly 32 KiB', () => {
    const png = pngOfSize(MAX_LOGO_BYTES);
    expect(png).toHaveLength(32 * 1024);
    expect(readLogoDataUrl(logoDataUrl('image/png', png.toString('base64'))).ok).toBe(true);
  });
});

describe('readLogoDataUrl: refused, saying why', () => {
  it('one byte over 32 KiB', () => {
    const png = pngOfSize(MAX_LOGO_BYTES + 1);
    expect(messageOf(logoDataUrl('image/png', png.toString('base64')))).toMatch(/32 KiB/);
  });

  it('far over 32 KiB, without decoding it all', () => {
    expect(messageOf(logoDataUrl('image/png', 'A'.repeat(1_000_000)))).toMatch(/32 KiB/);
  });

  it.each([
    ['a PNG sent as JPEG', 'image/jpeg', LOGO_FIXTURES.png, /Says image\/jpeg.*PNG/],
    ['a JPEG sent as PNG', 'image/png', LOGO_FIXTURES.jpeg, /Says image\/png.*JPEG/],
    ['a WebP sent as PNG', 'image/png', LOGO_FIXTURES.webpLossy, /Says image\/png.*WebP/],
    [
      'text sent as PNG',
      'image/png',
      Buffer.from('<script>alert(1)</script>').toString('base64'),
      /not a PNG, JPEG or WebP/,
    ],
  ])('%s', (_name, type, base64, message) => {
    expect(messageOf(logoDataUrl(type, base64))).toMatch(message);
  });

  it.each([
    ['SVG', 'data:image/svg+xml;base64,PHN2Zy8+', /not image\/svg/],
    ['GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', /not image\/gif/],
    ['a URL', 'https://cdn.example.com/logo.png', /data URL/],
    ['not base64', 'data:image/png,%89PNG', /data URL/],
    [
      'base64 with spaces',
      `data:image/png;base64,${LOGO_FIXTURES.png.slice(0, 20)} AAAA`,
      /data URL/,
    ],
    ['parameters', `data:image/png;charset=utf-8;base64,${LOGO_FIXTURES.png}`, /data URL/],
    ['empty', 'data:image/png;base64,', /empty/],
    ['nothing at all', '', /data URL/],
  ])('%s', (_name, text, message) => {
    expect(messageOf(text)).toMatch(message);
  });

  it('a PNG whose header is cut off', () => {
    const cut = bytesOf(LOGO_FIXTURES.png).subarray(0, 16);
    expect(messageOf(logoDataUrl('image/png', Buffer.from(cut).toString('base64')))).toMatch(
      /not a readable PNG/,
    );
  });

  it('a JPEG without a frame header', () => {
    const bare = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
    expect(messageOf(logoDataUrl('image/jpeg', bare.toString('base64')))).toMatch(
      /not a readable JPEG/,
    );
  });

  it('a small file declaring a huge canvas (a decompression bomb)', () => {
    const png = Buffer.from(LOGO_FIXTURES.png, 'base64');
    png.writeUInt32BE(30_000, 16);
    png.writeUInt32BE(30_000, 20);
    expect(messageOf(logoDataUrl('image/png', png.toString('base64')))).toMatch(
      /at most 2048 × 2048 pixels; this one is 30000 × 30000/,
    );
  });
});

describe('logoFileName', () => {
  it('is the content hash with the type’s extension', () => {
    const sha256 = 'ab'.repeat(32);
    expect(logoFileName({ type: 'image/png', sha256 })).toBe(`${'ab'.repeat(16)}.png`);
    expect(logoFileName({ type: 'image/jpeg', sha256 })).toBe(`${'ab'.repeat(16)}.jpg`);
    expect(logoFileName({ type: 'image/webp', sha256 })).toBe(`${'ab'.repeat(16)}.webp`);
  });
});
