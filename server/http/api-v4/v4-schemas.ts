import * as v from 'valibot';
import type { V4CreateLinkInput } from '../../domain/payment-link/create-v4-payment-link.ts';
import { normalizeIndonesianPhone } from '../../domain/shared/indonesian-phone.ts';
import { sha256Hex } from '../../security/digest.ts';
import { parseIsoWithOffset } from '../api-v1/link-schemas.ts';
import { EmailSchema, jsonObject, StorableString } from '../api-v1/field-schemas.ts';

const MAX_AMOUNT = 1_000_000_000;
const AMOUNT_MESSAGE = `Must be a whole number of rupiah from 1 to ${MAX_AMOUNT}, as a number or a numeric string.`;
const EXPIRY_MESSAGE =
  'Must be an ISO 8601 time with an offset, or "yyyy-MM-dd HH:mm:ss +0700" as the API writes it.';
const PHONE_MESSAGE = 'Must be an Indonesian mobile number (08… or +628…).';

/** Optional text: trimmed, at most `max` code points; absent, null and "" all mean none. */
function optionalText(max: number) {
  return v.nullish(
    v.pipe(
      StorableString,
      v.trim(),
      v.check((text) => [...text].length <= max, `Must be at most ${max} characters.`),
      v.transform((text) => text || null),
    ),
  );
}

/** `10000`, `"10000"`, `"10000.0"`: whole rupiah (SPEC §4 writes amounts as `"10000.0"`). */
const AmountSchema = v.pipe(
  v.union([v.number(), v.string()], AMOUNT_MESSAGE),
  v.description('Whole rupiah: `10000`, `"10000"` or `"10000.0"`.'),
  v.transform((value) => {
    if (typeof value === 'number') return value;
    const match = /^\s*(\d{1,10})(?:\.0{1,2})?\s*$/.exec(value);
    return match ? Number(match[1]) : Number.NaN;
  }),
  v.check(
    (rupiah) => Number.isInteger(rupiah) && rupiah >= 1 && rupiah <= MAX_AMOUNT,
    AMOUNT_MESSAGE,
  ),
);

/** The same rule as a merchant's `reff_no` (SPEC §1): it is stored as the link's reff_no. */
const ReferenceIdSchema = v.pipe(
  v.string('Must be a string.'),
  v.regex(/^[A-Za-z0-9._-]{1,40}$/, 'Must be 1 to 40 characters of A-Z a-z 0-9 . _ -'),
);

/** `2021-12-06 16:00:00 +0700` (the v4 format), read as ISO 8601 `2021-12-06T16:00:00+07:00`. */
function parseV4Time(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2}):?(\d{2})$/.exec(text);
  if (!match) return parseIsoWithOffset(text);
  return parseIsoWithOffset(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
}

const ExpiredAtSchema = v.nullish(
  v.pipe(
    v.string(EXPIRY_MESSAGE),
    v.description('`2021-12-06 16:00:00 +0700`, or ISO 8601 with an offset.'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const instant = parseV4Time(dataset.value.trim());
      if (instant) return instant;
      addIssue({ message: EXPIRY_MESSAGE });
      return NEVER;
    }),
  ),
);

const OptionalEmailSchema = v.nullish(
  v.union([v.pipe(v.string(), v.trim(), v.literal('')), EmailSchema], 'Must be an email address.'),
);

/** Validated as an Indonesian mobile number, kept in the national form the v4 example shows. */
const OptionalPhoneSchema = v.nullish(
  v.pipe(
    v.string(PHONE_MESSAGE),
    v.description('An Indonesian mobile number, 08… or +628…; answered as 08….'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (dataset.value.trim() === '') return null;
      const e164 = normalizeIndonesianPhone(dataset.value);
      if (e164) return `0${e164.slice(3)}`;
      addIssue({ message: PHONE_MESSAGE });
      return NEVER;
    }),
  ),
);

/** `POST /api/v4/payment_links` (SPEC §4); unknown members are ignored. */
export const CreateV4LinkBodySchema = jsonObject({
  data: jsonObject({
    attributes: jsonObject({
      amount: AmountSchema,
      referenceId: ReferenceIdSchema,
      // The page title: at most what a v1.0 title may hold.
      description: optionalText(255),
      expiredAt: ExpiredAtSchema,
      customerName: optionalText(255),
      customerEmail: OptionalEmailSchema,
      customerPhoneNumber: OptionalPhoneSchema,
      paymentMethodOptions: v.nullish(
        // QRIS tag 59 holds 25 characters: the name must fit wherever the customer sees it.
        jsonObject({ displayName: optionalText(25) }),
      ),
    }),
  }),
});

/** The attributes as checked: whole rupiah, a Date, nulls for what was not given. */
export type V4LinkRequest = {
  amount: number;
  referenceId: string;
  description: string | null;
  expiredAt: Date | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhoneNumber: string | null;
  displayName: string | null;
};

export function toV4LinkRequest(body: v.InferOutput<typeof CreateV4LinkBodySchema>): V4LinkRequest {
  const a = body.data.attributes;
  return {
    amount: a.amount,
    referenceId: a.referenceId,
    description: a.description ?? null,
    expiredAt: a.expiredAt ?? null,
    customerName: a.customerName ?? null,
    customerEmail: a.customerEmail || null,
    customerPhoneNumber: a.customerPhoneNumber ?? null,
    displayName: a.paymentMethodOptions?.displayName ?? null,
  };
}

/**
 * SHA-256 of the request as checked, in a fixed order: `10000` and `"10000.0"`, or two
 * spellings of one instant, are the same request; any other difference is not (SPEC §4).
 */
export function fingerprintOf(request: V4LinkRequest): string {
  const { amount, referenceId, description, expiredAt, displayName } = request;
  const { customerName, customerEmail, customerPhoneNumber } = request;
  const canonical = [
    'v4/payment_links',
    ...[amount, referenceId, description, expiredAt?.toISOString() ?? null],
    ...[customerName, customerEmail, customerPhoneNumber, displayName],
  ];
  return sha256Hex(JSON.stringify(canonical));
}

/**
 * SPEC §4: single-use, bound to its customer (prefilled on the page, and mailed the link), the
 * description as the page title (else the reference).
 */
export function toCreateLinkInput(request: V4LinkRequest): V4CreateLinkInput {
  const { customerName: name, customerEmail: email, customerPhoneNumber: phone } = request;
  return {
    reffNo: request.referenceId,
    title: request.description ?? request.referenceId,
    description: null,
    requiredCustomerDetail: false,
    maxUsage: 1,
    expiredAt: request.expiredAt,
    totalAmount: request.amount,
    items: null,
    whitelist: null,
    redirectUrl: null,
    callbackUrl: null,
    optionalMetadata: null,
    customer: name || email || phone ? { name, email, phone } : null,
    displayName: request.displayName,
    dialect: 'v4',
    requestFingerprint: fingerprintOf(request),
  };
}
