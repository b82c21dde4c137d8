import { createHash } from 'node:crypto';
import { effectivePaymentStatus } from '../../domain/payment/payment.ts';
import { computeLinkStatus } from '../../domain/payment-link/payment-link.ts';
import { isPublicId } from '../../domain/shared/ids.ts';
import type { Deps } from '../../deps.ts';
import type { CheckoutStatus } from './checkout-answers.ts';

/** What a page watching a link is told, and when it could next change without a write. */
export type LiveStatus = {
  linkId: number;
  status: CheckoutStatus;
  /** Names this exact status: the SSE event id a reconnecting browser sends back. */
  version: string;
  /** The next moment time alone changes the status (an expiry), or null. */
  nextChangeAt: Date | null;
  /** The link takes no more payments: nothing further will be said. */
  isFinal: boolean;
};

/**
 * SPEC §7: the status of a link and of one of its payments (`reffNo`, if it is one of the
 * link's), as `GET /b2b/{id}/status` and the event stream answer it; null for no such link.
 * Reads go through the row cache, so thousands of watching pages cost no queries.
 */
export async function readLiveStatus(
  deps: Deps,
  publicId: string,
  reffNo: string | undefined,
): Promise<LiveStatus | null> {
  const link = isPublicId(publicId) ? await deps.links.findByPublicId(publicId) : null;
  if (!link) return null;
  const found = reffNo ? await deps.payments.findByReffNo(reffNo) : null;
  const payment = found && found.linkId === link.id ? found : null;
  const now = deps.clock();
  const status: CheckoutStatus = {
    link_status: computeLinkStatus(link, now),
    payment: payment
      ? { reff_no: payment.reffNo, status: effectivePaymentStatus(payment, now) }
      : null,
  };
  const deadlines = [
    link.expiredAt,
    payment && status.payment?.status === 'pending' ? payment.expiresAt : null,
  ].filter((at): at is Date => at !== null && at.getTime() > now.getTime());
  const data = JSON.stringify(status);
  return {
    linkId: link.id,
    status,
    version: createHash('sha256').update(data).digest('base64url').slice(0, 16),
    nextChangeAt: deadlines.length > 0 ? new Date(Math.min(...deadlines.map(Number))) : null,
    isFinal: status.link_status !== 'open',
  };
}
