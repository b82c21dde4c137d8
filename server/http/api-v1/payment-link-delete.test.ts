import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, paymentLinks, payments } from '../../store/schema.ts';
import {
  linkStatus,
  postForm,
  publicIdOf,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { countPayments, paymentRow } from '../../../tests/support/checkout-db.ts';
import {
  createLinkOk,
  expectFailure,
  refreshToken,
  START,
} from '../../../tests/support/link-api.ts';
import { deleteLink, payOnce, showLink, startOk } from '../../../tests/support/link-changes.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

describe.each(testBackends())('DELETE …/{payment_link_id} (SPEC §3.4, %s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  let other: Merchant;
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t);
    other = await createMerchant(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(START);
    await refreshToken(t, merchant);
  });

  const exists = async (id: number) =>
    (await t.db.select().from(paymentLinks).where(eq(paymentLinks.id, id))).length === 1;

  it('deletes a link without payments: 200 with the gateway message, then it is gone', async () => {
    const link = await createLinkOk(t, merchant);
    const answer = await deleteLink(t, merchant, link.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 200,
      success: true,
      data: { message: 'Payment Link deleted successfully' },
    });
    expect(await exists(link.id)).toBe(false);
    const shown = await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${link.id}`);
    expectFailure(shown, 404, 'LINK_NOT_FOUND');
    const listed = await callApi(t, merchant, 'GET', linksPath(merchant));
    expect(listed.body.data.map((l: { id: number }) => l.id)).not.toContain(link.id);
    expect((await linkStatus(t, publicIdOf(link))).status).toBe(404);
    expect((await startPayment(t, publicIdOf(link), { method: 'QRIS' })).status).toBe(404);
    expectFailure(await deleteLink(t, merchant, link.id), 404, 'LINK_NOT_FOUND');
  });

  it('keeps the link mail already queued for a deleted link (no foreign key to it)', async () => {
    const link = await createLinkOk(t, merchant, {
      customer: { name: 'Budi', email: 'budi@example.com' },
    });
    expect((await deleteLink(t, merchant, link.id)).status).toBe(200);
    const queued = await t.db.select().from(deliveries).where(eq(deliveries.linkId, link.id));
    expect(queued.map((row) => row.event)).toEqual(['mail.payment_link']);
  });

  it.each([
    ['pending', async () => undefined],
    [
      'cancelled',
      async (publicId: string, reffNo: string) => {
        await postForm(t, `/b2b/${publicId}/payments/${reffNo}/cancel`, {});
      },
    ],
  ])('refuses a link with a %s payment: 409 LINK_HAS_PAYMENTS', async (status, then) => {
    const link = await createLinkOk(t, merchant);
    const payment = await startOk(t, link, 'VA_BRI');
    await then(publicIdOf(link), payment.reff_no);
    expect((await paymentRow(t, payment.reff_no)).status).toBe(status);
    expectFailure(await deleteLink(t, merchant, link.id), 409, 'LINK_HAS_PAYMENTS');
    expect(await showLink(t, merchant, link.id)).toMatchObject({ id: link.id });
  });

  it('refuses a link that was paid: 409, link and payment kept', async () => {
    const link = await createLinkOk(t, merchant);
    const paid = await payOnce(t, link);
    expectFailure(await deleteLink(t, merchant, link.id), 409, 'LINK_HAS_PAYMENTS');
    expect((await paymentRow(t, paid.reff_no)).status).toBe('paid');
    expect(await exists(link.id)).toBe(true);
  });

  it("answers 404 for another account's link, and leaves it", async () => {
    const theirs = await createLinkOk(t, other);
    expectFailure(await deleteLink(t, merchant, theirs.id), 404, 'LINK_NOT_FOUND');
    expect(await exists(theirs.id)).toBe(true);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['2147483647', '0', '-1', 'abc', '99999999999']) {
      expectFailure(await deleteLink(t, merchant, id), 404, 'LINK_NOT_FOUND');
    }
  });

  it('payments started while the link is deleted: never a payment without its link', async () => {
    const methods = ['QRIS', 'VA_BRI', 'VA_BNI', 'VA_BCA'];
    for (let round = 0; round < 6; round++) {
      const link = await createLinkOk(t, merchant, { max_usage: 10 });
      const publicId = publicIdOf(link);
      // The delete goes in at another point of the race each round; a refused start or
      // delete is a 4xx, never a 500 from the foreign key behind them.
      const cut = round % (methods.length + 1);
      const before = methods.slice(0, cut).map((method) => startPayment(t, publicId, { method }));
      const removal = deleteLink(t, merchant, link.id);
      const after = methods.slice(cut).map((method) => startPayment(t, publicId, { method }));
      const [deleted, ...started] = await Promise.all([removal, ...before, ...after]);
      const created = started.filter((answer) => answer.status === 201).length;
      for (const answer of started) expect([201, 404, 409]).toContain(answer.status);
      if (deleted.status === 200) {
        expect(created).toBe(0);
        expect(await exists(link.id)).toBe(false);
      } else {
        expectFailure(deleted, 409, 'LINK_HAS_PAYMENTS');
        expect(await countPayments(t, link.id)).toBe(created);
      }
    }
    const orphans = await t.db
      .select({ id: payments.id })
      .from(payments)
      .leftJoin(paymentLinks, eq(paymentLinks.id, payments.linkId))
      .where(isNull(paymentLinks.id));
    expect(orphans).toEqual([]);
  });
});
