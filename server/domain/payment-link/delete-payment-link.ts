import { failure, type Result, success } from '../shared/result.ts';
import type { PaymentLinkStore } from './payment-link-store.ts';
import { LINK_NOT_FOUND } from './update-payment-link.ts';

/**
 * SPEC §3.4: a link is deleted only while it has no payments, whatever their status, so that
 * no payment history loses its link. Deliveries already queued for it (the link mail) stay
 * queued: they carry their own copy of what they send (docs/decisions/006).
 */
export async function deletePaymentLink(
  deps: { links: PaymentLinkStore },
  accountId: string,
  linkId: number,
): Promise<Result<null>> {
  const deleted = await deps.links.delete(accountId, linkId);
  if (deleted === 'not_found') return LINK_NOT_FOUND;
  if (deleted === 'has_payments') {
    return failure(
      'LINK_HAS_PAYMENTS',
      'This payment link has payments and cannot be deleted; close it instead.',
    );
  }
  return success(null);
}
