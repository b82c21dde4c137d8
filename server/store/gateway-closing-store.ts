import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { GatewayClosing, GatewayClosingStore } from '../domain/connector/gateway-closing.ts';
import type { Db } from './database.ts';
import { gatewayClosings } from './schema.ts';

type ClosingRow = typeof gatewayClosings.$inferSelect;

function toClosing(row: ClosingRow): GatewayClosing {
  return {
    orderId: row.orderId,
    connector: row.connector,
    action: v.parse(v.picklist(['cancel', 'expire']), row.action),
    attempts: row.attempts,
    dueAt: row.dueAt,
  };
}

export function createGatewayClosingStore(db: Db): GatewayClosingStore {
  return {
    async claimDue(now, leaseMs, limit) {
      return db.transaction(async (tx) => {
        // SKIP LOCKED: workers of other processes take other rows instead of waiting.
        const due = await tx
          .select({ orderId: gatewayClosings.orderId })
          .from(gatewayClosings)
          .where(and(isNull(gatewayClosings.doneAt), lte(gatewayClosings.dueAt, now)))
          .orderBy(gatewayClosings.dueAt)
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        const rows = await tx
          .update(gatewayClosings)
          .set({
            dueAt: new Date(now.getTime() + leaseMs),
            attempts: sql`${gatewayClosings.attempts} + 1`,
          })
          .where(
            inArray(
              gatewayClosings.orderId,
              due.map((row) => row.orderId),
            ),
          )
          .returning();
        return rows.map(toClosing);
      });
    },
    async finish(orderId, outcome, at) {
      await db
        .update(gatewayClosings)
        .set({ doneAt: at, outcome })
        .where(eq(gatewayClosings.orderId, orderId));
    },
    async retry(orderId, _at, retryAt) {
      await db
        .update(gatewayClosings)
        .set({ dueAt: retryAt, outcome: 'unavailable' })
        .where(eq(gatewayClosings.orderId, orderId));
    },
  };
}
