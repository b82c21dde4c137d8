import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payVa, publicIdOf, settle, startPayment } from '../../../tests/support/checkout-api.ts';
import { closeLink } from '../../../tests/support/checkout-db.ts';
import { readEvents } from '../../../tests/support/event-stream.ts';
import { createLinkOk, START } from '../../../tests/support/link-api.ts';
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

async function openEvents(publicId: string, reffNo?: string, lastEventId?: string) {
  const response = await t.app.request(
    `/b2b/${publicId}/events${reffNo ? `?payment=${reffNo}` : ''}`,
    { headers: lastEventId ? { 'last-event-id': lastEventId } : {} },
  );
  return { response, events: response.body ? readEvents(response.body) : null };
}

async function payableLink(maxUsage = 1) {
  const link = await createLinkOk(t, merchant, { total_amount: 40_000, max_usage: maxUsage });
  const publicId = publicIdOf(link);
  const payment = (await startPayment(t, publicId, { method: 'VA_BRI' })).body.data;
  const pay = () =>
    payVa(t, { bank: 'BRI', va_number: payment.payment_method_value, amount: 40_000 });
  return { link, publicId, payment, pay };
}

// SPEC §7: GET /b2b/{id}/events.
describe('GET /b2b/{id}/events', () => {
  it('sends the status at once, as /status answers it, with retry set', async () => {
    const { publicId, payment } = await payableLink();
    const { response, events } = await openEvents(publicId, payment.reff_no);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const first = await events?.next();
    expect(first).toMatchObject({ event: 'status' });
    expect(JSON.parse(first?.data ?? '')).toEqual({
      link_status: 'open',
      payment: { reff_no: payment.reff_no, status: 'pending' },
    });
    expect(first?.id).toMatch(/^\S{8,}$/);
    expect(events?.raw()).toMatch(/^retry: \d+$/m);
    await events?.close();
  });

  it('tells of a payment once, then ends when the link takes no more payments', async () => {
    const { publicId, payment, pay } = await payableLink(1);
    const { events } = await openEvents(publicId, payment.reff_no);
    await events?.next();
    expect((await pay()).status).toBe(200);
    const paid = await events?.next();
    expect(JSON.parse(paid?.data ?? '')).toEqual({
      link_status: 'closed',
      payment: { reff_no: payment.reff_no, status: 'paid' },
    });
    expect(await events?.next()).toBeNull();
    expect(events?.raw().match(/event: status/g)).toHaveLength(2);
  });

  it('tells every change of a multi-use link exactly once: paid, then settled', async () => {
    const { publicId, payment, pay } = await payableLink(5);
    const { events } = await openEvents(publicId, payment.reff_no);
    await events?.next();
    await pay();
    expect(JSON.parse((await events?.next())?.data ?? '').payment.status).toBe('paid');
    await settle(t, payment.reff_no);
    expect(JSON.parse((await events?.next())?.data ?? '').payment.status).toBe('settled');
    // Nothing else happened, so nothing else is said.
    await expect(events?.next(300)).rejects.toThrow(/no event/);
    expect(events?.raw().match(/event: status/g)).toHaveLength(3);
    await events?.close();
  });

  it('hears a change written behind the stores’ back (the database announces it)', async () => {
    const { link, publicId } = await payableLink(5);
    const { events } = await openEvents(publicId);
    expect(JSON.parse((await events?.next())?.data ?? '').link_status).toBe('open');
    await closeLink(t, link.id);
    expect(JSON.parse((await events?.next())?.data ?? '').link_status).toBe('closed');
  });

  it('does not repeat what a reconnecting browser already has (Last-Event-ID)', async () => {
    const { publicId, payment, pay } = await payableLink(5);
    const first = await openEvents(publicId, payment.reff_no);
    const known = await first.events?.next();
    await first.events?.close();
    const again = await openEvents(publicId, payment.reff_no, known?.id ?? '');
    await expect(again.events?.next(300)).rejects.toThrow(/no event/);
    await pay();
    expect(JSON.parse((await again.events?.next())?.data ?? '').payment.status).toBe('paid');
    await again.events?.close();
  });

  it('answers 204 to a reconnect that already knows the link is over, so EventSource stops', async () => {
    const { publicId, payment, pay } = await payableLink(1);
    await pay();
    const { events } = await openEvents(publicId, payment.reff_no);
    const final = await events?.next();
    expect(await events?.next()).toBeNull();
    const again = await openEvents(publicId, payment.reff_no, final?.id ?? '');
    expect(again.response.status).toBe(204);
  });

  it('answers 404 for an unknown link', async () => {
    const { response } = await openEvents('PL20260115100000' + '0'.repeat(32));
    expect(response.status).toBe(404);
  });
});
