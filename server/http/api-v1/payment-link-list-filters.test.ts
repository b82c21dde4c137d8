import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentLinks } from '../../store/schema.ts';
import {
  createLinkOk,
  expectFailure,
  HOUR_MS,
  refreshToken,
  START,
} from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

describe.each(testBackends())(
  'GET /api/v1.0/payment-link-manage/{account_id}: filters (SPEC §3.4, %s)',
  (backend) => {
    let t: TestPaylink;
    beforeAll(async () => {
      t = await createTestPaylink({ backend });
    });
    afterAll(() => t.close());

    const list = (merchant: Merchant, query = '') =>
      callApi(t, merchant, 'GET', `${linksPath(merchant)}${query}`);
    const titles = (answer: { body: any }) => answer.body.data.map((link: any) => link.title);

    describe('status filter on status_computed', () => {
      let merchant: Merchant;
      const ids: Record<string, number> = {};
      beforeAll(async () => {
        t.clock.set(START);
        merchant = await createMerchant(t);
        const inAnHour = START.getTime() + HOUR_MS;
        const make = async (
          title: string,
          body: object,
          stored: Partial<typeof paymentLinks.$inferInsert> = {},
        ) => {
          ids[title] = (await createLinkOk(t, merchant, { title, ...body })).id;
          if (Object.keys(stored).length > 0)
            await t.db
              .update(paymentLinks)
              .set(stored)
              .where(eq(paymentLinks.id, ids[title] ?? 0));
        };
        await make('open', {});
        await make('open, expires', { expired_at: inAnHour });
        await make('closed', { max_usage: 5 }, { status: 'closed' });
        await make('used up', { max_usage: 2 }, { currentUsage: 2 });
        await make('closed, expires', { expired_at: inAnHour }, { status: 'closed' });
        await make('used up, expires', { expired_at: inAnHour }, { currentUsage: 1 });
      });

      const filtered = async (status: string) => {
        const answer = await list(merchant, `?status=${status}&per_page=100`);
        expect(answer.status).toBe(200);
        for (const link of answer.body.data) expect(link.status_computed).toBe(status);
        expect(answer.body.pagination.total).toBe(answer.body.data.length);
        return titles(answer).sort();
      };

      it('filters by what status_computed says now, and moves with the clock', async () => {
        t.clock.set(START);
        await refreshToken(t, merchant);
        expect(await filtered('open')).toEqual(['open', 'open, expires']);
        expect(await filtered('closed')).toEqual([
          'closed',
          'closed, expires',
          'used up',
          'used up, expires',
        ]);
        expect(await filtered('expired')).toEqual([]);

        t.clock.set(new Date(START.getTime() + HOUR_MS));
        await refreshToken(t, merchant);
        expect(await filtered('open')).toEqual(['open']);
        expect(await filtered('closed')).toEqual(['closed', 'used up']);
        expect(await filtered('expired')).toEqual([
          'closed, expires',
          'open, expires',
          'used up, expires',
        ]);
        expect((await list(merchant)).body.pagination.total).toBe(6);
        t.clock.set(START);
      });

      it('combines with search', async () => {
        await refreshToken(t, merchant);
        const answer = await list(merchant, '?status=closed&search=EXPIRES');
        expect(titles(answer).sort()).toEqual(['closed, expires', 'used up, expires']);
      });
    });

    describe('search on reff_no or title', () => {
      let merchant: Merchant;
      beforeAll(async () => {
        t.clock.set(START);
        merchant = await createMerchant(t);
        for (const [title, reff_no] of [
          ['Kaos Merah', 'INV-ABC-1'],
          ['kaos biru', null],
          ['Diskon 50%', null],
          ['Diskon 500', null],
          ['snake_case', null],
          ['snakeXcase', null],
          ['back\\slash', null],
          ['Topi', 'ORDER_9'],
        ] as const) {
          await createLinkOk(t, merchant, { title, reff_no });
        }
        const other = await createMerchant(t);
        await createLinkOk(t, other, { title: 'Kaos Hijau', reff_no: 'INV-ABC-2' });
      });

      it.each([
        ['KAOS', ['Kaos Merah', 'kaos biru']],
        ['inv-abc', ['Kaos Merah']],
        ['50%', ['Diskon 50%']],
        ['%', ['Diskon 50%']],
        ['_', ['Topi', 'snake_case']],
        ['e_c', ['snake_case']],
        ['\\', ['back\\slash']],
        ['  topi  ', ['Topi']],
        ['tidak ada', []],
      ])('search=%s finds %j', async (search, expected) => {
        const answer = await list(merchant, `?search=${encodeURIComponent(search)}&per_page=100`);
        expect(answer.status).toBe(200);
        expect(titles(answer).sort()).toEqual([...expected].sort());
        expect(answer.body.pagination.total).toBe(expected.length);
      });

      it('lists every link of the account for an empty search', async () => {
        expect((await list(merchant, '?search=')).body.pagination.total).toBe(8);
      });
    });

    describe('tenant isolation', () => {
      it("never lists another account's links, whatever the filter", async () => {
        t.clock.set(START);
        const mine = await createMerchant(t);
        const theirs = await createMerchant(t);
        await createLinkOk(t, theirs, { title: 'Rahasia', reff_no: 'SECRET-1' });
        await createLinkOk(t, mine, { title: 'Punyaku' });
        for (const query of [
          '',
          '?search=Rahasia',
          '?search=SECRET',
          '?status=open',
          '?per_page=100',
        ]) {
          const answer = await list(mine, query);
          expect(JSON.stringify(answer.body)).not.toContain('SECRET-1');
          expect(titles(answer).every((title: string) => title === 'Punyaku')).toBe(true);
        }
        expect((await list(mine)).body.pagination.total).toBe(1);
      });

      it("answers 403 for another account's list", async () => {
        const mine = await createMerchant(t);
        const theirs = await createMerchant(t);
        expectFailure(await callApi(t, mine, 'GET', linksPath(theirs)), 403, 'ACCOUNT_MISMATCH');
      });
    });
  },
);
