import type { Deps } from '../deps.ts';
import { computeLinkStatus, type ComputedLinkStatus } from '../domain/payment-link/payment-link.ts';
import { isPublicId } from '../domain/shared/ids.ts';
import { toRupiahLabel } from '../domain/shared/money.ts';

/** What the checkout page renders for one link: display data only, nothing secret. */
export type CheckoutView = {
  publicId: string;
  merchantName: string;
  title: string;
  description: string | null;
  totalLabel: string;
  status: ComputedLinkStatus;
};

export type CheckoutReader = {
  /** The view of a link by its public id; null for anything unknown (the page shows a 404). */
  findByPublicId: (publicId: string) => Promise<CheckoutView | null>;
};

export function createCheckoutReader(deps: Deps): CheckoutReader {
  return {
    async findByPublicId(publicId) {
      if (!isPublicId(publicId)) return null;
      const link = await deps.links.findByPublicId(publicId);
      if (!link) return null;
      const account = await deps.accounts.findById(link.accountId);
      if (!account) return null;
      return {
        publicId,
        merchantName: account.name,
        title: link.title,
        description: link.description,
        totalLabel: toRupiahLabel(link.totalAmount),
        status: computeLinkStatus(link, deps.clock()),
      };
    },
  };
}
