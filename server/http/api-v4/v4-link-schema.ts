import * as v from 'valibot';
import { NullableText } from '../envelope-schemas.ts';

/** `2021-12-05 22:05:26 +0700` (SPEC §4). */
const V4Time = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0700$/));

/** The v4 payment-link document (SPEC §4), as the API answers and v4 callbacks carry it. */
export const V4LinkDocumentSchema = v.pipe(
  v.strictObject({
    data: v.strictObject({
      id: v.pipe(v.string(), v.regex(/^paymentlink_[0-9a-f]{32}$/)),
      type: v.literal('payment_links'),
      attributes: v.strictObject({
        status: v.picklist(['pending', 'paid', 'completed', 'expired']),
        amount: v.pipe(v.string(), v.regex(/^\d+\.0$/)),
        referenceId: v.string(),
        createdAt: V4Time,
        description: v.string(),
        expiredAt: v.nullable(V4Time),
        paymentLinkUrl: v.string(),
        customerName: NullableText,
        customerEmail: NullableText,
        customerPhoneNumber: NullableText,
        paymentMethodOptions: v.strictObject({ displayName: NullableText }),
      }),
    }),
  }),
  v.title('V4PaymentLink'),
);

export type V4LinkDocument = v.InferOutput<typeof V4LinkDocumentSchema>;
