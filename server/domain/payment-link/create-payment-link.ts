import { type EventContext, linkCreatedDeliveries } from '../delivery/payment-events.ts';
import { type Catalog, offeredMethods } from '../payment-method/catalog.ts';
import type { Clock, RandomBytes } from '../shared/clock.ts';
import { newPublicId } from '../shared/ids.ts';
import { type FieldErrors, failure, type Result, success } from '../shared/result.ts';
import type { Customer, Dialect, LineItem, PaymentLink } from './payment-link.ts';
import { itemsTotal } from './payment-link.ts';
import type { PaymentLinkStore } from './payment-link-store.ts';

export const MIN_TOTAL = 1;
export const MAX_TOTAL = 1_000_000_000;

export type LinkDeps = {
  clock: Clock;
  random: RandomBytes;
  catalog: Catalog;
  links: PaymentLinkStore;
  eventContext: (now: Date) => EventContext;
};

/** A create request after its shape was checked at the edge; field names are the v1.0 ones. */
export type CreateLinkInput = {
  reffNo: string | null;
  title: string;
  description: string | null;
  requiredCustomerDetail: boolean;
  /** v2.0 (SPEC §3.5): either one also makes the page ask for the customer's details. */
  requiredCustomerNumber?: boolean;
  requiredCustomerEmail?: boolean;
  /** Null: unlimited (v2.0 `max_usage: 0`). */
  maxUsage: number | null;
  expiredAt: Date | null;
  totalAmount: number | null;
  items: LineItem[] | null;
  whitelist: string[] | null;
  redirectUrl: string | null;
  /** v2.0: where the customer goes after paying / after expiry, before `redirectUrl`. */
  successRedirectUrl?: string | null;
  expiredRedirectUrl?: string | null;
  callbackUrl: string | null;
  optionalMetadata: Record<string, unknown> | null;
  customer: Customer | null;
  displayName: string | null;
  dialect: Dialect;
  /** v4: SHA-256 of the canonical request, kept to tell a repeat from a clash (SPEC §4). */
  requestFingerprint?: string | null;
};

/** Creates a payment link under every rule of SPEC §3.2. */
export async function createPaymentLink(
  deps: LinkDeps,
  accountId: string,
  input: CreateLinkInput,
): Promise<Result<PaymentLink>> {
  const now = deps.clock();
  const checked = checkRules(deps.catalog, input, now);
  if (!checked.ok) return checked;
  const { total, items, whitelist } = checked.value;

  if (offeredMethods(deps.catalog, whitelist, total).length === 0) {
    return failure(
      'NO_METHOD_FOR_AMOUNT',
      `No allowed payment method accepts an amount of ${total} rupiah.`,
      { total_amount: ['No allowed payment method accepts this amount.'] },
    );
  }

  const publicId = newPublicId(now, deps.random);
  const stored = await deps.links.insert(
    {
      accountId,
      reffNo: input.reffNo ?? publicId,
      publicId,
      dialect: input.dialect,
      title: input.title,
      description: input.description,
      requiredCustomerDetail: Boolean(
        input.requiredCustomerDetail || input.requiredCustomerNumber || input.requiredCustomerEmail,
      ),
      requiredCustomerNumber: input.requiredCustomerNumber ?? false,
      requiredCustomerEmail: input.requiredCustomerEmail ?? false,
      maxUsage: input.maxUsage,
      currentUsage: 0,
      status: 'open',
      expiredAt: input.expiredAt,
      totalAmount: total,
      items,
      whitelistedPaymentMethod: whitelist,
      redirectUrl: input.redirectUrl,
      successRedirectUrl: input.successRedirectUrl ?? null,
      expiredRedirectUrl: input.expiredRedirectUrl ?? null,
      callbackUrl: input.callbackUrl,
      optionalMetadata: input.optionalMetadata,
      customer: input.customer,
      displayName: input.displayName,
      requestFingerprint: input.requestFingerprint ?? null,
      paymentDate: null,
      createdAt: now,
      updatedAt: now,
    },
    // SPEC §3.2: with a customer email, the link is mailed, written together with the link.
    (link, account) => linkCreatedDeliveries(link, account, deps.eventContext(now)),
  );
  if (stored === 'reff_no_taken') {
    return failure(
      'REFF_NO_TAKEN',
      `A payment link with reff_no "${input.reffNo}" already exists.`,
      {
        reff_no: ['This reff_no is already used by another payment link.'],
      },
    );
  }
  return success(stored);
}

type CheckedInput = { total: number; items: LineItem[] | null; whitelist: string[] | null };

function checkRules(catalog: Catalog, input: CreateLinkInput, now: Date): Result<CheckedInput> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
  };

  const items = input.items && input.items.length > 0 ? input.items : null;
  let total = input.totalAmount;
  if (items) {
    const sum = itemsTotal(items);
    if (total === null) total = sum;
    else if (total !== sum) add('total_amount', `Must equal the sum of the items (${sum}).`);
  } else if (total === null) {
    add('total_amount', 'Required when items are not given.');
  }
  if (total !== null && (total < MIN_TOTAL || total > MAX_TOTAL)) {
    add(
      items && input.totalAmount === null ? 'items' : 'total_amount',
      `The total must be between ${MIN_TOTAL} and ${MAX_TOTAL.toLocaleString('en')} rupiah.`,
    );
  }

  if (input.expiredAt !== null && input.expiredAt.getTime() <= now.getTime()) {
    add('expired_at', 'Must be in the future.');
  }

  const whitelist = input.whitelist && input.whitelist.length > 0 ? input.whitelist : null;
  const seen = new Set<string>();
  whitelist?.forEach((code, index) => {
    if (!catalog.find(code))
      add(`whitelisted_payment_method.${index}`, `Unknown payment method "${code}".`);
    else if (seen.has(code))
      add(`whitelisted_payment_method.${index}`, `"${code}" is listed twice.`);
    seen.add(code);
  });

  if (Object.keys(errors).length > 0 || total === null) {
    return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
  }
  return success({ total, items, whitelist });
}
