import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  linkStatus,
  payVa,
  publicIdOf,
  settle,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { closeLink } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, expectFailure, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

const MINUTE = 60_000;

// SPEC §7: the page learns of payment by polling GET /b2b/{id}/status.
describe('GET /b2b/{id}/status', () => {
  it('follows the link from open to expired as the clock moves', async () => {
    const link = await createLinkOk(t, merchant, { expired_at: '2026-01-15T11:00:00+07:00' });
    const publicId = publicIdOf(link);
    expect((await linkStatus(t, publicId)).body).toEqual({ link_status: 'open', payment: null });
    t.clock.advance(60 * MINUTE - 1);
    expect((await linkStatus(t, publicId)).body.link_status).toBe('open');
    t.clock.advance(1);
    expect((await linkStatus(t, publicId)).body.link_status).toBe('expired');
  });

  it('reads closed for a link the merchant closed', async () => {
    const link = await createLinkOk(t, merchant);
    await closeLink(t, link.id);
    expect((await linkStatus(t, publicIdOf(link))).body.link_status).toBe('closed');
  });

  it('follows a payment pending → paid → settled, and the link to closed when used up', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 40_000, max_usage: 1 });
    const publicId = publicIdOf(link);
    const payment = (await startPayment(t, publicId, { method: 'VA_BSI' })).body.data;
    const read = async () => (await linkStatus(t, publicId, payment.reff_no)).body;
    expect(await read()).toEqual({
      link_status: 'open',
      payment: { reff_no: payment.reff_no, status: 'pending' },
    });
    const va = { bank: 'BSI', va_number: payment.payment_method_value, amount: 40_000 };
    expect((await payVa(t, va)).status).toBe(200);
    expect(await read()).toEqual({
      link_status: 'closed',
      payment: { reff_no: payment.reff_no, status: 'paid' },
    });
    expect((await settle(t, payment.reff_no)).status).toBe(200);
    expect((await read()).payment.status).toBe('settled');
  });

  it('reads a pending payment past its deadline as expired, before anything marks it', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 5 });
    const publicId = publicIdOf(link);
    const payment = (await startPayment(t, publicId, { method: 'QRIS' })).body.data;
    t.clock.advance(30 * MINUTE - 1);
    expect((await linkStatus(t, publicId, payment.reff_no)).body.payment.status).toBe('pending');
    t.clock.advance(1);
    expect((await linkStatus(t, publicId, payment.reff_no)).body).toEqual({
      link_status: 'open',
      payment: { reff_no: payment.reff_no, status: 'expired' },
    });
  });

  it('shows no payment of another link, nor an unknown one', async () => {
    const mine = await createLinkOk(t, merchant);
    const theirs = await createLinkOk(t, await createMerchant(t));
    const payment = (await startPayment(t, publicIdOf(theirs), { method: 'QRIS' })).body.data;
    expect((await linkStatus(t, publicIdOf(mine), payment.reff_no)).body).toEqual({
      link_status: 'open',
      payment: null,
    });
    const unknown = await linkStatus(t, publicIdOf(mine), 'PY0000000000000000000');
    expect(unknown.body.payment).toBeNull();
  });

  it('is never cached, by the browser or a proxy', async () => {
    const link = await createLinkOk(t, merchant);
    const response = await t.app.request(`/b2b/${publicIdOf(link)}/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('404 for an unknown or malformed public id', async () => {
    expectFailure(await linkStatus(t, `PL20260115100000${'0'.repeat(32)}`), 404, 'LINK_NOT_FOUND');
    expectFailure(await linkStatus(t, 'not-a-link'), 404, 'LINK_NOT_FOUND');
  });
});
