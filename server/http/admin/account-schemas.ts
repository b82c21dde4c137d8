import * as v from 'valibot';
import { ACCOUNT_STATUSES, type Account } from '../../domain/account/account.ts';
import { brandStylesheetPath, logoPath } from '../../checkout/brand-assets.ts';
import { EmailSchema, requiredText, WebhookUrlSchema } from '../api-v1/field-schemas.ts';
import { NullableText } from '../envelope-schemas.ts';
import { BRANDING_ENTRIES } from './branding-fields.ts';

const PhoneSchema = v.nullish(
  v.pipe(
    v.string('Must be a string.'),
    v.trim(),
    v.regex(/^\+?[0-9][0-9 -]{5,19}$/, 'Must be a phone number.'),
  ),
);

/** SPEC §9: `POST /api/admin/accounts`. */
export const NewAccountSchema = v.object({
  name: requiredText(255),
  email: v.nullish(EmailSchema),
  phone: PhoneSchema,
  callback_url: WebhookUrlSchema,
  inquiry_callback_url: WebhookUrlSchema,
  ...BRANDING_ENTRIES,
});

const ACCOUNT_ENTRIES = {
  name: requiredText(255),
  email: v.nullish(EmailSchema),
  phone: PhoneSchema,
  callback_url: WebhookUrlSchema,
  inquiry_callback_url: WebhookUrlSchema,
};

/**
 * SPEC §9: `PATCH /api/admin/accounts/{account_id}`. A field left out stays as it is; `null`
 * clears it (not `name`, which every account has). At least one field must be given.
 */
export const AccountPatchSchema = v.pipe(
  v.object({ ...ACCOUNT_ENTRIES, name: v.optional(requiredText(255)), ...BRANDING_ENTRIES }),
  v.check(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    'Give at least one field to change.',
  ),
);

const AccountSchema = v.pipe(
  v.strictObject({
    id: v.string(),
    name: v.string(),
    email: NullableText,
    phone: NullableText,
    status: v.picklist(ACCOUNT_STATUSES),
    callback_url: NullableText,
    inquiry_callback_url: NullableText,
    display_name: NullableText,
    /** Where the page loads the logo from: Paylink's own origin. */
    logo_url: NullableText,
    brand_color: NullableText,
    /** Whether the page's primary button takes brand_color (contrast ≥ 4.5:1 with white). */
    brand_color_applied: v.boolean(),
    support_email: NullableText,
    support_phone: NullableText,
  }),
  v.title('Account'),
);

/** The new account and its secrets: shown this once, stored only hashed or sealed (SPEC §9). */
export const NewAccountAnswerSchema = v.pipe(
  v.strictObject({
    account: AccountSchema,
    api_key: v.string(),
    client_id: v.string(),
    client_secret: v.string(),
    webhook_secret: v.pipe(v.string(), v.startsWith('whsec_')),
  }),
  v.title('NewAccount'),
);

/** The account after a PATCH: no secret, ever again. */
export const AccountAnswerSchema = v.strictObject({ account: AccountSchema });

/** The account as the admin API shows it (never a secret). */
export function presentAccount(
  account: Account,
  baseUrl: string,
): v.InferOutput<typeof AccountSchema> {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    phone: account.phone,
    status: account.status,
    callback_url: account.callbackUrl,
    inquiry_callback_url: account.inquiryCallbackUrl,
    display_name: account.displayName,
    logo_url: account.logo ? `${baseUrl}${logoPath(account.id, account.logo)}` : null,
    brand_color: account.brandColor,
    brand_color_applied: brandStylesheetPath(account.brandColor) !== null,
    support_email: account.supportEmail,
    support_phone: account.supportPhone,
  };
}
