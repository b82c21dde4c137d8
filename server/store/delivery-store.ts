import {
  and,
  count,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  lte,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import * as v from 'valibot';
import {
  DELIVERY_CHANNELS,
  type Delivery,
  type DeliveryStore,
  type NewDelivery,
} from '../domain/delivery/delivery.ts';
import type { Db } from './database.ts';
import { deliveries } from './schema.ts';

type DeliveryRow = typeof deliveries.$inferSelect;

export function toDelivery(row: DeliveryRow): Delivery {
  return { ...row, channel: v.parse(v.picklist(DELIVERY_CHANNELS), row.channel) };
}

/** Adds deliveries to the outbox, due now; called inside the state change's transaction. */
export async function insertDeliveries(db: Db, rows: NewDelivery[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(deliveries)
    .values(rows.map((row) => ({ ...row, nextAttemptAt: now, createdAt: now, updatedAt: now })));
}

/** Not delivered and not given up: claimed, waiting for a retry, or due. */
const isOpen = (table: { deliveredAt: AnyPgColumn; failedAt: AnyPgColumn }) =>
  and(isNull(table.deliveredAt), isNull(table.failedAt));

const earlier = alias(deliveries, 'earlier');

/**
 * SPEC §6 "Order": no earlier delivery of the same key is still open. An earlier one a worker
 * holds in flight (under its lease) is open too, so no process can overtake it. Ids are
 * assigned in order: a later event is queued only after the earlier one's transaction
 * committed (settling needs the paid payment row, locked).
 */
function isNextOfItsKey(db: Db) {
  return or(
    isNull(deliveries.orderingKey),
    notExists(
      db
        .select({ id: earlier.id })
        .from(earlier)
        .where(
          and(
            eq(earlier.orderingKey, deliveries.orderingKey),
            lt(earlier.id, deliveries.id),
            isOpen(earlier),
          ),
        ),
    ),
  );
}

export function createDeliveryStore(db: Db): DeliveryStore {
  const nextOfItsKey = isNextOfItsKey(db);
  return {
    async claimDue(now, leaseMs, limit) {
      return db.transaction(async (tx) => {
        // SKIP LOCKED: workers in other processes claim other rows instead of waiting.
        const due = await tx
          .select({ id: deliveries.id })
          .from(deliveries)
          .where(and(isOpen(deliveries), lte(deliveries.nextAttemptAt, now), nextOfItsKey))
          .orderBy(deliveries.nextAttemptAt)
          .limit(limit)
          // Waiting rows are filtered out, not counted: other payments are never held up.
          .for('update', { of: deliveries, skipLocked: true });
        if (due.length === 0) return [];
        const rows = await tx
          .update(deliveries)
          .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), updatedAt: now })
          .where(
            inArray(
              deliveries.id,
              due.map((row) => row.id),
            ),
          )
          .returning();
        return rows.map(toDelivery);
      });
    },
    async recordAttempt(id, outcome, at, retryAt) {
      await db
        .update(deliveries)
        .set({
          attempts: sql`${deliveries.attempts} + 1`,
          lastStatusCode: outcome.statusCode,
          lastError: outcome.ok ? null : outcome.error.slice(0, 500),
          deliveredAt: outcome.ok ? at : null,
          failedAt: !outcome.ok && retryAt === null ? at : null,
          nextAttemptAt: outcome.ok || retryAt === null ? at : retryAt,
          updatedAt: at,
        })
        .where(eq(deliveries.id, id));
    },
    async listByAccount(accountId, filter) {
      const where: SQL[] = [eq(deliveries.accountId, accountId)];
      if (filter.linkId !== null) where.push(eq(deliveries.linkId, filter.linkId));
      const condition = and(...where);
      const rows = await db
        .select()
        .from(deliveries)
        .where(condition)
        .orderBy(desc(deliveries.id))
        .limit(filter.perPage)
        .offset((filter.page - 1) * filter.perPage);
      const [counted] = await db.select({ total: count() }).from(deliveries).where(condition);
      return { deliveries: rows.map(toDelivery), total: Number(counted?.total ?? 0) };
    },
  };
}
