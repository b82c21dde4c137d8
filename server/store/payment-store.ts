import { and, asc, desc, eq, gt, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { PAYMENT_STATUSES, type Payment, type PaymentStatus } from '../domain/payment/payment.ts';
import type { PaymentStore, PaymentTx } from '../domain/payment/payment-store.ts';
import { isUsedUp } from '../domain/payment-link/payment-link.ts';
import type { Db } from './database.ts';
import { createAccountStore } from './account-store.ts';
import { insertDeliveries } from './delivery-store.ts';
import { toPaymentLink } from './payment-link-store.ts';
import { paymentListStatements } from './payment-list-sql.ts';
import { gatewayClosings, paymentLinks, payments } from './schema.ts';

type PaymentRow = typeof payments.$inferSelect;

const CustomerSchema = v.nullable(
  v.object({
    name: v.nullable(v.string()),
    email: v.nullable(v.string()),
    phone: v.nullable(v.string()),
  }),
);

/** What a gateway stored for its channel (InstrumentDetails), read back as it was written. */
const InstrumentSchema = v.nullable(
  v.variant('kind', [
    v.object({ kind: v.literal('bill'), billerCode: v.string() }),
    v.object({
      kind: v.literal('ewallet'),
      deeplinkUrl: v.string(),
      qrImageUrl: v.nullable(v.string()),
    }),
    v.object({ kind: v.literal('store'), store: v.picklist(['alfamart', 'indomaret']) }),
    v.object({ kind: v.literal('qr-image'), qrImageUrl: v.string() }),
  ]),
);

export function toPayment(row: PaymentRow): Payment {
  return {
    ...row,
    status: v.parse(v.picklist(PAYMENT_STATUSES), row.status),
    customer: v.parse(CustomerSchema, row.customer),
    instrument: v.parse(InstrumentSchema, row.instrument),
  };
}

/** The timestamp column each status sets when a payment enters it. */
function stampFor(status: PaymentStatus, at: Date) {
  if (status === 'paid') return { paidAt: at };
  if (status === 'settled') return { settledAt: at };
  if (status === 'expired' || status === 'cancelled') return { endedAt: at };
  return {};
}

/** PostgreSQL's unique_violation: the pending VA number is already taken. */
function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

function transactionOf(tx: Db): PaymentTx {
  return {
    async lockLink(linkId) {
      const [row] = await tx
        .select()
        .from(paymentLinks)
        .where(eq(paymentLinks.id, linkId))
        .for('update');
      return row ? toPaymentLink(row) : null;
    },
    async lockPayment(paymentId) {
      const [row] = await tx
        .select()
        .from(payments)
        .where(eq(payments.id, paymentId))
        .for('update');
      return row ? toPayment(row) : null;
    },
    async setPaymentStatus(paymentId, status, at) {
      const [row] = await tx
        .update(payments)
        .set({ status, updatedAt: at, ...stampFor(status, at) })
        .where(eq(payments.id, paymentId))
        .returning();
      if (!row) throw new Error(`payment ${paymentId} vanished inside its transaction`);
      return toPayment(row);
    },
    async recordLinkUse(linkId, paidAt) {
      const [row] = await tx
        .update(paymentLinks)
        .set({
          currentUsage: sql`${paymentLinks.currentUsage} + 1`,
          paymentDate: paidAt,
          updatedAt: paidAt,
          status: sql`case when ${paymentLinks.currentUsage} + 1 >= ${paymentLinks.maxUsage} then 'closed' else ${paymentLinks.status} end`,
        })
        .where(eq(paymentLinks.id, linkId))
        .returning();
      if (!row) throw new Error(`link ${linkId} vanished inside its transaction`);
      return toPaymentLink(row);
    },
    async lockPaymentAndLink(paymentId) {
      const [unlocked] = await tx
        .select({ linkId: payments.linkId })
        .from(payments)
        .where(eq(payments.id, paymentId));
      if (!unlocked) return null;
      const link = await this.lockLink(unlocked.linkId);
      const payment = await this.lockPayment(paymentId);
      return link && payment ? { link, payment } : null;
    },
    findAccount: (accountId) => createAccountStore(tx).findById(accountId),
    enqueue: (rows, now) => insertDeliveries(tx, rows, now),
    async cancelOtherPending(linkId, exceptPaymentId, at) {
      const rows = await tx
        .update(payments)
        .set({ status: 'cancelled', updatedAt: at, endedAt: at })
        .where(
          and(
            eq(payments.linkId, linkId),
            eq(payments.status, 'pending'),
            ne(payments.id, exceptPaymentId),
          ),
        )
        .returning();
      return rows.map(toPayment);
    },
  };
}

/**
 * SPEC §9: at most `maxPending` payments of a link pending at once; the oldest beyond that
 * are cancelled, so their VA/QR refuses money. One past its deadline is not counted: it
 * already refuses money, and the worker records it as expired, which is what it became.
 */
async function cancelPendingBeyond(tx: Db, linkId: number, maxPending: number, now: Date) {
  const payable = and(
    eq(payments.linkId, linkId),
    eq(payments.status, 'pending'),
    gt(payments.expiresAt, now),
  );
  const beyond = tx
    .select({ id: payments.id })
    .from(payments)
    .where(payable)
    .orderBy(desc(payments.id))
    .offset(maxPending);
  await tx
    .update(payments)
    .set({ status: 'cancelled', updatedAt: now, endedAt: now })
    .where(and(payable, inArray(payments.id, beyond)));
}

/**
 * PostgreSQL refuses NUL in a text parameter (an error, not "no row"); a key with one matches
 * no stored row, so it is answered as not found without asking.
 */
const isSearchable = (key: string) => !key.includes('\u0000');

export function createPaymentStore(db: Db): PaymentStore {
  const newest = async (where: ReturnType<typeof eq>) => {
    const [row] = await db.select().from(payments).where(where).orderBy(desc(payments.id)).limit(1);
    return row ? toPayment(row) : null;
  };
  return {
    async insertPending(payment, { now, maxPending, followUps }) {
      try {
        return await db.transaction(async (txAny) => {
          const tx = txAny as unknown as Db;
          // The link row first, as every payment transaction locks it (no deadlock), and
          // exclusively: starts of one link queue here, so the pending count below is exact.
          const [link] = await tx
            .select()
            .from(paymentLinks)
            .where(eq(paymentLinks.id, payment.linkId))
            .for('update');
          const open =
            link &&
            link.status === 'open' &&
            !isUsedUp(link) &&
            (link.expiredAt === null || link.expiredAt.getTime() > now.getTime());
          if (!open) return 'link_not_open' as const;
          const [row] = await tx.insert(payments).values(payment).returning();
          if (!row) throw new Error('payment insert returned nothing');
          await cancelPendingBeyond(tx, payment.linkId, maxPending, now);
          const stored = toPayment(row);
          const account = followUps ? await createAccountStore(tx).findById(link.accountId) : null;
          if (followUps && account) {
            await insertDeliveries(tx, followUps(stored, toPaymentLink(link), account), now);
          }
          return stored;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'method_value_taken';
        throw error;
      }
    },
    async closeAtGateway(connector, orderId, now) {
      await db
        .insert(gatewayClosings)
        .values({ orderId, connector, action: 'cancel', dueAt: now, createdAt: now })
        .onConflictDoNothing();
    },
    async findDueForGatewayCheck(checkedBefore, now, limit) {
      const lastAsked = sql`coalesce(${payments.gatewayCheckedAt}, ${payments.createdAt})`;
      const quarterOfAge = sql`(${now}::timestamptz - ${payments.createdAt}) / 4`;
      const rows = await db
        .select()
        .from(payments)
        .where(
          and(
            eq(payments.status, 'pending'),
            notInArray(payments.connector, ['sandbox', 'none']),
            sql`${lastAsked} <= ${checkedBefore}`,
            sql`${lastAsked} <= ${now}::timestamptz - ${quarterOfAge}`,
          ),
        )
        .orderBy(lastAsked)
        .limit(limit);
      return rows.map(toPayment);
    },
    async markGatewayChecked(paymentId, at) {
      await db.update(payments).set({ gatewayCheckedAt: at }).where(eq(payments.id, paymentId));
    },
    findByReffNo: async (reffNo) =>
      isSearchable(reffNo) ? newest(eq(payments.reffNo, reffNo)) : null,
    findByMethodValue: async (methodCode, value) =>
      !isSearchable(methodCode) || !isSearchable(value)
        ? null
        : newest(
            and(eq(payments.methodCode, methodCode), eq(payments.methodValue, value)) as ReturnType<
              typeof eq
            >,
          ),
    async findByVaNumber(vaNumber) {
      if (!isSearchable(vaNumber)) return null;
      const [row] = await db
        .select()
        .from(payments)
        .where(and(eq(payments.methodValue, vaNumber), sql`${payments.methodCode} like 'VA\\_%'`))
        .orderBy(desc(payments.id))
        .limit(1);
      return row ? toPayment(row) : null;
    },
    async listByLink(linkId, limit) {
      const rows = await db
        .select()
        .from(payments)
        .where(eq(payments.linkId, linkId))
        .orderBy(desc(payments.id))
        .limit(limit);
      return rows.map(toPayment);
    },
    async listByAccount(accountId, query) {
      const statements = paymentListStatements(db, accountId, query);
      const rows = await statements.page;
      const [counted] = await statements.total;
      return {
        rows: rows.map((row) => ({
          payment: toPayment(row.payments),
          link: toPaymentLink(row.payment_links),
        })),
        total: Number(counted?.total ?? 0),
      };
    },
    async findWithLink(accountId, paymentId) {
      const [row] = await db
        .select()
        .from(payments)
        .innerJoin(paymentLinks, eq(paymentLinks.id, payments.linkId))
        .where(and(eq(payments.accountId, accountId), eq(payments.id, paymentId)))
        .limit(1);
      return row
        ? { payment: toPayment(row.payments), link: toPaymentLink(row.payment_links) }
        : null;
    },
    async findDueForExpiry(now, limit) {
      const rows = await db
        .select()
        .from(payments)
        .where(and(eq(payments.status, 'pending'), lte(payments.expiresAt, now)))
        .orderBy(asc(payments.expiresAt))
        .limit(limit);
      return rows.map(toPayment);
    },
    async findDueForSettlement(paidBefore, limit) {
      const rows = await db
        .select()
        .from(payments)
        .where(and(eq(payments.status, 'paid'), lte(payments.paidAt, paidBefore)))
        .orderBy(asc(payments.paidAt))
        .limit(limit);
      return rows.map(toPayment);
    },
    transaction: (work) => db.transaction((tx) => work(transactionOf(tx as unknown as Db))),
  };
}
