import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, paymentLinks } from '../../store/schema.ts';
import { payVa, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { linkRow, paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { callApi, createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { createV2Ok, showV2 } from '../../../tests/support/v2-api.ts';

const BANKS = ['BRI', 'BNI', 'MANDIRI', 'PERMATA', 'CIMB', 'DANAMON'];
const AMOUNT = 60_000;

// SPEC §3.5 and §2: an unlimited link (max_usage 0) never closes by usage, on either database;
// limited links keep the guarantee current_usage ≤ max_usage.
describe.each(testBackends())('v2.0 unlimited usage (%s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t, { callback_url: 'https://merchant.example/paylink' });
  });
  afterAll(() => t.close());

  async function startVa(publicId: string, bank: string) {
    const answer = await startPayment(t, publicId, { method: `VA_${bank}` });
    if (answer.status !== 201) throw new Error(`start failed: ${JSON.stringify(answer.body)}`);
    return answer.body.data as { payment_method_value: string; reff_no: string };
  }

  it('is paid many times, some at once, and stays open', async () => {
    const link = await createV2Ok(t, merchant, { total_amount: AMOUNT, max_usage: 0 });
    const publicId = publicIdOf(link);
    const started = await Promise.all(BANKS.map((bank) => startVa(publicId, bank)));
    const answers = await Promise.all(
      started.map((payment, i) =>
        payVa(t, { bank: BANKS[i] ?? '', va_number: payment.payment_method_value, amount: AMOUNT }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(BANKS.map(() => 200));
    for (const bank of BANKS.slice(0, 3)) {
      const payment = await startVa(publicId, bank);
      const paid = await payVa(t, {
        bank,
        va_number: payment.payment_method_value,
        amount: AMOUNT,
      });
      expect(paid.status).toBe(200);
    }

    const shown = (await showV2(t, merchant, link.id)).body.data;
    expect(shown).toMatchObject({
      current_usage: 9,
      max_usage: 0,
      is_unlimited_usage: true,
      status: 'open',
      status_computed: 'open',
    });
    expect(await linkRow(t, link.id)).toMatchObject({ currentUsage: 9, maxUsage: null });
    const statuses = (await paymentRowsOf(t, link.id)).map((row) => row.status);
    expect(statuses).toEqual(Array.from({ length: 9 }, () => 'paid'));
    // Still payable, and listed among the open links, not the closed ones.
    const listed = async (status: string) =>
      (
        await callApi(
          t,
          merchant,
          'GET',
          `/api/v1.0/payment-link-manage/${merchant.accountId}?status=${status}&search=${link.reff_no}`,
        )
      ).body.data.map((row: { id: number }) => row.id);
    expect(await listed('open')).toEqual([link.id]);
    expect(await listed('closed')).toEqual([]);
    expect((await startPayment(t, publicId, { method: 'QRIS' })).status).toBe(201);
  });

  it('tells the merchant max_usage 0 in the v1.0 callback of a v2.0 link', async () => {
    const link = await createV2Ok(t, merchant, { total_amount: AMOUNT, max_usage: 0 });
    const payment = await startVa(publicIdOf(link), 'BRI');
    await payVa(t, { bank: 'BRI', va_number: payment.payment_method_value, amount: AMOUNT });
    const [queued] = await t.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.paymentId, (await paymentRowsOf(t, link.id))[0]?.id ?? 0));
    const body = JSON.parse(queued?.payload ?? '{}');
    expect(body.event).toBe('payment-link-transaction');
    expect(body.data.payment.additional_info.payment_link).toMatchObject({
      id: link.id,
      max_usage: 0,
      current_usage: 1,
      status: 'open',
    });
  });

  it('a limited link still closes at max_usage, and the database refuses usage beyond it', async () => {
    const link = await createV2Ok(t, merchant, { total_amount: AMOUNT, max_usage: 1 });
    const payment = await startVa(publicIdOf(link), 'BNI');
    await payVa(t, { bank: 'BNI', va_number: payment.payment_method_value, amount: AMOUNT });
    expect((await showV2(t, merchant, link.id)).body.data.status).toBe('closed');
    const overUse = t.db
      .update(paymentLinks)
      .set({ currentUsage: sql`${paymentLinks.currentUsage} + 1` })
      .where(eq(paymentLinks.id, link.id));
    await expect(overUse).rejects.toThrow();
  });

  it('stores the API each link came from, v1.0 links as before', async () => {
    const v1 = await createLinkOk(t, merchant);
    const v2 = await createV2Ok(t, merchant);
    expect((await linkRow(t, v1.id)).dialect).toBe('v1');
    expect((await linkRow(t, v2.id)).dialect).toBe('v2');
  });
});
