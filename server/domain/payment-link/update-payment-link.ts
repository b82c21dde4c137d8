import { type Catalog, offeredMethods } from '../payment-method/catalog.ts';
import type { Clock } from '../shared/clock.ts';
import { type FieldErrors, failure, invalidField, type Result, success } from '../shared/result.ts';
import type { LinkStatus, PaymentLink } from './payment-link.ts';
import type { LinkChanges, LinkUpdatePlan, PaymentLinkStore } from './payment-link-store.ts';

export type UpdateLinkDeps = { clock: Clock; catalog: Catalog; links: PaymentLinkStore };

/**
 * An update after its shape was checked at the edge: a field left undefined stays as it is;
 * null clears it (no expiry, every method, no redirect). Amount, items, title and reff_no are
 * not here: they never change (SPEC §3.4).
 */
export type LinkPatch = {
  requiredCustomerDetail?: boolean;
  maxUsage?: number;
  expiredAt?: Date | null;
  status?: LinkStatus;
  whitelist?: string[] | null;
  redirectUrl?: string | null;
};

export const LINK_NOT_FOUND = failure('LINK_NOT_FOUND', 'Payment Link not found.');

/** Changes a link under SPEC §3.4 and the payment rules of SPEC §2. */
export async function updatePaymentLink(
  deps: UpdateLinkDeps,
  accountId: string,
  linkId: number,
  patch: LinkPatch,
): Promise<Result<PaymentLink>> {
  const now = deps.clock();
  const checked = checkPatch(deps.catalog, patch, now);
  if (!checked.ok) return checked;
  const updated = await deps.links.update(accountId, linkId, (locked) =>
    planLinkUpdate(deps.catalog, locked, checked.value, now),
  );
  return updated === 'not_found' ? LINK_NOT_FOUND : updated;
}

/** The rules that need no stored link: the same as on create (SPEC §3.2). */
function checkPatch(catalog: Catalog, patch: LinkPatch, now: Date): Result<LinkChanges> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
  };
  if (patch.expiredAt && patch.expiredAt.getTime() <= now.getTime()) {
    add('expired_at', 'Must be in the future.');
  }
  const whitelist =
    patch.whitelist === undefined ? undefined : patch.whitelist?.length ? patch.whitelist : null;
  const seen = new Set<string>();
  whitelist?.forEach((code, index) => {
    if (!catalog.find(code))
      add(`whitelisted_payment_method.${index}`, `Unknown payment method "${code}".`);
    else if (seen.has(code))
      add(`whitelisted_payment_method.${index}`, `"${code}" is listed twice.`);
    seen.add(code);
  });
  if (Object.keys(errors).length > 0) {
    return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
  }
  const changes: LinkChanges = {};
  if (patch.requiredCustomerDetail !== undefined)
    changes.requiredCustomerDetail = patch.requiredCustomerDetail;
  if (patch.maxUsage !== undefined) changes.maxUsage = patch.maxUsage;
  if (patch.expiredAt !== undefined) changes.expiredAt = patch.expiredAt;
  if (patch.status !== undefined) changes.status = patch.status;
  if (whitelist !== undefined) changes.whitelistedPaymentMethod = whitelist;
  if (patch.redirectUrl !== undefined) changes.redirectUrl = patch.redirectUrl;
  return success(changes);
}

/**
 * What an update writes, decided with the link locked (SPEC §2):
 * - `max_usage` may not go below the uses already counted;
 * - some allowed method must still accept the amount (`NO_METHOD_FOR_AMOUNT`);
 * - a link that no longer takes money (closed by the merchant, or used up) cancels its pending
 *   payments, so their VA/QR refuses money;
 * - no pending payment stays payable past the link's `expired_at`.
 * Re-opening only sets `status`: a used-up link stays closed until `max_usage` is raised.
 */
export function planLinkUpdate(
  catalog: Catalog,
  link: PaymentLink,
  changes: LinkChanges,
  now: Date,
): Result<LinkUpdatePlan> {
  const next = { ...link, ...changes };
  if (next.maxUsage < link.currentUsage) {
    return invalidField('max_usage', `Must be at least the current usage (${link.currentUsage}).`);
  }
  if (offeredMethods(catalog, next.whitelistedPaymentMethod, link.totalAmount).length === 0) {
    return failure(
      'NO_METHOD_FOR_AMOUNT',
      `No allowed payment method accepts an amount of ${link.totalAmount} rupiah.`,
      { whitelisted_payment_method: ['No allowed payment method accepts this amount.'] },
    );
  }
  return success({
    changes,
    at: now,
    cancelPending: next.status === 'closed' || next.currentUsage >= next.maxUsage,
    capPendingAt: next.expiredAt,
  });
}
