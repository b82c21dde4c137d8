import { eq, gt, gte, ilike, inArray, lt, lte, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type {
  InstantRange,
  MethodNameMatch,
  PaymentListQuery,
  PaymentStatusFilter,
} from '../domain/payment/payment-list-query.ts';
import { containsPattern } from './like-pattern.ts';
import { payments } from './schema.ts';

const NOTHING = sql`false`;

/** effectivePaymentStatus as SQL: a pending payment past its deadline reads as expired. */
function statusIs(status: PaymentStatusFilter, now: Date): SQL {
  const pending = eq(payments.status, 'pending');
  if (status === 'failed') return NOTHING;
  if (status === 'pending') return sql`(${pending} and ${gt(payments.expiresAt, now)})`;
  if (status === 'expired')
    return sql`(${eq(payments.status, 'expired')} or (${pending} and ${lte(payments.expiresAt, now)}))`;
  return eq(payments.status, status);
}

/** See MethodNameMatch: the codes named so, or an uncatalogued code containing the term. */
function methodNamed(match: MethodNameMatch): SQL {
  const named =
    match.namedCodes.length > 0 ? inArray(payments.methodCode, [...match.namedCodes]) : NOTHING;
  const likeTerm = ilike(payments.methodCode, containsPattern(match.term));
  const uncatalogued =
    match.catalogCodes.length > 0
      ? sql`(${notInArray(payments.methodCode, [...match.catalogCodes])} and ${likeTerm})`
      : likeTerm;
  return sql`(${named} or ${uncatalogued})`;
}

function within(column: PgColumn, range: InstantRange): SQL[] {
  const bounds: SQL[] = [];
  if (range.from) bounds.push(gte(column, range.from));
  if (range.before) bounds.push(lt(column, range.before));
  return bounds;
}

/** Every filter of the query, for `WHERE … AND …` (SPEC §3.4 histories). */
export function paymentListConditions(accountId: string, query: PaymentListQuery): SQL[] {
  const where: SQL[] = [eq(payments.accountId, accountId)];
  if (query.linkId !== null) where.push(eq(payments.linkId, query.linkId));
  if (query.reffNo !== null) where.push(ilike(payments.reffNo, containsPattern(query.reffNo)));
  if (query.methodValue !== null)
    where.push(ilike(payments.methodValue, containsPattern(query.methodValue)));
  if (query.methodName !== null) where.push(methodNamed(query.methodName));
  if (query.status !== null) where.push(statusIs(query.status, query.now));
  // Bounds may exceed the int4 column (amount_max=99999999999): compared as bigint, not cast down.
  if (query.amount.min !== null) where.push(sql`${payments.amount} >= ${query.amount.min}::bigint`);
  if (query.amount.max !== null) where.push(sql`${payments.amount} <= ${query.amount.max}::bigint`);
  if (query.hasSettle !== null)
    where.push(query.hasSettle ? eq(payments.status, 'settled') : ne(payments.status, 'settled'));
  where.push(...within(payments.createdAt, query.createdAt));
  where.push(...within(payments.paidAt, query.paidAt));
  where.push(...within(payments.settledAt, query.settledAt));
  return where;
}

const SORT_COLUMNS = {
  id: null,
  created_at: payments.createdAt,
  amount: payments.amount,
  payment_date: payments.paidAt,
} as const;

/**
 * `ORDER BY` for the query: its key, then id in the same direction, so that equal keys keep
 * one order from page to page. Payments never paid come last in both directions.
 */
export function paymentListOrder(query: PaymentListQuery): SQL[] {
  const direction = query.sortOrder === 'asc' ? sql`asc` : sql`desc`;
  const column = SORT_COLUMNS[query.sortBy];
  const byId = sql`${payments.id} ${direction}`;
  if (column === null) return [byId];
  const nulls = query.sortBy === 'payment_date' ? sql` nulls last` : sql``;
  return [sql`${column} ${direction}${nulls}`, byId];
}
