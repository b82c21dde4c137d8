/**
 * Text Paylink puts in a Midtrans field: one line, no control characters, at most `max`
 * characters (cut at a code point, so no emoji is split in half). Midtrans truncates or
 * rejects longer values depending on the field (reference A.2, A.6); cutting here keeps
 * what the customer sees predictable.
 */
export function fitText(text: string, max: number): string {
  const line = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(line).slice(0, max).join('').trim();
}
