import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentLinks } from './schema.ts';
import {
  type LinkStoreFixture,
  openLinkStoreFixture,
  STORE_NOW as NOW,
} from '../../tests/support/link-store-fixture.ts';
import { testBackends } from '../../tests/support/test-database.ts';

/** The message of an error and of every cause under it (drivers wrap what the server said). */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: any = error; e; e = e.cause) {
    parts.push(String(e.message ?? e), String(e.constraint ?? ''));
  }
  return parts.join(' | ');
}

describe.each(testBackends())('payment-link store: what the database enforces (%s)', (backend) => {
  let f: LinkStoreFixture;
  beforeAll(async () => {
    f = await openLinkStoreFixture(backend);
  });
  afterAll(() => f.close());

  describe('database constraints', () => {
    it('refuses an UPDATE that would take current_usage past max_usage', async () => {
      const accountId = await f.newAccount();
      const link = await f.insertOk(f.newLink(accountId, { maxUsage: 2, currentUsage: 1 }));
      const bump = () =>
        f.database.db
          .update(paymentLinks)
          .set({ currentUsage: sql`${paymentLinks.currentUsage} + 1` })
          .where(eq(paymentLinks.id, link.id));
      await bump();
      const failed = await bump().then(
        () => null,
        (error: unknown) => error,
      );
      expect(errorText(failed)).toContain('payment_links_usage_within_max');
      const lowered = await f.database.db
        .update(paymentLinks)
        .set({ maxUsage: 1 })
        .where(eq(paymentLinks.id, link.id))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(errorText(lowered)).toContain('payment_links_usage_within_max');
      expect(await f.store.findById(accountId, link.id)).toMatchObject({
        currentUsage: 2,
        maxUsage: 2,
      });
    });

    it('refuses an INSERT with current_usage above max_usage, and a status outside open/closed', async () => {
      const accountId = await f.newAccount();
      const over = await f.store
        .insert(f.newLink(accountId, { maxUsage: 1, currentUsage: 2 }))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(errorText(over)).toContain('payment_links_usage_within_max');
      const link = await f.insertOk(f.newLink(accountId));
      const badStatus = await f.database.db
        .update(paymentLinks)
        .set({ status: 'paid' })
        .where(eq(paymentLinks.id, link.id))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(errorText(badStatus)).toContain('payment_links_status');
    });

    // SPEC §3.5: unlimited is max_usage null, so the usage check binds every limited link only.
    it('stores an unlimited link with max_usage null, usage unbounded; refuses 0 and an unknown dialect', async () => {
      const accountId = await f.newAccount();
      const link = await f.insertOk(f.newLink(accountId, { maxUsage: null, currentUsage: 0 }));
      await f.database.db
        .update(paymentLinks)
        .set({ currentUsage: 2_000_000 })
        .where(eq(paymentLinks.id, link.id));
      expect(await f.store.findById(accountId, link.id)).toMatchObject({
        maxUsage: null,
        currentUsage: 2_000_000,
      });
      const refused = async (values: Partial<typeof paymentLinks.$inferInsert>) =>
        errorText(
          await f.database.db
            .update(paymentLinks)
            .set(values)
            .where(eq(paymentLinks.id, link.id))
            .then(
              () => null,
              (e: unknown) => e,
            ),
        );
      expect(await refused({ maxUsage: 0, currentUsage: 0 })).toContain(
        'payment_links_max_usage_positive',
      );
      expect(await refused({ dialect: 'v9' })).toContain('payment_links_dialect');
      expect(await refused({ maxUsage: 5 })).toContain('payment_links_usage_within_max');
    });
  });

  describe('JSON columns are checked on read', () => {
    it.each([
      [
        'items with a string quantity',
        { items: sql`'[{"name":"Kaos","quantity":"1","unitPrice":20000}]'::jsonb` },
      ],
      ['items that are not a list', { items: sql`'{"name":"Kaos"}'::jsonb` }],
      ['a whitelist that is a string', { whitelistedPaymentMethod: sql`'"QRIS"'::jsonb` }],
      ['a whitelist holding a number', { whitelistedPaymentMethod: sql`'[1]'::jsonb` }],
      ['metadata that is a list', { optionalMetadata: sql`'[1, 2]'::jsonb` }],
      ['metadata that is a number', { optionalMetadata: sql`'5'::jsonb` }],
      ['a customer that is a string', { customer: sql`'"Budi"'::jsonb` }],
    ])('fails loudly on %s', async (_label, values) => {
      const accountId = await f.newAccount();
      const link = await f.insertOk(f.newLink(accountId));
      await f.database.db.update(paymentLinks).set(values).where(eq(paymentLinks.id, link.id));
      await expect(f.store.findById(accountId, link.id)).rejects.toThrow();
      await expect(f.store.findByPublicId(link.publicId)).rejects.toThrow();
      await expect(
        f.store.list(accountId, { status: null, search: null, page: 1, perPage: 10, now: NOW }),
      ).rejects.toThrow();
    });
  });
});
