import * as v from 'valibot';
import { PAYMENT_STATUSES } from '../../domain/payment/payment.ts';
import { COMPUTED_LINK_STATUSES } from '../../domain/payment-link/payment-link.ts';
import { PaymentObjectSchema } from '../api-v1/present-payment.ts';
import { NullableText } from '../envelope-schemas.ts';

/** `GET /b2b/{id}/status?payment=<reff_no>`: the payment the page shows, if any. */
export const StatusQuerySchema = v.object({
  // Any text: one that is no payment of this link simply finds none (`payment: null`).
  payment: v.optional(v.string()),
});

/** What the page polls for (SPEC §7). */
export const CheckoutStatusSchema = v.pipe(
  v.strictObject({
    link_status: v.picklist(COMPUTED_LINK_STATUSES),
    payment: v.nullable(
      v.strictObject({ reff_no: v.string(), status: v.picklist(PAYMENT_STATUSES) }),
    ),
  }),
  v.title('CheckoutStatus'),
);

export type CheckoutStatus = v.InferOutput<typeof CheckoutStatusSchema>;

/** A payment started by a JSON client: the payment, its QR text and the page that shows it. */
export const StartedPaymentSchema = v.pipe(
  v.strictObject({
    ...PaymentObjectSchema.pipe[0].entries,
    qr_string: NullableText,
    view_url: v.string(),
  }),
  v.title('StartedPayment'),
);
