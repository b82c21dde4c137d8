import * as v from 'valibot';
import { ACCOUNT_STATUSES, type Account } from '../../domain/account/account.ts';
import {
  COMPUTED_LINK_STATUSES,
  computeLinkStatus,
  LINK_STATUSES,
  type PaymentLink,
} from '../../domain/payment-link/payment-link.ts';
import { toWibIso } from '../../domain/shared/jakarta-time.ts';
import { toDecimalString } from '../../domain/shared/money.ts';
import { DecimalAmount, NullableText, WholeNumber, WibTime } from '../envelope-schemas.ts';

const Text = v.string();

/** The account a link belongs to, as every link object carries it. */
const LinkAccountSchema = v.pipe(
  v.strictObject({
    id: Text,
    name: Text,
    email: NullableText,
    phone: NullableText,
    status: v.picklist(ACCOUNT_STATUSES),
  }),
  v.title('LinkAccount'),
);

/** The API a link was created through (SPEC §3.5). */
export const LINK_SOURCES = ['api v1', 'api v2', 'api v4'] as const;

/**
 * The link object (SPEC §3.3, with the additions of §3.5), as every v1.0 and v2.0 link
 * endpoint answers it, whichever API created the link.
 */
export const LinkObjectSchema = v.pipe(
  v.strictObject({
    id: WholeNumber,
    reff_no: Text,
    source: v.picklist(LINK_SOURCES),
    title: Text,
    description: NullableText,
    payment_url: Text,
    status: v.picklist(LINK_STATUSES),
    status_computed: v.picklist(COMPUTED_LINK_STATUSES),
    required_customer_detail: v.boolean(),
    required_customer_number: v.boolean(),
    required_customer_email: v.boolean(),
    max_usage: v.pipe(WholeNumber, v.description('0 for an unlimited link.')),
    is_unlimited_usage: v.boolean(),
    current_usage: WholeNumber,
    expired_at: v.nullable(WibTime),
    is_expired: v.boolean(),
    total_amount: DecimalAmount,
    items: v.nullable(
      v.array(
        v.strictObject({
          name: Text,
          quantity: v.pipe(v.string(), v.regex(/^\d+$/)),
          unit_price: v.pipe(v.string(), v.regex(/^-?\d+$/)),
          subtotal: WholeNumber,
        }),
      ),
    ),
    whitelisted_payment_method: v.nullable(v.array(Text)),
    redirect_url: NullableText,
    success_redirect_url: NullableText,
    expired_redirect_url: NullableText,
    callback_url: NullableText,
    optional_metadata: v.nullable(v.record(v.string(), v.unknown())),
    customer: v.nullable(
      v.strictObject({ name: NullableText, email: NullableText, phone: NullableText }),
    ),
    customer_name: NullableText,
    customer_email: NullableText,
    customer_phone: NullableText,
    payment_date: v.nullable(WibTime),
    created_at: WibTime,
    updated_at: WibTime,
    account: LinkAccountSchema,
  }),
  v.title('PaymentLink'),
);

export type LinkObject = v.InferOutput<typeof LinkObjectSchema>;

const isoOrNull = (instant: Date | null) => (instant ? toWibIso(instant) : null);

/** `PUBLIC_BASE_URL/b2b/<public id>` (SPEC §3.3). */
export function paymentUrl(baseUrl: string, link: PaymentLink): string {
  return `${baseUrl}/b2b/${link.publicId}`;
}

/** The link object, with the exact field names and JSON types of SPEC §3.3 and §3.5. */
export function presentLink(
  link: PaymentLink,
  account: Account,
  baseUrl: string,
  now: Date,
): LinkObject {
  const computed = computeLinkStatus(link, now);
  return {
    id: link.id,
    reff_no: link.reffNo,
    source: `api ${link.dialect}`,
    title: link.title,
    description: link.description,
    payment_url: paymentUrl(baseUrl, link),
    status: link.status,
    status_computed: computed,
    required_customer_detail: link.requiredCustomerDetail,
    required_customer_number: link.requiredCustomerNumber,
    required_customer_email: link.requiredCustomerEmail,
    max_usage: link.maxUsage ?? 0,
    is_unlimited_usage: link.maxUsage === null,
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
    success_redirect_url: link.successRedirectUrl,
    expired_redirect_url: link.expiredRedirectUrl,
    callback_url: link.callbackUrl,
    optional_metadata: link.optionalMetadata,
    customer: link.customer,
    customer_name: link.customer?.name ?? null,
    customer_email: link.customer?.email ?? null,
    customer_phone: link.customer?.phone ?? null,
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
