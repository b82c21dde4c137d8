import type { ChangeFeed } from '../changes/change-feed.ts';
import type { AccountStore } from '../domain/account/account.ts';
import type { PaymentStore, PaymentTx } from '../domain/payment/payment-store.ts';
import type { PaymentLinkStore } from '../domain/payment-link/payment-link-store.ts';
import { createAccountStore } from '../store/account-store.ts';
import type { Db } from '../store/database.ts';
import { createPaymentLinkStore } from '../store/payment-link-store.ts';
import { createPaymentStore } from '../store/payment-store.ts';
import { createReadThroughCache } from './read-through-cache.ts';

type Stores = { links: PaymentLinkStore; payments: PaymentStore; accounts: AccountStore };

/** Bounds of the row cache: a few MB at most (a link row is well under 2 KB). */
const MAX_CACHED_ROWS = 20_000;

/** The link, payment and account stores of `db`, as the app uses them (see below). */
export function createCachedStores(db: Db, feed: ChangeFeed): Stores {
  return withCacheAndChanges(
    {
      accounts: createAccountStore(db),
      links: createPaymentLinkStore(db),
      payments: createPaymentStore(db),
    },
    feed,
  );
}

/**
 * The stores as the app uses them (docs/decisions/009): the hot reads (a link by public id
 * or id, a payment by reference, an account) come from a read-through cache, and every write
 * announces the links it touched on the change feed right after it commits, so this process
 * never reads its own writes stale. Other processes learn of them by NOTIFY.
 */
export function withCacheAndChanges(stores: Stores, feed: ChangeFeed): Stores {
  const cache = createReadThroughCache(feed, { maxEntries: MAX_CACHED_ROWS });
  const announce = (linkIds: Iterable<number>) => {
    for (const linkId of new Set(linkIds)) feed.publish({ kind: 'link', linkId });
  };
  const linkTag = (link: { id: number }) => ({ linkId: link.id });

  const links: PaymentLinkStore = {
    ...stores.links,
    findByPublicId: (publicId) =>
      cache.read(`link:p:${publicId}`, () => stores.links.findByPublicId(publicId), linkTag),
    findById: (accountId, id) =>
      cache.read(`link:i:${accountId}:${id}`, () => stores.links.findById(accountId, id), linkTag),
    async insert(link, followUps) {
      const stored = await stores.links.insert(link, followUps);
      if (stored !== 'reff_no_taken') announce([stored.id]);
      return stored;
    },
    async update(accountId, id, plan) {
      try {
        return await stores.links.update(accountId, id, plan);
      } finally {
        announce([id]);
      }
    },
    async delete(accountId, id) {
      try {
        return await stores.links.delete(accountId, id);
      } finally {
        announce([id]);
      }
    },
  };

  const payments: PaymentStore = {
    ...stores.payments,
    findByReffNo: (reffNo) =>
      cache.read(
        `payment:r:${reffNo}`,
        () => stores.payments.findByReffNo(reffNo),
        (payment) => ({
          linkId: payment.linkId,
        }),
      ),
    async insertPending(payment, options) {
      try {
        return await stores.payments.insertPending(payment, options);
      } finally {
        announce([payment.linkId]);
      }
    },
    async transaction(work) {
      const touched = new Set<number>();
      try {
        return await stores.payments.transaction((tx) => work(recordingTouchedLinks(tx, touched)));
      } finally {
        announce(touched);
      }
    },
  };

  const accountTag = (account: { id: string }) => ({ accountId: account.id });
  const accounts: AccountStore = {
    ...stores.accounts,
    findById: (id) => cache.read(`account:${id}`, () => stores.accounts.findById(id), accountTag),
    findCredentialsById: (id) =>
      cache.read(`account:c:${id}`, () => stores.accounts.findCredentialsById(id), accountTag),
    // The account's rows and every page showing it are dropped here at once; other processes
    // hear of it from the accounts trigger (migration 0006).
    async update(id, changes, at) {
      try {
        return await stores.accounts.update(id, changes, at);
      } finally {
        feed.publish({ kind: 'account', accountId: id });
      }
    },
  };

  return { links, payments, accounts };
}

/** The same transaction, noting every link whose row or payments it may write. */
function recordingTouchedLinks(tx: PaymentTx, touched: Set<number>): PaymentTx {
  return {
    ...tx,
    async lockLink(linkId) {
      touched.add(linkId);
      return tx.lockLink(linkId);
    },
    async lockPayment(paymentId) {
      const payment = await tx.lockPayment(paymentId);
      if (payment) touched.add(payment.linkId);
      return payment;
    },
    async lockPaymentAndLink(paymentId) {
      const locked = await tx.lockPaymentAndLink(paymentId);
      if (locked) touched.add(locked.link.id);
      return locked;
    },
    async setPaymentStatus(paymentId, status, at) {
      const payment = await tx.setPaymentStatus(paymentId, status, at);
      touched.add(payment.linkId);
      return payment;
    },
    async recordLinkUse(linkId, paidAt) {
      touched.add(linkId);
      return tx.recordLinkUse(linkId, paidAt);
    },
    async cancelOtherPending(linkId, exceptPaymentId, at) {
      touched.add(linkId);
      return tx.cancelOtherPending(linkId, exceptPaymentId, at);
    },
  };
}
