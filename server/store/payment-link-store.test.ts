import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLinkStatus, type PaymentLink } from '../domain/payment-link/payment-link.ts';
import { newPublicId } from '../domain/shared/ids.ts';
import {
  type LinkStoreFixture,
  openLinkStoreFixture,
  STORE_NOW as NOW,
} from '../../tests/support/link-store-fixture.ts';
import { testBackends } from '../../tests/support/test-database.ts';

const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe.each(testBackends())('payment-link store (%s)', (backend) => {
  let f: LinkStoreFixture;
  beforeAll(async () => {
    f = await openLinkStoreFixture(backend);
  });
  afterAll(() => f.close());

  describe('insert and find', () => {
    it('keeps every field, and finds the link by id and by public id', async () => {
      const accountId = await f.newAccount();
      const full = f.newLink(accountId, {
        reffNo: 'INV-1',
        dialect: 'v4',
        title: 'Kaos 👕',
        description: 'Ukuran L',
        requiredCustomerDetail: true,
        maxUsage: 10,
        currentUsage: 3,
        status: 'closed',
        expiredAt: at(86_400_000),
        totalAmount: 90_000,
        items: [
          { name: 'Kaos', quantity: 2, unitPrice: 50_000 },
          { name: 'Diskon', quantity: 1, unitPrice: -10_000 },
        ],
        whitelistedPaymentMethod: ['VA_BRI', 'QRIS'],
        redirectUrl: 'https://merchant.example/thanks',
        callbackUrl: 'https://merchant.example/hook',
        optionalMetadata: { order: 'A-1', nested: { list: [1, 'two', null], ok: true } },
        customer: { name: 'Budi', email: 'budi@example.com', phone: '+6281234567890' },
        paymentDate: at(1_234),
        updatedAt: at(5_678),
      });
      const stored = await f.insertOk(full);
      expect(stored).toEqual({ ...full, id: expect.any(Number) });
      expect(await f.store.findById(accountId, stored.id)).toEqual(stored);
      expect(await f.store.findByPublicId(full.publicId)).toEqual(stored);
    });

    it('finds nothing under another account, for an unknown id or an unknown public id', async () => {
      const accountId = await f.newAccount();
      const otherId = await f.newAccount();
      const stored = await f.insertOk(f.newLink(accountId));
      expect(await f.store.findById(otherId, stored.id)).toBeNull();
      expect(await f.store.findById(accountId, 2_147_483_647)).toBeNull();
      expect(await f.store.findByPublicId(newPublicId(NOW, randomBytes))).toBeNull();
    });

    it('keeps reff_no unique per account, not across accounts', async () => {
      const accountId = await f.newAccount();
      const otherId = await f.newAccount();
      const first = await f.insertOk(f.newLink(accountId, { reffNo: 'ORDER-1', title: 'First' }));
      expect(
        await f.store.insert(f.newLink(accountId, { reffNo: 'ORDER-1', title: 'Second' })),
      ).toBe('reff_no_taken');
      expect(await f.store.findById(accountId, first.id)).toMatchObject({ title: 'First' });
      expect((await f.listIds(accountId)).total).toBe(1);
      expect(await f.store.insert(f.newLink(otherId, { reffNo: 'ORDER-1' }))).toMatchObject({
        reffNo: 'ORDER-1',
      });
    });
  });

  it('lets exactly one of several concurrent inserts take a reff_no', async () => {
    const accountId = await f.newAccount();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        f.store.insert(f.newLink(accountId, { reffNo: 'RACE-1', title: `Racer ${i}` })),
      ),
    );
    expect(results.filter((result) => result === 'reff_no_taken')).toHaveLength(7);
    expect((await f.listIds(accountId)).total).toBe(1);
  });

  describe('list', () => {
    it('filters in SQL exactly as computeLinkStatus says, expired_at equal to now included', async () => {
      const accountId = await f.newAccount();
      const links: PaymentLink[] = [];
      for (const status of ['open', 'closed'] as const) {
        for (const currentUsage of [0, 1, 2]) {
          for (const expiredAt of [null, at(-60_000), at(-1), at(0), at(1), at(60_000)]) {
            links.push(
              await f.insertOk(
                f.newLink(accountId, { status, maxUsage: 2, currentUsage, expiredAt }),
              ),
            );
          }
        }
      }
      let sum = 0;
      for (const status of ['open', 'closed', 'expired'] as const) {
        const expected = links
          .filter((link) => computeLinkStatus(link, NOW) === status)
          .map((link) => link.id);
        const { ids, total } = await f.listIds(accountId, { status });
        expect(ids.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        expect(total).toBe(expected.length);
        expect(expected.length).toBeGreaterThan(0);
        sum += total;
      }
      expect(sum).toBe(links.length);
    });

    it('lists newest first and pages with a total', async () => {
      const accountId = await f.newAccount();
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await f.insertOk(f.newLink(accountId))).id);
      const newestFirst = [...ids].reverse();
      expect(await f.listIds(accountId, { perPage: 2, page: 1 })).toEqual({
        ids: newestFirst.slice(0, 2),
        total: 5,
      });
      expect(await f.listIds(accountId, { perPage: 2, page: 3 })).toEqual({
        ids: newestFirst.slice(4),
        total: 5,
      });
      expect(await f.listIds(accountId, { perPage: 2, page: 4 })).toEqual({ ids: [], total: 5 });
    });

    it('searches reff_no and title case-insensitively, with %, _ and \\ taken literally', async () => {
      const accountId = await f.newAccount();
      const titled = async (title: string, reffNo?: string) =>
        (await f.insertOk(f.newLink(accountId, { title, ...(reffNo ? { reffNo } : {}) }))).id;
      const percent = await titled('Diskon 50%');
      await titled('Diskon 500');
      const underscore = await titled('snake_case');
      await titled('snakeXcase');
      const backslash = await titled('back\\slash');
      await titled('backslash');
      const byReff = await titled('Topi', 'INV-Topi_7');
      const found = async (search: string) =>
        (await f.listIds(accountId, { search })).ids.sort((a, b) => a - b);
      expect(await found('50%')).toEqual([percent]);
      expect(await found('%')).toEqual([percent]);
      expect(await found('E_C')).toEqual([underscore]);
      expect(await found('_')).toEqual([underscore, byReff].sort((a, b) => a - b));
      expect(await found('\\')).toEqual([backslash]);
      expect(await found('inv-topi')).toEqual([byReff]);
      expect(await found('k\\s')).toEqual([backslash]);
    });
  });
});
