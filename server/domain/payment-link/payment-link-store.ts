import type { Account } from '../account/account.ts';
import type { NewDelivery } from '../delivery/delivery.ts';
import type { Result } from '../shared/result.ts';
import type { ComputedLinkStatus, PaymentLink } from './payment-link.ts';

export type NewPaymentLink = Omit<PaymentLink, 'id'>;

export type LinkListQuery = {
  status: ComputedLinkStatus | null;
  /** Matches reff_no or title, case-insensitively. */
  search: string | null;
  page: number;
  perPage: number;
  now: Date;
};

/** The fields a merchant may change after creation (SPEC §3.4 PUT/PATCH, §3.5 PUT). */
export type LinkChanges = Partial<
  Pick<
    PaymentLink,
    | 'title'
    | 'description'
    | 'requiredCustomerDetail'
    | 'requiredCustomerNumber'
    | 'requiredCustomerEmail'
    | 'maxUsage'
    | 'expiredAt'
    | 'status'
    | 'whitelistedPaymentMethod'
    | 'redirectUrl'
    | 'successRedirectUrl'
    | 'expiredRedirectUrl'
    | 'optionalMetadata'
    | 'customer'
  >
>;

/** What an update writes, decided from the locked link (see planLinkUpdate). */
export type LinkUpdatePlan = {
  changes: LinkChanges;
  at: Date;
  /** Cancel every pending payment: the link no longer takes money (SPEC §2). */
  cancelPending: boolean;
  /** Bring every pending payment's deadline down to this: none outlives the link (SPEC §2). */
  capPendingAt: Date | null;
};

export type PaymentLinkStore = {
  /** The stored link, or 'reff_no_taken' when the account already has that reference. */
  insert: (
    link: NewPaymentLink,
    /** Callbacks and mails the new link causes, committed with it. */
    followUps?: (stored: PaymentLink, account: Account) => NewDelivery[],
  ) => Promise<PaymentLink | 'reff_no_taken'>;
  findById: (accountId: string, id: number) => Promise<PaymentLink | null>;
  findByPublicId: (publicId: string) => Promise<PaymentLink | null>;
  /** The account's link with this `reff_no` (the v4 `referenceId`). */
  findByReffNo: (accountId: string, reffNo: string) => Promise<PaymentLink | null>;
  /**
   * The account's link whose public id ends in these 32 hex chars: the v4 id is
   * `paymentlink_<tail>` (SPEC §4).
   */
  findByPublicIdTail: (accountId: string, tail: string) => Promise<PaymentLink | null>;
  /** Newest first. */
  list: (
    accountId: string,
    query: LinkListQuery,
  ) => Promise<{ links: PaymentLink[]; total: number }>;
  /**
   * Locks the account's link (`FOR UPDATE`), asks `plan` what to write, and writes it with its
   * effects on pending payments in the same transaction; a failed plan writes nothing.
   */
  update: (
    accountId: string,
    id: number,
    plan: (locked: PaymentLink) => Result<LinkUpdatePlan>,
  ) => Promise<Result<PaymentLink> | 'not_found'>;
  /**
   * Deletes the account's link if it has no payment, checked with the link locked: a payment
   * being started at the same moment either comes first (refused) or finds no link.
   */
  delete: (accountId: string, id: number) => Promise<'deleted' | 'not_found' | 'has_payments'>;
};
