import { and, count, gt, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentLinks, payments } from '../../store/schema.ts';
import { payQris, payVa, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { linkRow, paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

const BANKS = ['BRI', 'BNI', 'MANDIRI', 'PERMATA', 'CIMB', 'DANAMON', 'MAYBANK', 'BSI'];
const AMOUNT = 60_000;

// SPEC §2: a link is used once per paid payment; current_usage never exceeds max_usage under
// any concurrency; reaching it cancels every other pending payment in the same transaction.
describe.each(testBackends())('usage and money (%s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  const linkIds: number[] = [];
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t);
  });
  afterAll(() => t.close());

  async function newLink(maxUsage: number) {
    const link = await createLinkOk(t, merchant, { total_amount: AMOUNT, max_usage: maxUsage });
    linkIds.push(link.id);
    return { id: link.id as number, publicId: publicIdOf(link) };
  }

  async function start(publicId: string, method: string) {
    const answer = await startPayment(t, publicId, { method });
    if (answer.status !== 201) throw new Error(`start failed: ${JSON.stringify(answer.body)}`);
    return answer.body.data;
  }

  it('max_usage 3, eight payers at once: exactly three are paid, the rest refused', async () => {
    const link = await newLink(3);
    const started = [];
    for (const bank of BANKS) started.push(await start(link.publicId, `VA_${bank}`));
    t.clock.advance(1_000);
    const answers = await Promise.all(
      started.map((payment, i) =>
        payVa(t, { bank: BANKS[i] ?? '', va_number: payment.payment_method_value, amount: AMOUNT }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409))
      expect(refused.body.error.reason).toBe('NOT_PAYABLE');

    const stored = await linkRow(t, link.id);
    expect(stored).toMatchObject({ currentUsage: 3, maxUsage: 3, status: 'closed' });
    expect(stored.paymentDate).toEqual(new Date(START.getTime() + 1_000));
    const rows = await paymentRowsOf(t, link.id);
    const paidReffs = answers.filter((a) => a.status === 200).map((a) => a.body.data.reff_no);
    for (const row of rows) {
      if (paidReffs.includes(row.reffNo)) {
        expect(row).toMatchObject({ status: 'paid', endedAt: null });
        expect(row.paidAt).toEqual(new Date(START.getTime() + 1_000));
      } else {
        expect(row).toMatchObject({ status: 'cancelled', paidAt: null });
        expect(row.endedAt).not.toBeNull();
      }
    }
    expect((await startPayment(t, link.publicId, { method: 'QRIS' })).status).toBe(409);
    t.clock.set(START);
  });

  it('max_usage 1 with QRIS and VA pending: paying the QR cancels the VA', async () => {
    const link = await newLink(1);
    const qris = await start(link.publicId, 'QRIS');
    const va = await start(link.publicId, 'VA_BRI');
    expect((await payQris(t, qris.qr_string)).status).toBe(200);
    // Cancelled in the paying transaction, before anyone tries the VA.
    const vaRow = (await paymentRowsOf(t, link.id)).find((row) => row.reffNo === va.reff_no);
    expect(vaRow?.status).toBe('cancelled');
    const late = await payVa(t, {
      bank: 'BRI',
      va_number: va.payment_method_value,
      amount: AMOUNT,
    });
    expect(late.status).toBe(409);
    const rows = await paymentRowsOf(t, link.id);
    expect(rows.map((row) => [row.methodCode, row.status])).toEqual([
      ['QRIS', 'paid'],
      ['VA_BRI', 'cancelled'],
    ]);
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
  });

  it('max_usage 1, VA and QRIS paid at the same moment: exactly one wins', async () => {
    for (let round = 0; round < 3; round++) {
      const link = await newLink(1);
      const qris = await start(link.publicId, 'QRIS');
      const va = await start(link.publicId, 'VA_BNI');
      const [byQr, byVa] = await Promise.all([
        payQris(t, qris.qr_string),
        payVa(t, { bank: 'BNI', va_number: va.payment_method_value, amount: AMOUNT }),
      ]);
      expect([byQr.status, byVa.status].sort()).toEqual([200, 409]);
      const statuses = (await paymentRowsOf(t, link.id)).map((row) => row.status).sort();
      expect(statuses).toEqual(['cancelled', 'paid']);
      expect((await linkRow(t, link.id)).currentUsage).toBe(1);
    }
  });

  it('a duplicate notice, even five at once, is paid once and counted once', async () => {
    const link = await newLink(5);
    const va = await start(link.publicId, 'VA_MANDIRI');
    const notice = { bank: 'MANDIRI', va_number: va.payment_method_value, amount: AMOUNT };
    const answers = await Promise.all(Array.from({ length: 5 }, () => payVa(t, notice)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const before = await linkRow(t, link.id);
    const [paid] = await paymentRowsOf(t, link.id);
    t.clock.advance(60_000);
    expect((await payVa(t, notice)).status).toBe(409);
    t.clock.set(START);
    expect(await linkRow(t, link.id)).toEqual(before);
    expect((await paymentRowsOf(t, link.id))[0]).toEqual(paid);
    expect(before.currentUsage).toBe(1);
  });

  it('payers starting while the last use is paid leave no pending payment behind', async () => {
    const link = await newLink(1);
    const first = await start(link.publicId, 'VA_BRI');
    const [, ...starts] = await Promise.all([
      payVa(t, { bank: 'BRI', va_number: first.payment_method_value, amount: AMOUNT }),
      ...Array.from({ length: 6 }, () => startPayment(t, link.publicId, { method: 'QRIS' })),
    ]);
    for (const answer of starts) expect([201, 409]).toContain(answer.status);
    const rows = await paymentRowsOf(t, link.id);
    expect(rows.filter((row) => row.status === 'pending')).toEqual([]);
    expect(rows.filter((row) => row.status === 'paid')).toHaveLength(1);
  });

  it('the database never holds more uses than max_usage, nor more paid payments', async () => {
    const [over] = await t.db
      .select({ n: count() })
      .from(paymentLinks)
      .where(gt(paymentLinks.currentUsage, paymentLinks.maxUsage));
    expect(over?.n).toBe(0);
    const paidPerLink = await t.db
      .select({ linkId: payments.linkId, n: count() })
      .from(payments)
      .where(and(inArray(payments.linkId, linkIds), sql`${payments.status} in ('paid', 'settled')`))
      .groupBy(payments.linkId);
    expect(paidPerLink.length).toBeGreaterThan(0);
    for (const { linkId, n } of paidPerLink) {
      const link = await linkRow(t, linkId);
      expect(n).toBe(link.currentUsage);
      expect(n).toBeLessThanOrEqual(link.maxUsage ?? Number.POSITIVE_INFINITY);
    }
  });
});
