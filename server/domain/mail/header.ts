/** RFC 5322 §2.2 caps a header line at 998 octets; a readable subject is far shorter. */
export const MAX_SUBJECT_LENGTH = 150;

/**
 * One line of text, for a header value or a one-line field in the body. CR and LF would end
 * the header and let a merchant-chosen title inject headers (`Bcc:`); other control
 * characters and runs of whitespace become one space.
 */
export function toSingleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
}

/** Shortens to `max` characters (code points, so no emoji is cut in half), ending with `…`. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  const kept = chars
    .slice(0, max - 1)
    .join('')
    .trimEnd();
  return `${kept}…`;
}

/**
 * A subject of one line and at most MAX_SUBJECT_LENGTH characters. `build(title)` lays out the
 * fixed words around the title (pass it one-line values); the title is what gets shortened,
 * so the merchant's name and both languages stay readable. A merchant name too long even for
 * that is cut at the end.
 */
export function composeSubject(title: string, build: (title: string) => string): string {
  const room = MAX_SUBJECT_LENGTH - Array.from(build('')).length;
  const fitted = truncate(toSingleLine(title), Math.max(room, 8));
  return truncate(toSingleLine(build(fitted)), MAX_SUBJECT_LENGTH);
}
