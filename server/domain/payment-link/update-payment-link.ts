import { type Catalog, offeredMethods } from '../payment-method/catalog.ts';
import type { Clock } from '../shared/clock.ts';
import { type FieldErrors, failure, invalidField, type Result, success } from '../shared/result.ts';
import { type Customer, isUsedUp, type LinkStatus, type PaymentLink } from './payment-link.ts';
import type { LinkChanges, LinkUpdatePlan, PaymentLinkStore } from './payment-link-store.ts';

export type UpdateLinkDeps = { clock: Clock; catalog: Catalog; links: PaymentLinkStore };

/**
 * An update after its shape was checked at the edge: a field left undefined stays as it is;
 * null clears it (no expiry, every method, no redirect). Amount, items and reff_no are not
 * here: they never change (SPEC §3.4, §3.5). Each dialect sends only its own fields.
 */
export type LinkPatch = {
  title?: string;
  description?: string | null;
  requiredCustomerDetail?: boolean;
  requiredCustomerNumber?: boolean;
  requiredCustomerEmail?: boolean;
  /** Null: unlimited (v2.0 `max_usage: 0`). */
  maxUsage?: number | null;
  expiredAt?: Date | null;
  status?: LinkStatus;
  whitelist?: string[] | null;
  redirectUrl?: string | null;
  successRedirectUrl?: string | null;
  expiredRedirectUrl?: string | null;
  optionalMetadata?: Record<string, unknown> | null;
  /** v2.0 `customer_name`/`_email`/`_phone`, each on its own. */
  customer?: Partial<Customer>;
};

export const LINK_NOT_FOUND = failure('LINK_NOT_FOUND', 'Payment Link not found.');

/** SPEC §3.5: customer details belong to a single-use link, the one customer who pays it. */
export const SINGLE_USE_ONLY = 'Only for a single-use link (max_usage 1).';

/** Changes a link under SPEC §3.4/§3.5 and the payment rules of SPEC §2. */
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
function checkPatch(catalog: Catalog, patch: LinkPatch, now: Date): Result<LinkPatch> {
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
  return success(whitelist === undefined ? patch : { ...patch, whitelist });
}

/**
 * What an update writes, decided with the link locked (SPEC §2):
 * - `max_usage` may not go below the uses already counted (unlimited always may);
 * - customer details may only be given to a single-use link (SPEC §3.5);
 * - some allowed method must still accept the amount (`NO_METHOD_FOR_AMOUNT`);
 * - a link that no longer takes money (closed by the merchant, or used up) cancels its pending
 *   payments, so their VA/QR refuses money;
 * - no pending payment stays payable past the link's `expired_at`.
 * Re-opening only sets `status`: a used-up link stays closed until `max_usage` is raised.
 */
export function planLinkUpdate(
  catalog: Catalog,
  link: PaymentLink,
  patch: LinkPatch,
  now: Date,
): Result<LinkUpdatePlan> {
  const changes = changesOf(link, patch);
  const next = { ...link, ...changes };
  if (next.maxUsage !== null && next.maxUsage < link.currentUsage) {
    return invalidField('max_usage', `Must be at least the current usage (${link.currentUsage}).`);
  }
  const given = Object.entries(patch.customer ?? {}).filter(([, value]) => value !== null);
  if (given.length > 0 && next.maxUsage !== 1) {
    const errors = Object.fromEntries(
      given.map(([field]) => [`customer_${field}`, [SINGLE_USE_ONLY]]),
    );
    return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
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
    cancelPending: next.status === 'closed' || isUsedUp(next),
    capPendingAt: next.expiredAt,
  });
}

/** The columns a patch writes: given fields as they are, the rest derived from the link. */
function changesOf(link: PaymentLink, patch: LinkPatch): LinkChanges {
  const { whitelist, customer, ...plain } = patch;
  const changes: LinkChanges = definedOnly(plain);
  if (whitelist !== undefined) changes.whitelistedPaymentMethod = whitelist;
  if (customer !== undefined) {
    const merged = { name: null, email: null, phone: null, ...link.customer };
    for (const [field, value] of Object.entries(customer))
      if (value !== undefined) merged[field as keyof Customer] = value;
    changes.customer = merged.name || merged.email || merged.phone ? merged : null;
  }
  // v2.0 asks for number and email; v1.0 for all details at once (SPEC §3.4, §3.5): the page
  // asks when either v2.0 ask is on, and turning v1.0's off turns both off.
  if (patch.requiredCustomerNumber !== undefined || patch.requiredCustomerEmail !== undefined) {
    const number = patch.requiredCustomerNumber ?? link.requiredCustomerNumber;
    const email = patch.requiredCustomerEmail ?? link.requiredCustomerEmail;
    changes.requiredCustomerDetail = number || email;
  } else if (patch.requiredCustomerDetail === false) {
    changes.requiredCustomerNumber = false;
    changes.requiredCustomerEmail = false;
  }
  return changes;
}

/** The object without its undefined entries: an absent field is not written. */
function definedOnly<T extends object>(entries: T): T {
  return Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as T;
}
