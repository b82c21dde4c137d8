/**
 * A merchant's brand colour on the checkout (SPEC §7, §9 "Branding"): `#rrggbb`, used for the
 * primary button only when white text on it stays readable. Pure functions over colour text.
 */

/** WCAG 2.2 SC 1.4.3 (contrast, minimum) for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

const WHITE = '#ffffff';

/** `#rrggbb` in any case; three-digit and named colours are not taken. */
export function isHexColor(text: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(text);
}

function channels(hex: string): [number, number, number] {
  if (!isHexColor(hex)) throw new RangeError(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** One sRGB channel (0–255) as linear light (WCAG 2.2 "relative luminance" definition). */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.2 relative luminance: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

/** Whether white button text on this colour meets MIN_TEXT_CONTRAST. */
export function isReadableUnderWhiteText(hex: string): boolean {
  return contrastRatio(hex, WHITE) >= MIN_TEXT_CONTRAST;
}

/** The colour mixed with black by `share` (0–1): the pressed/hover shade of a button. */
export function darken(hex: string, share: number): string {
  return `#${channels(hex)
    .map((channel) =>
      Math.round(channel * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
