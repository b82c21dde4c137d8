import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PaymentKey,
  type SeededHistories,
  seedHistories,
} from '../../../tests/support/history-fixtures.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

/** `'p2 p1'` → `['p2', 'p1']`. */
const keys = (text: string) => text.split(' ').filter(Boolean) as PaymentKey[];

describe.each(testBackends())(
  'GET /api/v1.0/payment-link-histories/{account_id}: sort and pages (SPEC §3.4, %s)',
  (backend) => {
    let t: TestPaylink;
    let h: SeededHistories;
    beforeAll(async () => {
      t = await createTestPaylink({ backend });
      h = await seedHistories(t);
    });
    afterAll(() => t.close());

    const expectOrder = async (query: string, expected: string) => {
      const answer = await h.list(query);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.keys, query).toEqual(keys(expected));
    };

    it('sorts by id, newest first unless asked otherwise', async () => {
      await expectOrder('', 'p8 p7 p6 p5 p4 p3 p2 p1');
      await expectOrder('sort_by=id&sort_order=desc', 'p8 p7 p6 p5 p4 p3 p2 p1');
      await expectOrder('sort_order=asc', 'p1 p2 p3 p4 p5 p6 p7 p8');
    });

    it('sorts by creation time, which need not follow the id', async () => {
      await expectOrder('sort_by=created_at&sort_order=asc', 'p8 p1 p2 p3 p4 p5 p6 p7');
      await expectOrder('sort_by=created_at', 'p7 p6 p5 p4 p3 p2 p1 p8');
    });

    it('sorts by amount, equal amounts by id in the same direction', async () => {
      await expectOrder('sort_by=amount&sort_order=asc', 'p1 p4 p6 p8 p2 p7 p3 p5');
      await expectOrder('sort_by=amount&sort_order=desc', 'p5 p3 p7 p2 p8 p6 p4 p1');
    });

    it('sorts by payment date with the never-paid last, whichever the direction', async () => {
      await expectOrder('sort_by=payment_date', 'p7 p3 p2 p8 p6 p5 p4 p1');
      await expectOrder('sort_by=payment_date&sort_order=asc', 'p2 p3 p7 p1 p4 p5 p6 p8');
    });

    it('pages through a sorted, filtered list without losing or repeating a payment', async () => {
      const pages: PaymentKey[][] = [];
      for (const page of [1, 2, 3, 4]) {
        const answer = await h.list(
          `sort_by=payment_date&sort_order=asc&has_settle=false&per_page=2&page=${page}`,
        );
        expect(answer.body.pagination).toEqual({
          total: 6,
          count: page === 4 ? 0 : 2,
          per_page: 2,
          current_page: page,
          total_pages: 3,
        });
        pages.push(answer.keys);
      }
      expect(pages).toEqual([keys('p2 p1'), keys('p4 p5'), keys('p6 p8'), []]);
    });
  },
);
