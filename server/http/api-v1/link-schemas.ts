import * as v from 'valibot';
import type { CreateLinkInput } from '../../domain/payment-link/create-payment-link.ts';
import {
  CallbackUrlSchema,
  EmailSchema,
  IndonesianPhoneSchema,
  isStorableJson,
  JsonObjectOrPhpEmpty,
  jsonObject,
  phpEmptyAsObject,
  optionalText,
  requiredText,
  StorableString,
  WebhookUrlSchema,
  wholeNumber,
} from './field-schemas.ts';
import { nestingDepth } from '../json-depth.ts';
import { documented } from '../openapi/documented.ts';

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const EXPIRY_MESSAGE = 'Must be epoch milliseconds (13 digits) or an ISO 8601 time with an offset.';

/**
 * ISO 8601 with an offset, field by field: `Date` alone rolls `2026-02-30` over to March 2 and
 * reads `T24:00` as the next midnight, so a typo would become some other, valid-looking time.
 */
export function parseIsoWithOffset(text: string): Date | null {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return null;
  const part = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [
    part(1),
    part(2),
    part(3),
    part(4),
    part(5),
    part(6),
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59 || part(9) > 23 || part(10) > 59) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** SPEC §3.2 `expired_at`: epoch ms as a number or numeric string, ISO 8601 with offset, or null. */
export const ExpiryInstantSchema = v.nullish(
  v.pipe(
    v.union([v.number(), v.string()], EXPIRY_MESSAGE),
    v.description('Epoch milliseconds (13 digits) or ISO 8601 with an offset; none: no expiry.'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value;
      const text = typeof value === 'number' ? String(value) : value.trim();
      let instant: Date | null = null;
      if (/^\d{13}$/.test(text)) instant = new Date(Number(text));
      else if (typeof value === 'string') instant = parseIsoWithOffset(text);
      if (!instant) {
        addIssue({ message: EXPIRY_MESSAGE });
        return NEVER;
      }
      return instant;
    }),
  ),
);

export const ItemSchema = jsonObject({
  name: requiredText(255),
  quantity: wholeNumber(1, 10_000),
  unit_price: wholeNumber(-1_000_000_000, 1_000_000_000),
});

/** SPEC §9: `optional_metadata` is a flat-ish object, a note for the merchant's own systems. */
const METADATA_MAX_KEYS = 20;
const METADATA_MAX_DEPTH = 5;
const METADATA_MAX_BYTES = 4096;

/** What the checks see: `[]` is still PHP's empty map until the last step. */
type Metadata = Record<string, unknown> | [];

/** At most 5 levels, the object itself the first; the checks below only walk such a value. */
const isShallow = (meta: Metadata) => nestingDepth(meta, METADATA_MAX_DEPTH) <= METADATA_MAX_DEPTH;

/** JSON size of the metadata, in UTF-8 bytes. */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

export const MetadataSchema = v.nullish(
  v.pipe(
    JsonObjectOrPhpEmpty,
    documented(
      v.check(
        (meta: Metadata) => Object.keys(meta).length <= METADATA_MAX_KEYS,
        `Must have at most ${METADATA_MAX_KEYS} keys.`,
      ),
      { maxProperties: METADATA_MAX_KEYS },
    ),
    // valibot runs every check of a pipe even after one failed: each guards itself.
    v.check(isShallow, `Must nest at most ${METADATA_MAX_DEPTH} levels deep (itself the first).`),
    v.check(
      (meta: Metadata) => !isShallow(meta) || jsonBytes(meta) <= METADATA_MAX_BYTES,
      'Must be at most 4 KiB as JSON.',
    ),
    v.check(
      (meta: Metadata) => !isShallow(meta) || isStorableJson(meta),
      'Must not contain NUL characters or unpaired surrogates.',
    ),
    // Last: JSON Schema describes the input, and stops at the first transform of a pipe.
    phpEmptyAsObject,
  ),
);

export const CustomerSchema = v.nullish(
  jsonObject({
    name: optionalText(255),
    email: v.nullish(EmailSchema),
    phone: v.nullish(IndonesianPhoneSchema),
  }),
);

/** The v1.0 create body (SPEC §3.2); business rules follow in createPaymentLink. */
export const CreateLinkBodySchema = jsonObject({
  reff_no: v.nullish(
    v.pipe(
      v.string('Must be a string.'),
      v.regex(/^[A-Za-z0-9._-]{1,40}$/, 'Must be 1 to 40 characters of A-Z a-z 0-9 . _ -'),
    ),
  ),
  title: requiredText(255),
  required_customer_detail: v.nullish(v.boolean('Must be true or false.')),
  max_usage: v.nullish(wholeNumber(1, 1_000_000)),
  expired_at: ExpiryInstantSchema,
  total_amount: v.nullish(
    v.pipe(
      wholeNumber(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      v.description('Whole rupiah; required without items, and equal to their sum with them.'),
    ),
  ),
  items: v.nullish(
    v.pipe(v.array(ItemSchema, 'Must be an array.'), v.maxLength(100, 'At most 100 items.')),
  ),
  whitelisted_payment_method: v.nullish(
    v.pipe(
      v.array(v.string('Must be a string.'), 'Must be an array of method codes.'),
      v.description('Method codes (GET …/payment-methods); none: every enabled method.'),
    ),
  ),
  redirect_url: CallbackUrlSchema,
  optional_metadata: MetadataSchema,
  description: optionalText(1000),
  customer: CustomerSchema,
  callback_url: WebhookUrlSchema,
});

export function toCreateLinkInput(
  body: v.InferOutput<typeof CreateLinkBodySchema>,
): CreateLinkInput {
  const customer = body.customer
    ? {
        name: body.customer.name || null,
        email: body.customer.email ?? null,
        phone: body.customer.phone ?? null,
      }
    : null;
  return {
    reffNo: body.reff_no ?? null,
    title: body.title,
    description: body.description || null,
    requiredCustomerDetail: body.required_customer_detail ?? false,
    maxUsage: body.max_usage ?? 1,
    expiredAt: body.expired_at ?? null,
    totalAmount: body.total_amount ?? null,
    items:
      body.items?.map((item) => ({
        name: item.name,
        quantity: item.quantity,
        unitPrice: item.unit_price,
      })) ?? null,
    whitelist: body.whitelisted_payment_method ?? null,
    redirectUrl: body.redirect_url ?? null,
    callbackUrl: body.callback_url ?? null,
    optionalMetadata: body.optional_metadata ?? null,
    customer,
    displayName: null,
    dialect: 'v1',
  };
}

/** `page` and `per_page` (≤ 100, default 25) of every list (SPEC §3.4). */
export const PageQueryEntries = {
  page: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,9}$/, 'Must be a whole number.'),
      v.toNumber(),
      v.minValue(1, 'Must be at least 1.'),
    ),
    '1',
  ),
  per_page: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'Must be a whole number.'),
      v.toNumber(),
      v.minValue(1, 'Must be at least 1.'),
      v.maxValue(100, 'Must be at most 100.'),
    ),
    '25',
  ),
};

/** List query (SPEC §3.4). */
export const ListLinksQuerySchema = v.object({
  ...PageQueryEntries,
  status: v.optional(v.picklist(['open', 'closed', 'expired'], 'Must be open, closed or expired.')),
  search: v.optional(
    v.pipe(StorableString, v.trim(), v.maxLength(100, 'Must be at most 100 characters.')),
  ),
});
