/**
 * PHP's JSON as the SingaPay PHP clients produce and re-read it, modelled from the PHP manual
 * (json_encode, json_decode, ksort). Written here so contract tests can put PHP's exact bytes on
 * the wire and hash bodies the way a PHP merchant does; no PHP code is copied.
 */

/** A PHP float: `json_encode(150000.0)` writes `150000.0`, which a JS number cannot say. */
export class PhpFloat {
  constructor(readonly value: number) {}
}

/** A PHP array with its keys in order (`json_decode($text, true)` gives one for every object). */
export class PhpArray {
  constructor(readonly entries: [string, PhpValue][]) {}
}

export type PhpValue = null | boolean | number | string | PhpFloat | PhpArray | PhpValue[];

export type EncodeFlags = { unescapedSlashes?: boolean; unescapedUnicode?: boolean };

/** PHP's float to JSON with serialize_precision -1: shortest round trip, `.0` kept. */
function encodeFloat(value: number): string {
  const text = String(value);
  if (/[.e]/.test(text) === false) return `${text}.0`;
  // PHP writes 1.0e+25 where JavaScript writes 1e+25.
  return text.replace(/^(-?\d+)e/, '$1.0e');
}

function encodeString(text: string, flags: EncodeFlags): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '/') out += flags.unescapedSlashes ? '/' : '\\/';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    // JSON_UNESCAPED_UNICODE still escapes the line terminators unless told not to (PHP ≥ 7.1).
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else if (code < 0x80 || flags.unescapedUnicode) out += char;
    else {
      for (let i = 0; i < char.length; i += 1) {
        out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
      }
    }
  }
  return `${out}"`;
}

/** A PHP array is a JSON list when its keys are exactly 0…n-1 in order (an empty one too). */
function isList(entries: [string, unknown][]): boolean {
  return entries.every(([key], index) => key === String(index));
}

function entriesOf(value: object): [string, PhpValue][] {
  return value instanceof PhpArray
    ? value.entries
    : (Object.entries(value) as [string, PhpValue][]);
}

/**
 * `json_encode($value, $flags)`. Plain objects stand for associative PHP arrays, so `{}` is
 * written `[]` as PHP writes an empty array; JS numbers are PHP ints, PhpFloat PHP floats.
 */
export function phpJsonEncode(value: unknown, flags: EncodeFlags = {}): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return encodeString(value, flags);
  if (value instanceof PhpFloat) return encodeFloat(value.value);
  if (Array.isArray(value)) return `[${value.map((item) => phpJsonEncode(item, flags)).join(',')}]`;
  const entries = entriesOf(value);
  if (isList(entries))
    return `[${entries.map(([, item]) => phpJsonEncode(item, flags)).join(',')}]`;
  const members = entries.map(
    ([key, item]) => `${encodeString(key, flags)}:${phpJsonEncode(item, flags)}`,
  );
  return `{${members.join(',')}}`;
}

/** `json_decode($text, true)`: objects become ordered PHP arrays, `1.0` stays a float. */
export function phpJsonDecode(text: string): PhpValue {
  return fromJs(
    JSON.parse(text, (_key, value, context?: { source?: string }) =>
      typeof value === 'number' && /[.eE]/.test(context?.source ?? '')
        ? new PhpFloat(value)
        : value,
    ),
  );
}

function fromJs(value: unknown): PhpValue {
  if (value instanceof PhpFloat || value === null || typeof value !== 'object') {
    return value as PhpValue;
  }
  if (Array.isArray(value)) return value.map(fromJs);
  return new PhpArray(Object.entries(value).map(([key, item]) => [key, fromJs(item)]));
}

/** `ksort($array, SORT_STRING)` at every level: keys compared as bytes, as strcmp does. */
export function phpKsortRecursive(value: PhpValue): PhpValue {
  if (Array.isArray(value)) return value.map(phpKsortRecursive);
  if (!(value instanceof PhpArray)) return value;
  const sorted = [...value.entries].sort(([a], [b]) =>
    Buffer.compare(Buffer.from(a), Buffer.from(b)),
  );
  return new PhpArray(sorted.map(([key, item]) => [key, phpKsortRecursive(item)]));
}
