import { createHash } from 'node:crypto';
import { darken, isHexColor, isReadableUnderWhiteText } from '../domain/account/brand-color.ts';
import { type LogoMeta, logoFileName } from '../domain/account/logo-image.ts';

/**
 * Where a merchant's logo and brand colour are served from: Paylink's own origin, under
 * content-addressed names, so each can be cached for a year and a change is a new URL
 * (SPEC §7, §9 "Branding"; docs/decisions/021).
 */
export const BRAND_ASSETS_PREFIX = '/b2b/assets';

/** `/b2b/assets/logo/<account id>/<first 32 hex of sha-256>.<png|jpg|webp>`. */
export function logoPath(accountId: string, logo: Pick<LogoMeta, 'type' | 'sha256'>): string {
  return `${BRAND_ASSETS_PREFIX}/logo/${accountId}/${logoFileName(logo)}`;
}

/**
 * The stylesheet that gives the primary button the brand colour. The page's CSP admits no
 * inline style but the build's own (docs/decisions/015), so the colour comes as a file from
 * our origin. Higher specificity than the base `.button` rules, so link order does not matter.
 */
function stylesheetOf(color: string): string {
  const hover = darken(color, 0.15);
  return (
    `:root .button{background:${color};border-color:${color}}\n` +
    `:root .button:hover{background:${hover};border-color:${hover}}\n`
  );
}

const versionOf = (css: string) => createHash('sha256').update(css).digest('hex').slice(0, 12);

/**
 * The brand stylesheet's path for `color` (`#rrggbb`), or null when white text on it would be
 * under 4.5:1 (SPEC §7): then the button keeps the default colour and no file is linked.
 */
export function brandStylesheetPath(color: string | null): string | null {
  if (color === null || !isHexColor(color) || !isReadableUnderWhiteText(color)) return null;
  const lower = color.toLowerCase();
  return `${BRAND_ASSETS_PREFIX}/brand/${lower.slice(1)}-${versionOf(stylesheetOf(lower))}.css`;
}

/**
 * The stylesheet a file name under `/brand/` stands for, or null when the name is not one
 * this build gives out (another version, a colour too light for white text, anything else).
 * Needs no lookup: the name is the colour and a hash of the text.
 */
export function brandStylesheetNamed(fileName: string): string | null {
  const match = /^([0-9a-f]{6})-([0-9a-f]{12})\.css$/.exec(fileName);
  if (!match) return null;
  const color = `#${match[1]}`;
  if (brandStylesheetPath(color) !== `${BRAND_ASSETS_PREFIX}/brand/${fileName}`) return null;
  return stylesheetOf(color);
}
