import * as v from 'valibot';
import type { CreateLinkInput } from '../../domain/payment-link/create-payment-link.ts';
import { SINGLE_USE_ONLY } from '../../domain/payment-link/update-payment-link.ts';
import { type FieldErrors, failure, type Result, success } from '../../domain/shared/result.ts';
import { jsonObject, wholeNumber } from '../api-v1/field-schemas.ts';
import { ItemSchema } from '../api-v1/link-schemas.ts';
import { customerFieldsOf, sharedEntries } from './v2-fields.ts';

/** SPEC §3.5: a v2.0 link without `expired_at` expires 24 hours after it is created. */
export const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** `POST /api/v2.0/payment-link/{account_id}` (SPEC §3.5). */
export const CreateV2LinkBodySchema = jsonObject({
  reff_no: v.pipe(
    v.string('Must be a string.'),
    v.regex(/^[A-Za-z0-9._-]{1,40}$/, 'Must be 1 to 40 characters of A-Z a-z 0-9 . _ -'),
  ),
  payment_link_type: v.picklist(['total', 'items'], 'Must be total or items.'),
  total_amount: v.nullish(
    v.pipe(
      wholeNumber(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      v.description('Whole rupiah; required for `total`, and equal to the items’ sum with them.'),
    ),
  ),
  items: v.nullish(
    v.pipe(v.array(ItemSchema, 'Must be an array.'), v.maxLength(100, 'At most 100 items.')),
  ),
  ...sharedEntries,
});

export type CreateV2LinkBody = v.InferOutput<typeof CreateV2LinkBodySchema>;

/**
 * The v2.0 create as the shared create use case's input, or the 422 for the rules between
 * fields: the link type's amount, and customer details only on a single-use link.
 */
export function toCreateLinkInput(body: CreateV2LinkBody, now: Date): Result<CreateLinkInput> {
  const errors: FieldErrors = {};
  const items = body.items?.length ? body.items : null;
  if (body.payment_link_type === 'total') {
    if (body.total_amount == null) errors.total_amount = ['Required for payment_link_type total.'];
    if (items) errors.items = ['Only for payment_link_type items.'];
  } else if (!items) {
    errors.items = ['Required for payment_link_type items.'];
  }
  const maxUsage = body.max_usage ?? 1;
  const customer = customerFieldsOf(body);
  for (const [field, value] of Object.entries(customer))
    if (value && maxUsage !== 1) errors[`customer_${field}`] = [SINGLE_USE_ONLY];
  if (Object.keys(errors).length > 0) {
    return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
  }
  const { name = null, email = null, phone = null } = customer;
  return success({
    reffNo: body.reff_no,
    title: titleOf(body),
    description: body.description || null,
    requiredCustomerDetail: false,
    requiredCustomerNumber: body.required_customer_number ?? false,
    requiredCustomerEmail: body.required_customer_email ?? false,
    maxUsage: maxUsage === 0 ? null : maxUsage,
    expiredAt: body.expired_at ?? new Date(now.getTime() + DEFAULT_LIFETIME_MS),
    totalAmount: body.total_amount ?? null,
    items:
      items?.map((item) => ({
        name: item.name,
        quantity: item.quantity,
        unitPrice: item.unit_price,
      })) ?? null,
    whitelist: body.whitelisted_payment_method ?? null,
    redirectUrl: null,
    successRedirectUrl: body.success_redirect_url ?? null,
    expiredRedirectUrl: body.expired_redirect_url ?? null,
    callbackUrl: null,
    optionalMetadata: body.optional_metadata ?? null,
    customer: name || email || phone ? { name, email, phone } : null,
    displayName: null,
    dialect: 'v2',
  });
}

/** SPEC §3.5: `title` when sent, else the description (as much as a title holds), else reff_no. */
function titleOf(body: CreateV2LinkBody): string {
  if (body.title) return body.title;
  if (body.description) return [...body.description].slice(0, 255).join('');
  return body.reff_no;
}
