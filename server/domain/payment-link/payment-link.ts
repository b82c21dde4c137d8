/** A line on a link; `unitPrice` is negative for a discount line (SPEC §3.2). */
export type LineItem = { name: string; quantity: number; unitPrice: number };

export type Customer = { name: string | null; email: string | null; phone: string | null };

export const LINK_STATUSES = ['open', 'closed'] as const;
/** Stored status (SPEC §2). */
export type LinkStatus = (typeof LINK_STATUSES)[number];
/** Derived at read time (SPEC §2). */
export const COMPUTED_LINK_STATUSES = [...LINK_STATUSES, 'expired'] as const;
export type ComputedLinkStatus = (typeof COMPUTED_LINK_STATUSES)[number];

export type Dialect = 'v1' | 'v4';

export type PaymentLink = {
  id: number;
  accountId: string;
  reffNo: string;
  publicId: string;
  dialect: Dialect;
  title: string;
  description: string | null;
  requiredCustomerDetail: boolean;
  maxUsage: number;
  currentUsage: number;
  status: LinkStatus;
  expiredAt: Date | null;
  /** Whole rupiah. */
  totalAmount: number;
  items: LineItem[] | null;
  whitelistedPaymentMethod: string[] | null;
  redirectUrl: string | null;
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
  if (link.status === 'closed' || link.currentUsage >= link.maxUsage) return 'closed';
  return 'open';
}

/** Σ quantity × unit price, in whole rupiah. */
export function itemsTotal(items: readonly LineItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}
