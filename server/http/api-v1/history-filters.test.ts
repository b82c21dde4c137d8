import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAYMENT_KEYS,
  type PaymentKey,
  type SeededHistories,
  seedHistories,
} from '../../../tests/support/history-fixtures.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

/** Newest id first, as the list answers by default. */
const newestFirst = (keys: PaymentKey[]) =>
  [...keys].sort((a, b) => PAYMENT_KEYS.indexOf(b) - PAYMENT_KEYS.indexOf(a));
const allBut = (...left: PaymentKey[]) => PAYMENT_KEYS.filter((key) => !left.includes(key));

describe.each(testBackends())(
  'GET /api/v1.0/payment-link-histories/{account_id}: filters (SPEC §3.4, %s)',
  (backend) => {
    let t: TestPaylink;
    let h: SeededHistories;
    beforeAll(async () => {
      t = await createTestPaylink({ backend });
      h = await seedHistories(t);
    });
    afterAll(() => t.close());

    const expectListed = async (query: string, expected: PaymentKey[]) => {
      const answer = await h.list(query);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.keys, query).toEqual(newestFirst(expected));
      expect(answer.body.pagination.total).toBe(expected.length);
    };

    it('lists every payment of the account and no other, newest first, without filters', async () => {
      await expectListed('', PAYMENT_KEYS);
    });

    it('filters by link', async () => {
      await expectListed(`payment_link_id=${h.links.second}`, ['p4', 'p5', 'p6']);
      await expectListed(`payment_link_id=${h.links.first}`, ['p1', 'p2', 'p3', 'p7', 'p8']);
    });

    it('filters by status as the list shows it: pending past its deadline is expired', async () => {
      await expectListed('status=pending', ['p1']);
      await expectListed('status=paid', ['p2']);
      await expectListed('status=settled', ['p3', 'p7']);
      await expectListed('status=expired', ['p4', 'p6']);
      await expectListed('status=cancelled', ['p5', 'p8']);
      await expectListed('status=failed', []);
      const shown = await h.list('status=expired');
      expect(shown.body.data.map((p: any) => p.status)).toEqual(['expired', 'expired']);
    });

    it('filters by settlement', async () => {
      await expectListed('has_settle=true', ['p3', 'p7']);
      await expectListed('has_settle=1', ['p3', 'p7']);
      await expectListed('has_settle=false', allBut('p3', 'p7'));
      await expectListed('has_settle=0', allBut('p3', 'p7'));
    });

    it("matches part of the payment's reff_no, in any case, wildcards taken literally", async () => {
      await expectListed(`reff_no=${h.reffNos.p2}`, ['p2']);
      await expectListed('reff_no=p2x', ['p2']);
      await expectListed(`reff_no=${h.reffNos.p1.slice(2, 8).toLowerCase()}`, PAYMENT_KEYS);
      await expectListed('reff_no=%25', []);
      await expectListed('reff_no=P_X', []);
      await expectListed('reff_no=%5C', []);
      await expectListed('reff_no=nothing-like-it', []);
    });

    it('matches part of the method name shown (`VA BRI`), in any case', async () => {
      await expectListed('payment_method_name=VA%20BRI', ['p1', 'p5', 'p7']);
      await expectListed('payment_method_name=va+bri', ['p1', 'p5', 'p7']);
      await expectListed('payment_method_name=qris', ['p3']);
      await expectListed('payment_method_name=mandiri', ['p4']);
      await expectListed('payment_method_name=VA', allBut('p3'));
      // Not in the catalog any more: shown (and found) by its code.
      await expectListed('payment_method_name=oldbank', ['p8']);
      await expectListed('payment_method_name=VA_BRI', []);
      const shown = await h.list('payment_method_name=bri');
      expect(shown.body.data.map((p: any) => p.payment_method_name)).toEqual([
        'VA BRI',
        'VA BRI',
        'VA BRI',
      ]);
    });

    it('matches part of the VA number or QRIS reference', async () => {
      await expectListed('payment_method_value=0005', ['p5']);
      await expectListed(`payment_method_value=${h.values.p6}`, ['p6']);
      await expectListed(`payment_method_value=${h.values.p3.toLowerCase()}`, ['p3']);
      await expectListed(`payment_method_value=${h.values.p1.slice(0, 10)}`, allBut('p3'));
      await expectListed('payment_method_value=%25', []);
    });

    it('filters by exact amount and by an inclusive range', async () => {
      await expectListed('amount=20000', ['p1', 'p4']);
      await expectListed('amount=20000.00', ['p1', 'p4']);
      await expectListed('amount=20000.50', []);
      await expectListed('amount_min=50000', ['p2', 'p3', 'p5', 'p7']);
      await expectListed('amount_max=30000', ['p1', 'p4', 'p6']);
      await expectListed('amount_min=30000&amount_max=50000', ['p2', 'p6', 'p7', 'p8']);
      await expectListed('amount_min=49999.01&amount_max=50000.99', ['p2', 'p7']);
      await expectListed('amount_max=99999999999', PAYMENT_KEYS);
      await expectListed('amount_min=99999999999', []);
    });

    it('filters by creation time; a date is the whole WIB day, bounds inclusive', async () => {
      await expectListed('created_at_from=2026-01-14', ['p5', 'p6', 'p7']);
      await expectListed('created_at_to=2026-01-10', ['p1', 'p8']);
      await expectListed('created_at_from=2026-01-12&created_at_to=2026-01-13', ['p3', 'p4']);
      await expectListed(
        'created_at_from=2026-01-14T09:00:00%2B07:00&created_at_to=2026-01-14T12:00:00%2B07:00',
        ['p5', 'p6'],
      );
      // 2026-01-14T13:00Z is 20:00 WIB: the same instant in UTC.
      await expectListed('created_at_from=2026-01-14T13:00:00Z', ['p7']);
      // An unencoded `+` arrives as a space; it still reads as the offset.
      await expectListed('created_at_from=2026-01-14T20:00:00+07:00', ['p7']);
      await expectListed('created_at_from=2026-01-14T20:00:01%2B07:00', []);
    });

    it('filters by payment and settlement time; a `_to` keeps the whole second it names', async () => {
      await expectListed('payment_date_from=2026-01-12', ['p3', 'p7']);
      // p2 was paid at 09:05:00.400, shown as 09:05:00.
      await expectListed('payment_date_to=2026-01-11T09:05:00%2B07:00', ['p2']);
      await expectListed('payment_date_to=2026-01-11T09:04:59%2B07:00', []);
      await expectListed('processed_timestamp_from=2026-01-14', ['p7']);
      await expectListed('settle_at_from=2026-01-13T02:00:00Z', ['p3', 'p7']);
      await expectListed('settle_at_from=2026-01-13T02:00:01Z', ['p7']);
      await expectListed('settle_at_to=2026-01-14', ['p3']);
    });

    it('combines every filter with AND', async () => {
      await expectListed('payment_method_name=BRI&status=settled', ['p7']);
      await expectListed(`payment_link_id=${h.links.first}&amount_min=40000&has_settle=false`, [
        'p2',
        'p8',
      ]);
      await expectListed('status=paid&has_settle=true', []);
      await expectListed(
        'amount=50000&created_at_from=2026-01-12&payment_method_value=0007&has_settle=true',
        ['p7'],
      );
      await expectListed('payment_date_from=2026-01-12&processed_timestamp_to=2026-01-13', ['p3']);
    });

    it('ignores unknown parameters and treats an empty one as no filter', async () => {
      await expectListed('colour=blue&status=', PAYMENT_KEYS);
      await expectListed('amount=&reff_no=&has_settle=&sort_by=', PAYMENT_KEYS);
      await expectListed('reff_no=%20%20', PAYMENT_KEYS);
    });
  },
);
