import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAYMENT_SORT_KEYS,
  type PaymentListQuery,
  paymentListQuery,
  SORT_ORDERS,
} from '../domain/payment/payment-list-query.ts';
import { openTestDatabase, testBackends } from '../../tests/support/test-database.ts';
import { type Database, type Db, rowsOf } from './database.ts';
import { paymentListConditions, paymentListStatements } from './payment-list-sql.ts';

const NOW = new Date('2026-01-15T03:00:00Z');

/** Which index walks each sort, forwards or backwards (schema.ts, migration 0008). */
const SORT_INDEX = {
  id: 'payments_account',
  created_at: 'payments_account_created_at',
  amount: 'payments_account_amount',
  payment_date: { asc: 'payments_account_paid_at', desc: 'payments_account_paid_at_desc' },
} as const;

describe.each(testBackends())('histories indexes (docs/decisions/017, %s)', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  /** The plan of a statement once PostgreSQL may neither scan the whole table nor sort. */
  const plan = (statement: (tx: Db) => SQL) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const result = await tx.execute(sql`explain (costs off) ${statement(tx as never)}`);
      return rowsOf<{ 'QUERY PLAN': string }>(result)
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    });
  const pageOf = (query: PaymentListQuery) => (tx: Db) =>
    paymentListStatements(tx, 'an-account', query).page.getSQL();
  /** The query's own filter alone (the last condition, after the account's). */
  const filterOf = (query: PaymentListQuery) => () =>
    sql`select id from payments where ${paymentListConditions('an-account', query).at(-1)}`;

  it.each(PAYMENT_SORT_KEYS.flatMap((key) => SORT_ORDERS.map((order) => [key, order] as const)))(
    'reads a page sorted by %s %s from an index, without sorting',
    async (sortBy, sortOrder) => {
      const planned = await plan(pageOf(paymentListQuery(NOW, { sortBy, sortOrder })));
      const index = SORT_INDEX[sortBy];
      expect(planned).toContain(typeof index === 'string' ? index : index[sortOrder]);
      expect(planned).not.toMatch(/Sort/);
    },
  );

  it('finds part of a reff_no or VA number through a trigram index, where pg_trgm exists', async () => {
    const installed = rowsOf(
      await database.db.execute(sql`select 1 from pg_extension where extname = 'pg_trgm'`),
    );
    // PGlite always loads it (pglite-settings.ts); a PostgreSQL server may lack it (0008).
    if (backend === 'pglite') expect(installed).toHaveLength(1);
    if (installed.length === 0) return;
    const byReffNo = filterOf(paymentListQuery(NOW, { reffNo: 'k3m9_%' }));
    expect(await plan(byReffNo)).toContain('Bitmap Index Scan on payments_reff_no_trigrams');
    const byValue = filterOf(paymentListQuery(NOW, { methodValue: '0005' }));
    expect(await plan(byValue)).toContain('Bitmap Index Scan on payments_method_value_trigrams');
  });
});
