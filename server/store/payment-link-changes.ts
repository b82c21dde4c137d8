import { and, eq, gt } from 'drizzle-orm';
import type { PaymentLinkStore } from '../domain/payment-link/payment-link-store.ts';
import { success } from '../domain/shared/result.ts';
import type { Db } from './database.ts';
import { toPaymentLink } from './payment-link-store.ts';
import { paymentLinks, payments } from './schema.ts';

/** The account's link row, locked until the transaction ends. */
async function lockOwnLink(tx: Db, accountId: string, id: number) {
  const [row] = await tx
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.accountId, accountId), eq(paymentLinks.id, id)))
    .for('update');
  return row ?? null;
}

/**
 * SPEC §3.4 PUT/PATCH with SPEC §2's rules, in one transaction with the link locked first (the
 * lock order of every payment transition, so none of them deadlock with this): the rules see
 * the usage as it is, and no payment is paid or started between the check and the write.
 */
export function updateLink(db: Db): PaymentLinkStore['update'] {
  return (accountId, id, plan) =>
    db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const row = await lockOwnLink(tx, accountId, id);
      if (!row) return 'not_found' as const;
      const planned = plan(toPaymentLink(row));
      if (!planned.ok) return planned;
      const { changes, at, cancelPending, capPendingAt } = planned.value;
      const [updated] = await tx
        .update(paymentLinks)
        .set({ ...changes, updatedAt: at })
        .where(eq(paymentLinks.id, id))
        .returning();
      if (!updated) throw new Error(`link ${id} vanished inside its transaction`);
      const pending = and(eq(payments.linkId, id), eq(payments.status, 'pending'));
      if (cancelPending) {
        await tx
          .update(payments)
          .set({ status: 'cancelled', endedAt: at, updatedAt: at })
          .where(pending);
      }
      if (capPendingAt) {
        await tx
          .update(payments)
          .set({ expiresAt: capPendingAt, updatedAt: at })
          .where(and(pending, gt(payments.expiresAt, capPendingAt)));
      }
      return success(toPaymentLink(updated));
    });
}

/**
 * SPEC §3.4 DELETE: only a link without payments. Starting a payment locks the link before
 * inserting (payment-store insertPending), so with the link locked here the check
 * cannot miss one; a payment that comes second finds no link. The foreign key from payments
 * stays as the last guard.
 */
export function deleteLink(db: Db): PaymentLinkStore['delete'] {
  return (accountId, id) =>
    db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const row = await lockOwnLink(tx, accountId, id);
      if (!row) return 'not_found' as const;
      const [payment] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(eq(payments.linkId, id))
        .limit(1);
      if (payment) return 'has_payments' as const;
      await tx.delete(paymentLinks).where(eq(paymentLinks.id, id));
      return 'deleted' as const;
    });
}
