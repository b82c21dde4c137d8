import { count, eq } from 'drizzle-orm';
import { paymentLinks, payments } from '../../server/store/schema.ts';
import type { TestPaylink } from './test-paylink.ts';

/** What the database holds, read behind the app's back: the only proof that nothing was created. */
export async function countPayments(t: TestPaylink, linkId: number): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(payments).where(eq(payments.linkId, linkId));
  return row?.n ?? 0;
}

/** Every stored payment of a link, oldest first. */
export async function paymentRowsOf(t: TestPaylink, linkId: number) {
  return t.db.select().from(payments).where(eq(payments.linkId, linkId)).orderBy(payments.id);
}

export async function paymentRow(t: TestPaylink, reffNo: string) {
  const [row] = await t.db.select().from(payments).where(eq(payments.reffNo, reffNo));
  if (!row) throw new Error(`no payment ${reffNo}`);
  return row;
}

export async function linkRow(t: TestPaylink, linkId: number) {
  const [row] = await t.db.select().from(paymentLinks).where(eq(paymentLinks.id, linkId));
  if (!row) throw new Error(`no link ${linkId}`);
  return row;
}

/**
 * Closes a link by writing its row, behind the API's back: unlike PATCH, its pending payments
 * stay pending, so tests can see what a payment of a closed link does.
 */
export async function closeLink(t: TestPaylink, linkId: number): Promise<void> {
  await t.db.update(paymentLinks).set({ status: 'closed' }).where(eq(paymentLinks.id, linkId));
}
