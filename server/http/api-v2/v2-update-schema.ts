import * as v from 'valibot';
import type { LinkPatch } from '../../domain/payment-link/update-payment-link.ts';
import { documented } from '../openapi/documented.ts';
import { jsonObject, requiredText } from '../api-v1/field-schemas.ts';
import { customerFieldsOf, sharedEntries, V2MaxUsageSchema } from './v2-fields.ts';

const FIXED = 'Cannot be changed after the link is created.';

/** A create field an update may not carry, even as null (SPEC §3.5). */
const fixedField = v.optional(
  documented(
    v.custom<never>(() => false, FIXED),
    { not: {}, description: FIXED },
  ),
);

const flag = v.optional(v.boolean('Must be true or false.'));

/**
 * `PUT /api/v2.0/payment-link/update/{payment_link_id}` (SPEC §3.5): any subset of the create
 * fields but the four fixed ones. An absent field stays; null clears a field that may be empty
 * (no expiry, every method, no redirect, no customer detail).
 */
export const UpdateV2LinkBodySchema = jsonObject({
  reff_no: fixedField,
  payment_link_type: fixedField,
  total_amount: fixedField,
  items: fixedField,
  ...sharedEntries,
  // An update names a title to change to; null or "" would leave the page without one.
  title: v.optional(requiredText(255)),
  // Neither can mean "the default" on an update.
  max_usage: v.optional(V2MaxUsageSchema),
  required_customer_number: flag,
  required_customer_email: flag,
});

type UpdateV2LinkBody = v.InferOutput<typeof UpdateV2LinkBodySchema>;

/** The v2.0 update as the shared update use case's patch. */
export function toLinkPatch(body: UpdateV2LinkBody): LinkPatch {
  const patch: LinkPatch = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.description !== undefined) patch.description = body.description || null;
  if (body.max_usage !== undefined) patch.maxUsage = body.max_usage === 0 ? null : body.max_usage;
  if (body.expired_at !== undefined) patch.expiredAt = body.expired_at;
  if (body.whitelisted_payment_method !== undefined)
    patch.whitelist = body.whitelisted_payment_method;
  if (body.success_redirect_url !== undefined) patch.successRedirectUrl = body.success_redirect_url;
  if (body.expired_redirect_url !== undefined) patch.expiredRedirectUrl = body.expired_redirect_url;
  if (body.optional_metadata !== undefined) patch.optionalMetadata = body.optional_metadata;
  if (body.required_customer_number !== undefined)
    patch.requiredCustomerNumber = body.required_customer_number;
  if (body.required_customer_email !== undefined)
    patch.requiredCustomerEmail = body.required_customer_email;
  const customer = Object.fromEntries(
    Object.entries(customerFieldsOf(body)).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(customer).length > 0) patch.customer = customer;
  return patch;
}
