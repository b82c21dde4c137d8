import type { V4LinkStatus } from '../callback/v4-payment-link-body.ts';
import type { PaymentStatus } from '../payment/payment.ts';
import { computeLinkStatus, type PaymentLink } from './payment-link.ts';

/**
 * The v4 `status` of a link (SPEC §4), from the link and the stored statuses of its payments,
 * in this order: `completed` once a payment is settled; `paid` once one is paid (or the link
 * has been used, should that payment be beyond the statuses given); `expired` when the link
 * can take no more money and none came (SPEC §2 `expired`, or `closed` by the merchant); else
 * `pending`. A paid link stays paid after its `expired_at`, as the v4 callbacks say (SPEC §6).
 */
export function v4LinkStatus(
  link: PaymentLink,
  paymentStatuses: readonly PaymentStatus[],
  now: Date,
): V4LinkStatus {
  if (paymentStatuses.includes('settled')) return 'completed';
  if (paymentStatuses.includes('paid') || link.currentUsage > 0) return 'paid';
  return computeLinkStatus(link, now) === 'open' ? 'pending' : 'expired';
}
