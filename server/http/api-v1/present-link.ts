import type { Account } from '../../domain/account/account.ts';
import { computeLinkStatus, type PaymentLink } from '../../domain/payment-link/payment-link.ts';
import { toWibIso } from '../../domain/shared/jakarta-time.ts';
import { toDecimalString } from '../../domain/shared/money.ts';

const isoOrNull = (instant: Date | null) => (instant ? toWibIso(instant) : null);

/** `PUBLIC_BASE_URL/b2b/<public id>` (SPEC §3.3). */
export function paymentUrl(baseUrl: string, link: PaymentLink): string {
  return `${baseUrl}/b2b/${link.publicId}`;
}

/** The v1.0 link object, with the exact field names and JSON types of SPEC §3.3. */
export function presentLink(link: PaymentLink, account: Account, baseUrl: string, now: Date) {
  const computed = computeLinkStatus(link, now);
  return {
    id: link.id,
    reff_no: link.reffNo,
    title: link.title,
    description: link.description,
    payment_url: paymentUrl(baseUrl, link),
    status: link.status,
    status_computed: computed,
    required_customer_detail: link.requiredCustomerDetail,
    max_usage: link.maxUsage,
    current_usage: link.currentUsage,
    expired_at: isoOrNull(link.expiredAt),
    is_expired: computed === 'expired',
    total_amount: toDecimalString(link.totalAmount),
    items:
      link.items?.map((item) => ({
        name: item.name,
        quantity: String(item.quantity),
        unit_price: String(item.unitPrice),
        subtotal: item.quantity * item.unitPrice,
      })) ?? null,
    whitelisted_payment_method: link.whitelistedPaymentMethod,
    redirect_url: link.redirectUrl,
    callback_url: link.callbackUrl,
    optional_metadata: link.optionalMetadata,
    customer: link.customer,
    payment_date: isoOrNull(link.paymentDate),
    created_at: toWibIso(link.createdAt),
    updated_at: toWibIso(link.updatedAt),
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      phone: account.phone,
      status: account.status,
    },
  };
}
