import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payQris, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { paymentRow } from '../../../tests/support/checkout-db.ts';
import {
  createLinkOk,
  expectFailure,
  HOUR_MS,
  refreshToken,
  START,
  START_MS,
} from '../../../tests/support/link-api.ts';
import {
  patchLink,
  payOnce,
  payVaPayment,
  putLink,
  showLink,
  startOk,
} from '../../../tests/support/link-changes.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

const at = (ms: number) => new Date(START_MS + ms);

// SPEC §2: only an open link takes money, and a payment never outlives its link's expired_at;
// an update that changes either is written with the link locked, together with its payments.
describe.each(testBackends())('updates and pending payments (SPEC §2, %s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(START);
    await refreshToken(t, merchant);
  });

  it.each(['PATCH', 'PUT'])(
    'closing by %s cancels pending payments: VA and QR refuse money',
    async (verb) => {
      const link = await createLinkOk(t, merchant, { max_usage: 3, total_amount: 25_000 });
      const paid = await payOnce(t, link, 'VA_BNI');
      const va = await startOk(t, link, 'VA_BRI');
      const qris = await startOk(t, link, 'QRIS');
      t.clock.advance(60_000);
      const send = verb === 'PUT' ? putLink : patchLink;
      const closed = await send(t, merchant, link.id, { status: 'closed' });
      expect(closed.body.data).toMatchObject({ status: 'closed', current_usage: 1 });

      for (const pending of [va, qris]) {
        const row = await paymentRow(t, pending.reff_no);
        expect(row).toMatchObject({ status: 'cancelled', endedAt: at(60_000), paidAt: null });
      }
      expect((await paymentRow(t, paid.reff_no)).status).toBe('paid');
      expectFailure(await payVaPayment(t, va), 409, 'NOT_PAYABLE');
      expectFailure(await payQris(t, qris.qr_string), 409, 'NOT_PAYABLE');
      expectFailure(
        await startPayment(t, publicIdOf(link), { method: 'VA_BCA' }),
        409,
        'LINK_NOT_OPEN',
      );
      expect((await showLink(t, merchant, link.id)).current_usage).toBe(1);
    },
  );

  it('re-opening takes new payments; the cancelled ones stay cancelled', async () => {
    const link = await createLinkOk(t, merchant);
    const va = await startOk(t, link, 'VA_BRI');
    await patchLink(t, merchant, link.id, { status: 'closed' });
    await patchLink(t, merchant, link.id, { status: 'open' });
    expect((await paymentRow(t, va.reff_no)).status).toBe('cancelled');
    expectFailure(await payVaPayment(t, va), 409, 'NOT_PAYABLE');
    const fresh = await startOk(t, link, 'VA_BRI');
    expect((await payVaPayment(t, fresh)).status).toBe(200);
  });

  it('expired_at moved earlier caps later pending deadlines; earlier ones stay', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 2 });
    const va = await startOk(t, link, 'VA_BRI'); // payable 24 h
    const qris = await startOk(t, link, 'QRIS'); // payable 30 minutes
    t.clock.advance(60_000);
    await patchLink(t, merchant, link.id, { expired_at: START_MS + HOUR_MS });
    expect(await paymentRow(t, va.reff_no)).toMatchObject({
      status: 'pending',
      expiresAt: at(HOUR_MS),
      updatedAt: at(60_000),
    });
    expect((await paymentRow(t, qris.reff_no)).expiresAt).toEqual(at(30 * 60_000));

    t.clock.set(at(HOUR_MS));
    expectFailure(await payVaPayment(t, va), 409, 'NOT_PAYABLE');
    expect((await paymentRow(t, va.reff_no)).status).toBe('expired');
  });

  it('a pending payment stays payable until the earlier expired_at', async () => {
    const link = await createLinkOk(t, merchant);
    const va = await startOk(t, link, 'VA_MANDIRI');
    await patchLink(t, merchant, link.id, { expired_at: START_MS + HOUR_MS });
    t.clock.set(at(HOUR_MS - 1_000));
    expect((await payVaPayment(t, va)).status).toBe(200);
  });

  it('expired_at moved later or cleared does not lengthen a pending payment', async () => {
    const link = await createLinkOk(t, merchant, { expired_at: START_MS + 2 * HOUR_MS });
    const va = await startOk(t, link, 'VA_BRI');
    expect((await paymentRow(t, va.reff_no)).expiresAt).toEqual(at(2 * HOUR_MS));
    await patchLink(t, merchant, link.id, { expired_at: START_MS + 48 * HOUR_MS });
    await patchLink(t, merchant, link.id, { expired_at: null });
    expect((await paymentRow(t, va.reff_no)).expiresAt).toEqual(at(2 * HOUR_MS));
  });

  it('re-opening a used-up link keeps it closed until max_usage is raised', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 1 });
    await payOnce(t, link);
    expect(await showLink(t, merchant, link.id)).toMatchObject({
      status: 'closed',
      current_usage: 1,
    });
    const reopened = await patchLink(t, merchant, link.id, { status: 'open' });
    expect(reopened.body.data).toMatchObject({ status: 'open', status_computed: 'closed' });
    expectFailure(
      await startPayment(t, publicIdOf(link), { method: 'QRIS' }),
      409,
      'LINK_NOT_OPEN',
    );

    const raised = await patchLink(t, merchant, link.id, { max_usage: 2 });
    expect(raised.body.data).toMatchObject({ status_computed: 'open', max_usage: 2 });
    await payOnce(t, link, 'VA_BNI');
    expect(await showLink(t, merchant, link.id)).toMatchObject({
      status: 'closed',
      current_usage: 2,
    });
  });

  it('raising max_usage alone leaves a link closed by its last use closed', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 1 });
    await payOnce(t, link);
    const raised = await patchLink(t, merchant, link.id, { max_usage: 3 });
    expect(raised.body.data).toMatchObject({ status: 'closed', status_computed: 'closed' });
  });

  it('max_usage lowered to current_usage cancels pending payments', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 3 });
    await payOnce(t, link);
    const va = await startOk(t, link, 'VA_BCA');
    await patchLink(t, merchant, link.id, { max_usage: 1 });
    expect((await paymentRow(t, va.reff_no)).status).toBe('cancelled');
    expectFailure(await payVaPayment(t, va), 409, 'NOT_PAYABLE');
  });

  it('closing while the bank pays: the payment is paid or cancelled, never both', async () => {
    for (let round = 0; round < 5; round++) {
      const link = await createLinkOk(t, merchant);
      const va = await startOk(t, link, 'VA_BRI');
      const [closed, paid] = await Promise.all([
        patchLink(t, merchant, link.id, { status: 'closed' }),
        payVaPayment(t, va),
      ]);
      expect(closed.status).toBe(200);
      const row = await paymentRow(t, va.reff_no);
      const usage = (await showLink(t, merchant, link.id)).current_usage;
      if (paid.status === 200) expect([row.status, usage]).toEqual(['paid', 1]);
      else expect([paid.status, row.status, usage]).toEqual([409, 'cancelled', 0]);
    }
  });

  it('lowering max_usage while the bank pays: usage never passes max_usage', async () => {
    for (let round = 0; round < 20; round++) {
      const link = await createLinkOk(t, merchant, { max_usage: 3 });
      await payOnce(t, link, 'VA_BNI');
      const va = await startOk(t, link, 'VA_BRI');
      const [lowered, paid] = await Promise.all([
        patchLink(t, merchant, link.id, { max_usage: 1 }),
        payVaPayment(t, va),
      ]);
      const shown = await showLink(t, merchant, link.id);
      expect(shown.current_usage).toBeLessThanOrEqual(shown.max_usage);
      if (paid.status === 200) {
        expect([lowered.status, shown.max_usage, shown.current_usage]).toEqual([422, 3, 2]);
      } else {
        expect([lowered.status, shown.max_usage, shown.current_usage]).toEqual([200, 1, 1]);
        expect((await paymentRow(t, va.reff_no)).status).toBe('cancelled');
      }
    }
  });
});
