import { buildV4PaymentLinkBody } from '../../domain/callback/v4-payment-link-body.ts';
import type { PaymentStatus } from '../../domain/payment/payment.ts';
import { paymentListQuery } from '../../domain/payment/payment-list-query.ts';
import type { PaymentLink } from '../../domain/payment-link/payment-link.ts';
import { v4LinkStatus } from '../../domain/payment-link/v4-status.ts';
import type { Deps } from '../../deps.ts';
import type { V4LinkDocument } from './v4-link-schema.ts';

/**
 * The paid-or-later statuses among the link's payments, the only ones v4LinkStatus tells
 * apart. Usage counts paid payments (SPEC §1), so an unused link needs no query; a used one
 * asks whether any of its payments settled, however many tries the customer made.
 */
async function paidStatusesOf(deps: Deps, link: PaymentLink): Promise<PaymentStatus[]> {
  if (link.currentUsage === 0) return [];
  const settled = await deps.payments.listByAccount(
    link.accountId,
    paymentListQuery(deps.clock(), { linkId: link.id, status: 'settled', perPage: 1 }),
  );
  return settled.total > 0 ? ['settled'] : ['paid'];
}

/** The v4 object of SPEC §4, built as the v4 callbacks build it, with the status as of now. */
export async function presentV4Link(deps: Deps, link: PaymentLink): Promise<V4LinkDocument> {
  const status = v4LinkStatus(link, await paidStatusesOf(deps, link), deps.clock());
  return buildV4PaymentLinkBody({ link, status, baseUrl: deps.config.PUBLIC_BASE_URL });
}
