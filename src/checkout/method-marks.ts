/**
 * How each payment method is recognised at a glance on the method list: coloured initials, in
 * the bank's, wallet's or store's own hue (darkened where needed so the letters stay legible).
 * Not their logos: those are trademarks, and would weigh more than the whole page.
 */
export type MethodMark = {
  /** One to three letters, as customers abbreviate the bank. */
  initials: string;
  /** Tile colour, `#rrggbb`. */
  background: string;
  /** Letter colour, `#rrggbb`: contrast with the tile ≥ 4.5:1 (WCAG 1.4.3), tested. */
  ink: string;
};

const WHITE = '#ffffff';

const MARKS: Readonly<Record<string, MethodMark>> = {
  VA_BCA: { initials: 'BCA', background: '#0a5aa8', ink: WHITE },
  VA_BNI: { initials: 'BNI', background: '#005f6b', ink: WHITE },
  VA_BRI: { initials: 'BRI', background: '#00529c', ink: WHITE },
  VA_MANDIRI: { initials: 'M', background: '#003d79', ink: '#ffd24c' },
  VA_PERMATA: { initials: 'P', background: '#1f6e43', ink: WHITE },
  VA_CIMB: { initials: 'CN', background: '#9b1b1f', ink: WHITE },
  VA_DANAMON: { initials: 'D', background: '#b03f00', ink: WHITE },
  VA_MAYBANK: { initials: 'MB', background: '#ffc83d', ink: '#1a1d21' },
  VA_BSI: { initials: 'BSI', background: '#00706b', ink: WHITE },
  // E-wallets and convenience stores a gateway brings (SPEC §10).
  GOPAY: { initials: 'GP', background: '#00788f', ink: WHITE },
  SHOPEEPAY: { initials: 'SP', background: '#c63d1f', ink: WHITE },
  ALFAMART: { initials: 'A', background: '#c8102e', ink: '#ffe14d' },
  INDOMARET: { initials: 'I', background: '#0054a6', ink: '#ffd600' },
};

/** A method the table does not know (a bank added later) still gets a mark: its initials. */
const FALLBACK = { background: '#3d4654', ink: WHITE };

/** The mark of a payment method by catalog code; `label` gives the initials of an unknown one. */
export function methodMark(code: string, label: string): MethodMark {
  const known = MARKS[code];
  if (known) return known;
  const initials = label
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return { initials: initials || '?', ...FALLBACK };
}
