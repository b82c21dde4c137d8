/** A path that needs a closer look: a percent escape, or anything outside printable ASCII. */
const NOT_PLAIN = /[^\x21-\x7e]|%/;

/**
 * Control characters (C0, DEL, C1) and invisible format characters: bidi overrides such as
 * U+202E, zero-width characters, the BOM. No Paylink path holds one (its ids are ASCII), and
 * they are what makes a path forge a log line or read as another one.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}]/u;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes a percent-encoded path stands for, or null when an escape is malformed. */
function percentDecodedBytes(path: string): Uint8Array | null {
  const text = new TextEncoder().encode(path);
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const byte = text[i] as number;
    if (byte !== 0x25) {
      bytes[length++] = byte;
      continue;
    }
    const hex = String.fromCharCode(text[i + 1] ?? 0, text[i + 2] ?? 0);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
    bytes[length++] = Number.parseInt(hex, 16);
    i += 2;
  }
  return bytes.subarray(0, length);
}

/**
 * SPEC §9: whether a request path (as sent, percent-encoded) can name anything Paylink
 * serves. Not when it has a malformed escape, is not UTF-8 once decoded (`%FF`, the overlong
 * `%C0%AF`, the lone surrogate `%ED%A0%80`), or holds a control or format character once
 * decoded (`%00`, `%0A`, `%7F`, `%E2%80%AE`). Such a path is answered 404 before any handler,
 * or Astro, decodes it: decoding it was where the 500s came from.
 */
export function isReadablePath(path: string): boolean {
  if (!NOT_PLAIN.test(path)) return true;
  const bytes = percentDecodedBytes(path);
  if (!bytes) return false;
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch {
    return false;
  }
  return !HIDDEN_CHARACTER.test(decoded);
}

/** The path of a request URL as sent (still percent-encoded), without query or fragment. */
export function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end === -1 ? url.slice(start) : url.slice(start, start + end);
}
