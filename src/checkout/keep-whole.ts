/** A run of text, and whether a line break inside it would split something read as one. */
export type TextSegment = { text: string; isWhole: boolean };

/** Longer than this, a grouped number may break between its groups rather than overflow. */
const MAX_WHOLE_CHARS = 24;

// An amount (`Rp 177.300`, `-Rp 8.000`), a number in groups (`3951 2419 0444 3800`) or a
// reference made of parts (`#INV-2026-0142`, `PL-7/2026`): a break inside any of them makes
// the customer read two things where there is one (issue 12, "Rp | 177.300").
// Words joined by hyphens without a digit (`e-wallet`) may break as usual.
const WHOLE = /-?Rp[ \u00a0]?\d{1,3}(?:\.\d{3})*|\d{2,}(?: \d{2,})+|#?\w+(?:[-/.]\w+)+/g;

/**
 * Splits text into plain runs and runs to keep on one line (amounts, grouped numbers,
 * references), so a page can wrap the text only where a reader expects it to. Runs longer
 * than MAX_WHOLE_CHARS stay plain: on a narrow screen they may break rather than overflow.
 */
export function keepWholeSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(WHOLE)) {
    const whole = match[0];
    const start = match.index;
    if (whole.length > MAX_WHOLE_CHARS || !/\d/.test(whole)) continue;
    if (start > at) segments.push({ text: text.slice(at, start), isWhole: false });
    segments.push({ text: whole, isWhole: true });
    at = start + whole.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), isWhole: false });
  return segments;
}
