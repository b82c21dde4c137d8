import * as v from 'valibot';
import {
  CallbackUrlSchema,
  EmailSchema,
  IndonesianPhoneSchema,
  optionalText,
  wholeNumber,
} from '../api-v1/field-schemas.ts';
import { MetadataSchema, parseIsoWithOffset } from '../api-v1/link-schemas.ts';

/** The fields v2.0 create and update share (SPEC §3.5), each as its schema. */

const EXPIRY_MESSAGE =
  'Must be epoch milliseconds (13 digits) or an ISO 8601 time (without an offset: WIB).';
/** WIB is a fixed UTC+07:00 (server/domain/shared/jakarta-time.ts). */
const WIB_OFFSET = '+07:00';
const LOCAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

/**
 * `expired_at`: epoch ms (number or numeric string) or ISO 8601. SingaPay's SDKs send a plain
 * ISO date-time; one without an offset is read in Asia/Jakarta, where the merchant is.
 */
export const V2ExpirySchema = v.nullish(
  v.pipe(
    v.union([v.number(), v.string()], EXPIRY_MESSAGE),
    v.description('Epoch milliseconds (13 digits) or ISO 8601; without an offset, WIB.'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value;
      const text = typeof value === 'number' ? String(value) : value.trim();
      let instant: Date | null = null;
      if (/^\d{13}$/.test(text)) instant = new Date(Number(text));
      else if (typeof value === 'string')
        instant = parseIsoWithOffset(LOCAL_ISO.test(text) ? `${text}${WIB_OFFSET}` : text);
      if (!instant) {
        addIssue({ message: EXPIRY_MESSAGE });
        return NEVER;
      }
      return instant;
    }),
  ),
);

/** 0 is unlimited (SPEC §3.5). */
export const V2MaxUsageSchema = v.pipe(
  wholeNumber(0, 1_000_000),
  v.description('How many paid payments the link takes; 0: unlimited.'),
);

/** `""` (or blanks) means none, as null does: clients send empty strings for unset fields. */
function blankOr<S extends v.GenericSchema<string, string | null>>(schema: S, message: string) {
  const blank = v.pipe(
    v.string(),
    v.trim(),
    v.literal(''),
    v.transform(() => null),
  );
  return v.nullish(v.union([blank, schema], message));
}

const customerEntries = {
  customer_name: optionalText(255),
  customer_email: blankOr(EmailSchema, 'Must be an email address.'),
  customer_phone: blankOr(
    IndonesianPhoneSchema,
    'Must be an Indonesian mobile number (08… or +628…).',
  ),
};

const WhitelistSchema = v.nullish(
  v.pipe(
    v.array(v.string('Must be a string.'), 'Must be an array of method codes.'),
    v.description('Method codes (GET …/payment-methods); none: every enabled method.'),
  ),
);

/** The fields create and update share; the rules of each follow in the use cases. */
export const sharedEntries = {
  title: optionalText(255),
  description: optionalText(1000),
  max_usage: v.nullish(V2MaxUsageSchema),
  expired_at: V2ExpirySchema,
  whitelisted_payment_method: WhitelistSchema,
  success_redirect_url: CallbackUrlSchema,
  expired_redirect_url: CallbackUrlSchema,
  optional_metadata: MetadataSchema,
  ...customerEntries,
  required_customer_number: v.nullish(v.boolean('Must be true or false.')),
  required_customer_email: v.nullish(v.boolean('Must be true or false.')),
};

/** `customer_*` of a body as the domain's customer fields; `""` and null are none. */
export function customerFieldsOf(body: {
  customer_name?: string | null | undefined;
  customer_email?: string | null | undefined;
  customer_phone?: string | null | undefined;
}) {
  const none = (text: string | null | undefined) => (text === undefined ? undefined : text || null);
  return {
    name: none(body.customer_name),
    email: none(body.customer_email),
    phone: none(body.customer_phone),
  };
}
