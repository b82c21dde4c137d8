import * as v from 'valibot';
import { LINK_STATUSES } from '../../domain/payment-link/payment-link.ts';
import type { LinkPatch } from '../../domain/payment-link/update-payment-link.ts';
import { documented } from '../openapi/documented.ts';
import { CallbackUrlSchema, jsonObject, wholeNumber } from './field-schemas.ts';
import { ExpiryInstantSchema } from './link-schemas.ts';

const StatusSchema = v.picklist(LINK_STATUSES, 'Must be open or closed.');

/**
 * The fields of SPEC §3.4 PUT/PATCH. An absent field is left as it is; `null` clears the
 * nullable ones and is refused for the others (it cannot mean "the default" on an update).
 * Other fields (title, total_amount, items, reff_no…) are ignored, as the gateway does.
 */
const updateEntries = {
  required_customer_detail: v.optional(v.boolean('Must be true or false.')),
  max_usage: v.optional(wholeNumber(1, 1_000_000)),
  expired_at: ExpiryInstantSchema,
  whitelisted_payment_method: v.optional(
    v.nullable(v.array(v.string('Must be a string.'), 'Must be an array of method codes.')),
  ),
  redirect_url: CallbackUrlSchema,
};

/** PATCH: any subset. */
export const PatchLinkBodySchema = jsonObject({
  ...updateEntries,
  status: v.optional(StatusSchema),
});

/** PUT: `status` is required, as the gateway's sandbox requires it (reference §2.5). */
export const PutLinkBodySchema = jsonObject({
  ...updateEntries,
  status: v.pipe(
    // `null` reads "Is required." rather than a complaint about its type.
    documented(v.any(), { sameAs: StatusSchema }),
    documented(
      v.check((value) => value !== null, 'Is required.'),
      {},
    ),
    StatusSchema,
  ),
});

export function toLinkPatch(
  body: v.InferOutput<typeof PatchLinkBodySchema> | v.InferOutput<typeof PutLinkBodySchema>,
): LinkPatch {
  const patch: LinkPatch = {};
  if (body.required_customer_detail !== undefined)
    patch.requiredCustomerDetail = body.required_customer_detail;
  if (body.max_usage !== undefined) patch.maxUsage = body.max_usage;
  if (body.expired_at !== undefined) patch.expiredAt = body.expired_at;
  if (body.status !== undefined) patch.status = body.status;
  if (body.whitelisted_payment_method !== undefined)
    patch.whitelist = body.whitelisted_payment_method;
  if (body.redirect_url !== undefined) patch.redirectUrl = body.redirect_url;
  return patch;
}
