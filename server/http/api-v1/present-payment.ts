import * as v from 'valibot';
import {
  effectivePaymentStatus,
  PAYMENT_STATUSES,
  type Payment,
} from '../../domain/payment/payment.ts';
import type { PaymentLink } from '../../domain/payment-link/payment-link.ts';
import type { Catalog } from '../../domain/payment-method/catalog.ts';
import { toWibIso } from '../../domain/shared/jakarta-time.ts';
import { toDecimalString } from '../../domain/shared/money.ts';
import { DecimalAmount, NullableText, WholeNumber, WibTime } from '../envelope-schemas.ts';

/** A payment: one attempt to pay a link with one method (SPEC §3.4 histories). */
export const PaymentObjectSchema = v.pipe(
  v.strictObject({
    id: WholeNumber,
    reff_no: v.string(),
    payment_link_id: WholeNumber,
    payment_link_reff_no: v.string(),
    payment_method: v.string(),
    payment_method_name: v.string(),
    payment_method_value: v.string(),
    expired_at: WibTime,
    amount: DecimalAmount,
    payment_date: v.nullable(WibTime),
    status: v.picklist(PAYMENT_STATUSES),
    customer_name: NullableText,
    customer_email: NullableText,
    customer_phone: NullableText,
    has_settle: v.boolean(),
    settle_at: v.nullable(WibTime),
    created_at: WibTime,
    updated_at: WibTime,
  }),
  v.title('Payment'),
);

export type PaymentObject = v.InferOutput<typeof PaymentObjectSchema>;

const isoOrNull = (instant: Date | null) => (instant ? toWibIso(instant) : null);

/** A payment as the histories API shows it (SPEC §3.4). */
export function presentPayment(
  payment: Payment,
  link: PaymentLink,
  catalog: Catalog,
  now: Date,
): PaymentObject {
  const status = effectivePaymentStatus(payment, now);
  return {
    id: payment.id,
    reff_no: payment.reffNo,
    payment_link_id: link.id,
    payment_link_reff_no: link.reffNo,
    payment_method: payment.methodCode,
    payment_method_name: catalog.find(payment.methodCode)?.name ?? payment.methodCode,
    payment_method_value: payment.methodValue,
    expired_at: toWibIso(payment.expiresAt),
    amount: toDecimalString(payment.amount),
    payment_date: isoOrNull(payment.paidAt),
    status,
    customer_name: payment.customer?.name ?? null,
    customer_email: payment.customer?.email ?? null,
    customer_phone: payment.customer?.phone ?? null,
    has_settle: payment.status === 'settled',
    settle_at: isoOrNull(payment.settledAt),
    created_at: toWibIso(payment.createdAt),
    updated_at: toWibIso(payment.updatedAt),
  };
}
