import type { Account } from '../account/account.ts';
import type { NewDelivery } from '../delivery/delivery.ts';
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

export type PaymentLinkStore = {
  /** The stored link, or 'reff_no_taken' when the account already has that reference. */
  insert: (
    link: NewPaymentLink,
    /** Callbacks and mails the new link causes, committed with it. */
    followUps?: (stored: PaymentLink, account: Account) => NewDelivery[],
  ) => Promise<PaymentLink | 'reff_no_taken'>;
  findById: (accountId: string, id: number) => Promise<PaymentLink | null>;
  findByPublicId: (publicId: string) => Promise<PaymentLink | null>;
  /** Newest first. */
  list: (
    accountId: string,
    query: LinkListQuery,
  ) => Promise<{ links: PaymentLink[]; total: number }>;
};
