import {
  and,
  count,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  ne,
  notInArray,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type {
  InstantRange,
  MethodNameMatch,
  PaymentListQuery,
  PaymentStatusFilter,
} from '../domain/payment/payment-list-query.ts';
import type { Db } from './database.ts';
import { containsPattern } from './like-pattern.ts';
import { paymentLinks, payments } from './schema.ts';

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

/**
 * `ORDER BY` for the query: its key, then id in the same direction, so that equal keys keep
 * one order from page to page. Payments never paid come last in both directions. id is never
 * null, yet PostgreSQL matches an index's order NULLS clause and all: each clause below is the
 * order of the index the sort walks (schema.ts), forwards or backwards, so no sort is needed.
 */
export function paymentListOrder(query: PaymentListQuery): SQL[] {
  const ascending = query.sortOrder === 'asc';
  const direction = ascending ? sql`asc` : sql`desc`;
  // payments_account is (account_id, id DESC NULLS LAST).
  if (query.sortBy === 'id')
    return [ascending ? sql`${payments.id} asc nulls first` : sql`${payments.id} desc nulls last`];
  const byId = sql`${payments.id} ${direction}`;
  if (query.sortBy === 'payment_date')
    return [sql`${payments.paidAt} ${direction} nulls last`, byId];
  const column = query.sortBy === 'amount' ? payments.amount : payments.createdAt;
  return [sql`${column} ${direction}`, byId];
}

/** The page (with each payment's link) and the count of one list query, as the store runs them. */
export function paymentListStatements(db: Db, accountId: string, query: PaymentListQuery) {
  const where = and(...paymentListConditions(accountId, query));
  return {
    page: db
      .select()
      .from(payments)
      .innerJoin(paymentLinks, eq(paymentLinks.id, payments.linkId))
      .where(where)
      .orderBy(...paymentListOrder(query))
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage),
    total: db.select({ total: count() }).from(payments).where(where),
  };
}
