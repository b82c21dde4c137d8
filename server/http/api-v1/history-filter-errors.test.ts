import { afterAll, beforeAll, describe, it } from 'vitest';
import { type SeededHistories, seedHistories } from '../../../tests/support/history-fixtures.ts';
import { expectInvalid } from '../../../tests/support/link-api.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

/** Each query names exactly these parameters in its 422: a filter is never silently dropped. */
const REFUSED: [query: string, ...names: string[]][] = [
  ['payment_link_id=first', 'payment_link_id'],
  ['status=done', 'status'],
  ['status=PAID', 'status'],
  ['has_settle=yes', 'has_settle'],
  ['amount=abc', 'amount'],
  ['amount=1.234', 'amount'],
  ['amount_min=-5', 'amount_min'],
  ['amount_max=1e5', 'amount_max'],
  ['amount_min=60000&amount_max=50000', 'amount_max'],
  ['created_at_from=yesterday', 'created_at_from'],
  ['created_at_to=1760000000000', 'created_at_to'],
  ['payment_date_from=2026-02-30', 'payment_date_from'],
  ['payment_date_to=2026-01-15T24:00:00%2B07:00', 'payment_date_to'],
  ['processed_timestamp_from=15-01-2026', 'processed_timestamp_from'],
  ['settle_at_from=2026-01-15T10:00:00%2B25:00', 'settle_at_from'],
  ['settle_at_to=2026-13-01', 'settle_at_to'],
  ['created_at_from=2026-01-15&created_at_to=2026-01-14', 'created_at_to'],
  ['settle_at_from=2026-01-15T10:00:00Z&settle_at_to=2026-01-15T09:59:59Z', 'settle_at_to'],
  ['sort_by=title', 'sort_by'],
  ['sort_by=amount&sort_order=up', 'sort_order'],
  [`reff_no=${'x'.repeat(101)}`, 'reff_no'],
  ['payment_method_value=%00', 'payment_method_value'],
  ['status=paid&status=settled', 'status'],
  ['page=0&per_page=500', 'page', 'per_page'],
  ['amount=abc&has_settle=maybe&sort_by=title', 'amount', 'has_settle', 'sort_by'],
];

describe.each(testBackends())(
  'GET /api/v1.0/payment-link-histories/{account_id}: refused filters (SPEC §3.4, %s)',
  (backend) => {
    let t: TestPaylink;
    let h: SeededHistories;
    beforeAll(async () => {
      t = await createTestPaylink({ backend });
      h = await seedHistories(t);
    });
    afterAll(() => t.close());

    it.each(REFUSED)('%s is a 422 naming it', async (query, ...names) => {
      expectInvalid(await h.list(query), ...names);
    });
  },
);
