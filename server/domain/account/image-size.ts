import type { LogoType } from './logo-image.ts';

export type ImageSize = { width: number; height: number };

const be16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const le16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const le24 = (b: Uint8Array, at: number) => le16(b, at) | ((b[at + 2] ?? 0) << 16);
const be32 = (b: Uint8Array, at: number) => be16(b, at) * 0x10000 + be16(b, at + 2);
const tag = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/**
 * The pixel size an image's header declares, or null when the header cannot be read. Only the
 * header is read (no decoding): enough to refuse a damaged file or a huge canvas, and to give
 * the page's <img> its width and height.
 */
export function readImageSize(type: LogoType, bytes: Uint8Array): ImageSize | null {
  const size =
    type === 'image/png'
      ? pngSize(bytes)
      : type === 'image/jpeg'
        ? jpegSize(bytes)
        : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** PNG §11.2.2: the first chunk is IHDR, width and height big-endian. */
function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || tag(b, 12) !== 'IHDR') return null;
  return { width: be32(b, 16), height: be32(b, 20) };
}

/** SOFn markers (ITU T.81 Table B.1) carry the frame size; C4, C8 and CC are not frames. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walk the marker segments (ITU T.81 §B.1) to the first start-of-frame. */
function jpegSize(b: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data or end, and no frame yet
    if (isStartOfFrame(marker)) {
      if (at + 9 > b.length) return null;
      return { height: be16(b, at + 5), width: be16(b, at + 7) };
    }
    const length = be16(b, at + 2);
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** WebP container (RFC 9649 §2.5–2.7): a lossy, lossless or extended first chunk. */
function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = tag(b, 12);
  if (chunk === 'VP8 ') {
    // The key frame's start code, then 14-bit width and height (RFC 6386 §9.1).
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = le24(b, 21) + (b[24] ?? 0) * 0x1000000;
    return { width: (bits & 0x3fff) + 1, height: (Math.floor(bits / 0x4000) % 0x4000) + 1 };
  }
  if (chunk === 'VP8X') return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
  return null;
}
