import fc from 'fast-check';
import { UNREADABLE_SEGMENTS } from './hostile-paths.ts';

/** The pieces hostile-requests.ts builds requests from: path segments, headers, JSON. */

/** Arbitrary bytes, percent-encoded: valid UTF-8 or not, control characters included. */
export const byteSegment = fc
  .uint8Array({ maxLength: 12 })
  .map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));

/** Unicode text as a browser would encode it (a lone surrogate becomes U+FFFD first). */
export const unicodeSegment = fc
  .string({ unit: 'binary', maxLength: 12 })
  .map((text) => encodeURIComponent(text.toWellFormed()));

/** A path segment no route can read, or arbitrary bytes or unicode. */
export const strangeSegment = fc.oneof(
  fc.constantFrom(...UNREADABLE_SEGMENTS),
  byteSegment,
  unicodeSegment,
);

/** Mostly the real value, else something a client could put there instead. */
export const segment = (real: string) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(real) },
    { weight: 3, arbitrary: strangeSegment },
    { weight: 1, arbitrary: fc.constant(`${real}%25`) },
  );

/** Printable ASCII: what the Fetch API lets a header value be (no CR, LF or NUL). */
export const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});

/** How deep: around SPEC §9's 32 levels, where stacks overflowed (~4,400), and anywhere. */
const depth = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(31, 32, 33, 100, 1000, 4400, 6000, 20_000) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
);

/** Arrays, objects, or an object around arrays, nested that deep, as text (nothing recursive). */
export const deepJson = fc
  .tuple(depth, fc.constantFrom('arrays', 'objects', 'object of arrays'))
  .map(([levels, form]) => {
    if (form === 'objects') return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const arrays = `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    return form === 'arrays' ? arrays : `{"a":${arrays}}`;
  });

/** Any JSON value, strings of any code units (JSON.stringify escapes a lone surrogate). */
export const anyJsonText = fc
  .jsonValue({ maxDepth: 6, stringUnit: 'binary' })
  .map((value) => JSON.stringify(value));

/** The JSON text of `body` with members `keys` set to `valueText` (built as text: never walked). */
export function withMembersText(body: object, keys: readonly string[], valueText: string): string {
  const rest = JSON.stringify({
    ...body,
    ...Object.fromEntries(keys.map((key) => [key, undefined])),
  });
  const added = [...new Set(keys)].map((key) => `${JSON.stringify(key)}:${valueText}`).join(',');
  return `${rest.slice(0, -1)}${rest === '{}' ? '' : ','}${added}}`;
}

/** Bodies no operation expects: any JSON, deep nesting, any text, a form. */
export const strayBody = fc.oneof(
  { weight: 3, arbitrary: anyJsonText },
  { weight: 2, arbitrary: deepJson },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 20 }))
      .map((fields) => new URLSearchParams(fields).toString()),
  },
);
