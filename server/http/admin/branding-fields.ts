import * as v from 'valibot';
import { MIN_TEXT_CONTRAST } from '../../domain/account/brand-color.ts';
import { type LogoImage, MAX_LOGO_SIDE, readLogoDataUrl } from '../../domain/account/logo-image.ts';
import { normalizeIndonesianContactPhone } from '../../domain/shared/indonesian-contact-phone.ts';
import { EmailSchema, requiredText } from '../api-v1/field-schemas.ts';
import { documented } from '../openapi/documented.ts';

/** SPEC §9 "Branding": the fields admin create and PATCH take; `null` clears one. */

export const DisplayNameSchema = v.nullish(
  v.pipe(
    requiredText(100),
    // It heads pages and is the From name of mails: one line, nothing a header could split on.
    v.check(
      (name: string) => !/[\p{Cc}\u2028\u2029]/u.test(name),
      'Must be one line, without control characters.',
    ),
    v.description('The name customers see; `name` when null.'),
  ),
);

export const LogoSchema = v.nullish(
  v.pipe(
    v.string('Must be a string.'),
    v.description(
      'A `data:image/png|jpeg|webp;base64,…` URL of at most 32 KiB decoded, whose bytes ' +
        `must be that type; at most ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE} pixels. Served from ` +
        'Paylink’s own origin (`logo_url`) and shown at most 48 px high. Null removes it.',
    ),
    documented(
      v.rawTransform<string, LogoImage>(({ dataset, addIssue, NEVER }) => {
        const read = readLogoDataUrl(dataset.value);
        if (read.ok) return read.logo;
        addIssue({ message: read.message });
        return NEVER;
      }),
      { pattern: '^data:image/(png|jpeg|webp);base64,' },
    ),
  ),
);

export const BrandColorSchema = v.nullish(
  v.pipe(
    v.string('Must be a string.'),
    v.description(
      'The primary button’s colour, `#rrggbb`. Used only when white text on it has a ' +
        `contrast of at least ${MIN_TEXT_CONTRAST}:1 (WCAG); otherwise the default blue stays.`,
    ),
    v.regex(/^#[0-9A-Fa-f]{6}$/, 'Must be a colour as #rrggbb.'),
    v.transform((color: string) => color.toLowerCase()),
  ),
);

export const SupportEmailSchema = v.nullish(
  v.pipe(
    EmailSchema,
    v.description('Where customers write (mail Reply-To); the account email when null.'),
  ),
);

export const SupportPhoneSchema = v.nullish(
  v.pipe(
    v.string('Must be a string.'),
    v.description(
      'An Indonesian mobile (08…, +628…) or fixed line with area code (021…); answered as ' +
        '+62…. The account phone when null.',
    ),
    v.transform((value) => normalizeIndonesianContactPhone(value)),
    v.string('Must be an Indonesian phone number (08…, +628…, or a fixed line such as 021…).'),
  ),
);

/** The branding entries of an account body, as both create and PATCH take them. */
export const BRANDING_ENTRIES = {
  display_name: DisplayNameSchema,
  logo: LogoSchema,
  brand_color: BrandColorSchema,
  support_email: SupportEmailSchema,
  support_phone: SupportPhoneSchema,
};
