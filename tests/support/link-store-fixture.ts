import { randomBytes, randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type {
  LinkListQuery,
  NewPaymentLink,
  PaymentLinkStore,
} from '../../server/domain/payment-link/payment-link-store.ts';
import type { PaymentLink } from '../../server/domain/payment-link/payment-link.ts';
import { newPublicId } from '../../server/domain/shared/ids.ts';
import { aLink } from './payment-fixtures.ts';
import type { Database } from '../../server/store/database.ts';
import { createPaymentLinkStore } from '../../server/store/payment-link-store.ts';
import { accounts, paymentLinks } from '../../server/store/schema.ts';
import { type Backend, openTestDatabase } from './test-database.ts';

/** The instant store tests treat as now. */
export const STORE_NOW = new Date('2026-01-15T03:00:00.000Z');

export type LinkStoreFixture = {
  database: Database;
  store: PaymentLinkStore;
  /** Inserts a bare account row and answers its id; removed again by close(). */
  newAccount: () => Promise<string>;
  /** A valid link row for this account, with these fields replaced. */
  newLink: (accountId: string, overrides?: Partial<NewPaymentLink>) => NewPaymentLink;
  insertOk: (link: NewPaymentLink) => Promise<PaymentLink>;
  listIds: (
    accountId: string,
    query?: Partial<LinkListQuery>,
  ) => Promise<{ ids: number[]; total: number }>;
  close: () => Promise<void>;
};

/** A payment-link store over a real database, with accounts it creates and cleans up. */
export async function openLinkStoreFixture(backend: Backend): Promise<LinkStoreFixture> {
  const database = await openTestDatabase(backend);
  const store = createPaymentLinkStore(database.db);
  const accountIds: string[] = [];

  const newAccount = async () => {
    const id = `acct_${randomUUID()}`;
    await database.db.insert(accounts).values({
      id,
      name: 'Toko Uji',
      apiKeyHash: randomUUID(),
      clientId: randomUUID(),
      clientSecretSealed: 'sealed',
      webhookSecretSealed: 'sealed',
      createdAt: STORE_NOW,
      updatedAt: STORE_NOW,
    });
    accountIds.push(id);
    return id;
  };

  const newLink = (accountId: string, overrides: Partial<NewPaymentLink> = {}): NewPaymentLink => {
    const publicId = newPublicId(STORE_NOW, randomBytes);
    const { id: _id, ...stored } = aLink({
      accountId,
      reffNo: publicId,
      publicId,
      maxUsage: 1,
      currentUsage: 0,
      createdAt: STORE_NOW,
      updatedAt: STORE_NOW,
    });
    return { ...stored, ...overrides };
  };

  const insertOk = async (link: NewPaymentLink) => {
    const stored = await store.insert(link);
    if (stored === 'reff_no_taken') throw new Error('unexpected reff_no_taken');
    return stored;
  };

  const listIds = async (accountId: string, query: Partial<LinkListQuery> = {}) => {
    const base = { status: null, search: null, page: 1, perPage: 100, now: STORE_NOW };
    const { links, total } = await store.list(accountId, { ...base, ...query });
    return { ids: links.map((link) => link.id), total };
  };

  const close = async () => {
    // The PostgreSQL test database is shared between runs: leave it as found.
    if (accountIds.length > 0) {
      await database.db.delete(paymentLinks).where(inArray(paymentLinks.accountId, accountIds));
      await database.db.delete(accounts).where(inArray(accounts.id, accountIds));
    }
    await database.close();
  };

  return { database, store, newAccount, newLink, insertOk, listIds, close };
}
