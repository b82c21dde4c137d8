/** A line on a link; `unitPrice` is negative for a discount line (SPEC §3.2). */
export type LineItem = { name: string; quantity: number; unitPrice: number };

export type Customer = { name: string | null; email: string | null; phone: string | null };

export const LINK_STATUSES = ['open', 'closed'] as const;
/** Stored status (SPEC §2). */
export type LinkStatus = (typeof LINK_STATUSES)[number];
/** Derived at read time (SPEC §2). */
export const COMPUTED_LINK_STATUSES = [...LINK_STATUSES, 'expired'] as const;
export type ComputedLinkStatus = (typeof COMPUTED_LINK_STATUSES)[number];

/** The API that created a link (its `source`, SPEC §3.5); v1 and v2 links get v1.0 callbacks. */
export type Dialect = 'v1' | 'v2' | 'v4';

export type PaymentLink = {
  id: number;
  accountId: string;
  reffNo: string;
  publicId: string;
  dialect: Dialect;
  title: string;
  description: string | null;
  /** The page asks for name, email and phone (SPEC §7). */
  requiredCustomerDetail: boolean;
  /** v2.0's asks (SPEC §3.5): either one being true also sets `requiredCustomerDetail`. */
  requiredCustomerNumber: boolean;
  requiredCustomerEmail: boolean;
  /** Null: unlimited, never closed by usage (v2.0 `max_usage: 0`, SPEC §3.5). */
  maxUsage: number | null;
  currentUsage: number;
  status: LinkStatus;
  expiredAt: Date | null;
  /** Whole rupiah. */
  totalAmount: number;
  items: LineItem[] | null;
  whitelistedPaymentMethod: string[] | null;
  redirectUrl: string | null;
  /** Where the customer goes after paying / after expiry; `redirectUrl` is the fallback. */
  successRedirectUrl: string | null;
  expiredRedirectUrl: string | null;
  callbackUrl: string | null;
  optionalMetadata: Record<string, unknown> | null;
  customer: Customer | null;
  /** The name the customer sees instead of the account's (v4 `displayName`), and on the VA. */
  displayName: string | null;
  /**
   * SHA-256 of the canonical create request, for v4 links only: `referenceId` is their
   * idempotency key, and a repeat must carry the same body (SPEC §4).
   */
  requestFingerprint: string | null;
  /** Time of the last paid payment. */
  paymentDate: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * SPEC §2, in this order: expired when `expired_at` is set and not in the future; closed when
 * closed by the merchant or used up; else open.
 */
export function computeLinkStatus(link: PaymentLink, now: Date): ComputedLinkStatus {
  if (link.expiredAt !== null && link.expiredAt.getTime() <= now.getTime()) return 'expired';
  if (link.status === 'closed' || isUsedUp(link)) return 'closed';
  return 'open';
}

/** Every use is counted: `current_usage` reached `max_usage`. Never for an unlimited link. */
export function isUsedUp(link: Pick<PaymentLink, 'currentUsage' | 'maxUsage'>): boolean {
  return link.maxUsage !== null && link.currentUsage >= link.maxUsage;
}

/** Where the customer is sent back to after `outcome` (SPEC §3.5, §7), or null for nowhere. */
export function returnUrlFor(
  link: Pick<PaymentLink, 'redirectUrl' | 'successRedirectUrl' | 'expiredRedirectUrl'>,
  outcome: 'paid' | 'expired',
): string | null {
  const specific = outcome === 'paid' ? link.successRedirectUrl : link.expiredRedirectUrl;
  return specific ?? link.redirectUrl;
}

/** Σ quantity × unit price, in whole rupiah. */
export function itemsTotal(items: readonly LineItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}
