import { createHash } from 'node:crypto';
import { readImageSize } from './image-size.ts';

/**
 * A merchant's logo (SPEC §9 "Branding"): sent as a `data:` URL, kept as bytes, served from
 * Paylink's own origin. Only raster formats every phone decodes; never SVG, which can carry
 * script and links.
 */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** SPEC §9: at most 32 KiB once decoded. */
export const MAX_LOGO_BYTES = 32 * 1024;

/**
 * A small file can still declare a huge canvas that a phone must allocate to decode (a
 * "decompression bomb"); a logo shown at most 48 px high needs nothing near this.
 */
export const MAX_LOGO_SIDE = 2048;

export const LOGO_EXTENSIONS: Readonly<Record<LogoType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** What the page needs to show a logo: its address parts and its size (no layout shift). */
export type LogoMeta = { type: LogoType; sha256: string; width: number; height: number };

export type LogoImage = LogoMeta & { bytes: Uint8Array };

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/i;
/** Base64 text longer than this decodes to more than MAX_LOGO_BYTES. */
const MAX_BASE64_CHARS = Math.ceil(MAX_LOGO_BYTES / 3) * 4;

const NAMES: Readonly<Record<LogoType, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The type the bytes themselves say (their magic numbers), whatever the URL claimed. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const isLogoType = (type: string): type is LogoType => LOGO_TYPES.includes(type as LogoType);

/**
 * Reads `data:image/png|jpeg|webp;base64,…`: the bytes must be the type the URL names (by
 * their magic numbers), at most MAX_LOGO_BYTES, with a readable header of at most
 * MAX_LOGO_SIDE pixels a side. Answers the logo, or the message that says what is wrong.
 */
export function readLogoDataUrl(
  text: string,
): { ok: true; logo: LogoImage } | { ok: false; message: string } {
  const refuse = (message: string) => ({ ok: false as const, message });
  const match = DATA_URL.exec(text);
  if (!match) {
    return refuse('Must be a data URL: data:image/png;base64,… (or image/jpeg, image/webp).');
  }
  const type = (match[1] ?? '').toLowerCase();
  if (!isLogoType(type)) return refuse(`Must be a PNG, JPEG or WebP image, not ${type}.`);
  const base64 = match[2] ?? '';
  if (base64.length > MAX_BASE64_CHARS + 4) return refuse(tooLarge(base64.length * 0.75));
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) return refuse('Must not be empty.');
  if (bytes.length > MAX_LOGO_BYTES) return refuse(tooLarge(bytes.length));
  const actual = sniffImageType(bytes);
  if (actual !== type) {
    const what = actual ? `a ${NAMES[actual]} image` : 'not a PNG, JPEG or WebP image';
    return refuse(`Says ${type}, but its bytes are ${what}.`);
  }
  const size = readImageSize(type, bytes);
  if (!size) return refuse(`Is not a readable ${NAMES[type]} image: its header is damaged.`);
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    return refuse(
      `Must be at most ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE} pixels; this one is ${size.width} × ${size.height}.`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, logo: { type, sha256, ...size, bytes } };
}

function tooLarge(bytes: number): string {
  return `Must be at most 32 KiB (${MAX_LOGO_BYTES} bytes) once decoded; this one is about ${Math.round(bytes)} bytes.`;
}

/** The logo's file name under its account: its content hash, so a new logo is a new URL. */
export function logoFileName(logo: Pick<LogoMeta, 'type' | 'sha256'>): string {
  return `${logo.sha256.slice(0, 32)}.${LOGO_EXTENSIONS[logo.type]}`;
}
