import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, DEFAULT_CATALOG } from '../domain/payment-method/catalog.ts';
import { payVa, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { closeLink } from '../../tests/support/checkout-db.ts';
import { createLinkOk, DAY_MS, START } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { createCheckoutReader } from './checkout-reader.ts';
import type { CheckoutReader } from './checkout-types.ts';

let t: TestPaylink;
let merchant: Merchant;
let reader: CheckoutReader;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { name: 'Toko Kopi Senja' });
  reader = createCheckoutReader(t.deps);
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

const RETURN = 'https://shop.example/return?order=A-17&lang=id';

/** The methods on offer as `group: codes`, in the order the page lists them. */
const offer = (view: Awaited<ReturnType<CheckoutReader['linkPage']>>) =>
  view?.methodGroups.map(
    (entry) => `${entry.group}: ${entry.methods.map((m) => m.code).join(' ')}`,
  );

/** Pays a link's single VA payment in full; answers the payment's reff_no. */
async function payOnce(publicId: string, amount: number): Promise<string> {
  const payment = (await startPayment(t, publicId, { method: 'VA_BRI' })).body.data;
  const answer = await payVa(t, { bank: 'BRI', va_number: payment.payment_method_value, amount });
  expect(answer.status).toBe(200);
  return payment.reff_no;
}

// SPEC §7: every state rendered on the server: open, expired, closed, paid, unknown.
describe('linkPage', () => {
  it('open: who is paid, for what, how much, and what the customer fills in', async () => {
    const link = await createLinkOk(t, merchant, {
      title: 'Kopi Susu x2',
      description: 'Diantar sore ini',
      items: [
        { name: 'Kopi Susu', quantity: 2, unit_price: 25_000 },
        { name: 'Diskon', quantity: 1, unit_price: -5_000 },
      ],
      total_amount: 45_000,
      expired_at: '2026-01-16T10:00:00+07:00',
      required_customer_detail: true,
      customer: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
    });
    const view = await reader.linkPage(publicIdOf(link));
    expect(view).toMatchObject({
      publicId: publicIdOf(link),
      linkReffNo: link.reff_no,
      merchantName: 'Toko Kopi Senja',
      title: 'Kopi Susu x2',
      description: 'Diantar sore ini',
      items: [
        { name: 'Kopi Susu', quantity: 2, unitPrice: 25_000, subtotal: 50_000, isDiscount: false },
        { name: 'Diskon', quantity: 1, unitPrice: -5_000, subtotal: -5_000, isDiscount: true },
      ],
      total: 45_000,
      expiresAt: '2026-01-16T10:00:00+07:00',
      sandbox: true,
      state: 'open',
      requiresCustomer: true,
      boundCustomer: { name: 'Budi', email: 'budi@example.com', phone: '+6281234567890' },
      askedCustomerFields: [],
      receipt: null,
      returnToMerchant: null,
    });
  });

  it('expired: once expired_at passes, sending the customer back with status=expired', async () => {
    const link = await createLinkOk(t, merchant, {
      expired_at: '2026-01-15T11:00:00+07:00',
      redirect_url: RETURN,
    });
    expect((await reader.linkPage(publicIdOf(link)))?.state).toBe('open');
    t.clock.advance(60 * 60_000);
    const view = await reader.linkPage(publicIdOf(link));
    expect(view).toMatchObject({ state: 'expired', receipt: null });
    const back = new URL(view?.returnToMerchant?.url ?? '');
    expect(view?.returnToMerchant?.status).toBe('expired');
    expect(back.searchParams.get('status')).toBe('expired');
    expect(back.searchParams.get('reff_no')).toBe(link.reff_no);
    expect(back.searchParams.has('payment_id')).toBe(false);
    expect(back.searchParams.get('order')).toBe('A-17');
  });

  it('closed: by the merchant, or a multi-use link used up (no receipt), and which', async () => {
    const byMerchant = await createLinkOk(t, merchant, { redirect_url: RETURN });
    await closeLink(t, byMerchant.id);
    const closed = await reader.linkPage(publicIdOf(byMerchant), { isWatched: true });
    expect(closed).toMatchObject({
      state: 'closed',
      closedReason: 'merchant',
      receipt: null,
      // A way back, never automatic, with no status of ours (docs/decisions/023).
      returnToMerchant: { status: 'closed', isAutomatic: false },
    });
    expect(Object.fromEntries(new URL(closed?.returnToMerchant?.url ?? '').searchParams)).toEqual({
      order: 'A-17',
      lang: 'id',
      reff_no: byMerchant.reff_no,
    });
    const usedUp = await createLinkOk(t, merchant, { total_amount: 20_000, max_usage: 2 });
    await payOnce(publicIdOf(usedUp), 20_000);
    expect((await reader.linkPage(publicIdOf(usedUp)))?.state).toBe('open');
    await payOnce(publicIdOf(usedUp), 20_000);
    expect(await reader.linkPage(publicIdOf(usedUp))).toMatchObject({
      state: 'closed',
      closedReason: 'used_up',
      receipt: null,
      returnToMerchant: null,
    });
  });

  it('names the merchant’s contact (the account’s email and phone) on every state', async () => {
    const reachable = await createMerchant(t, {
      email: 'halo@senja.example',
      phone: '0812 3399 3201',
    });
    const link = await createLinkOk(t, reachable, {});
    expect((await reader.linkPage(publicIdOf(link)))?.merchant.contact).toEqual({
      email: 'halo@senja.example',
      phone: '0812 3399 3201',
      phoneHref: 'tel:+6281233993201',
    });
  });

  it('sends the customer back by itself only right after it watched the expiry', async () => {
    const link = await createLinkOk(t, merchant, {
      expired_at: '2026-01-15T11:00:00+07:00',
      redirect_url: RETURN,
    });
    t.clock.set(new Date('2026-01-15T04:00:05Z'));
    const watched = await reader.linkPage(publicIdOf(link), { isWatched: true });
    expect(watched?.returnToMerchant).toMatchObject({ status: 'expired', isAutomatic: true });
    // Opened later, or without having watched it happen: a button only.
    expect((await reader.linkPage(publicIdOf(link)))?.returnToMerchant?.isAutomatic).toBe(false);
    t.clock.set(new Date('2026-01-15T04:10:01Z'));
    const late = await reader.linkPage(publicIdOf(link), { isWatched: true });
    expect(late?.returnToMerchant).toMatchObject({ status: 'expired', isAutomatic: false });
  });

  it('paid: a used single-use link shows its receipt and the way back to the merchant', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 30_000, redirect_url: RETURN });
    t.clock.advance(90_000);
    const reffNo = await payOnce(publicIdOf(link), 30_000);
    const view = await reader.linkPage(publicIdOf(link));
    expect(view).toMatchObject({
      state: 'paid',
      receipt: {
        paymentReffNo: reffNo,
        methodName: 'VA BRI',
        amount: 30_000,
        paidAt: '2026-01-15T10:01:30+07:00',
      },
      returnToMerchant: { status: 'paid', isAutomatic: false },
    });
    const back = new URL(view?.returnToMerchant?.url ?? '');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      order: 'A-17',
      lang: 'id',
      reff_no: link.reff_no,
      status: 'paid',
      payment_id: reffNo,
    });
    // The page that watched the payment happen sends the customer on; the same page opened
    // ten minutes later (a bookmark, the back button) does not.
    const watched = await reader.linkPage(publicIdOf(link), { isWatched: true });
    expect(watched?.returnToMerchant?.isAutomatic).toBe(true);
    t.clock.advance(10 * 60_000 + 1);
    const later = await reader.linkPage(publicIdOf(link), { isWatched: true });
    expect(later?.returnToMerchant?.isAutomatic).toBe(false);
  });

  it('paid: the receipt says where its mail went, masked', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: 30_000,
      customer: { name: 'Budi', email: 'budi.santoso@example.com', phone: '081234567890' },
    });
    await payOnce(publicIdOf(link), 30_000);
    const view = await reader.linkPage(publicIdOf(link));
    expect(view?.receipt?.emailedTo).toBe('b***@example.com');
    const anonymous = await createLinkOk(t, merchant, { total_amount: 30_000 });
    await payOnce(publicIdOf(anonymous), 30_000);
    expect((await reader.linkPage(publicIdOf(anonymous)))?.receipt?.emailedTo).toBeNull();
  });

  it('paid stays paid after the link’s expiry passes: the customer did pay', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: 30_000,
      expired_at: '2026-01-15T12:00:00+07:00',
      redirect_url: RETURN,
    });
    const reffNo = await payOnce(publicIdOf(link), 30_000);
    t.clock.advance(DAY_MS);
    const view = await reader.linkPage(publicIdOf(link));
    expect(view).toMatchObject({ state: 'paid', receipt: { paymentReffNo: reffNo } });
    expect(new URL(view?.returnToMerchant?.url ?? '').searchParams.get('status')).toBe('paid');
  });

  it('unknown: null for a public id that matches nothing or is malformed', async () => {
    expect(await reader.linkPage(`PL20260115100000${'0'.repeat(32)}`)).toBeNull();
    expect(await reader.linkPage('PL123')).toBeNull();
    expect(await reader.linkPage('')).toBeNull();
  });
});

// SPEC §5: whitelisted (all when null), enabled, and within the method's limits; grouped.
describe('linkPage methodGroups', () => {
  it.each([
    [
      {},
      [
        'qris: QRIS',
        'va: VA_BCA VA_BNI VA_BRI VA_MANDIRI VA_PERMATA VA_CIMB VA_DANAMON VA_MAYBANK VA_BSI',
      ],
    ],
    [
      { whitelisted_payment_method: ['VA_BNI', 'QRIS', 'VA_BCA'] },
      ['qris: QRIS', 'va: VA_BCA VA_BNI'],
    ],
    [{ whitelisted_payment_method: ['VA_MANDIRI'] }, ['va: VA_MANDIRI']],
    [{ total_amount: 5_000 }, ['qris: QRIS']],
    [{ total_amount: 15_000_000, whitelisted_payment_method: ['QRIS', 'VA_BCA'] }, ['va: VA_BCA']],
    [
      { total_amount: 25_000_000 },
      ['va: VA_BNI VA_BRI VA_MANDIRI VA_PERMATA VA_CIMB VA_DANAMON VA_MAYBANK VA_BSI'],
    ],
    [{ total_amount: 150_000_000 }, ['va: VA_BNI VA_BRI']],
  ])('%j → %j', async (body, expected) => {
    const link = await createLinkOk(t, merchant, { total_amount: 50_000, ...body });
    expect(offer(await reader.linkPage(publicIdOf(link)))).toEqual(expected);
  });

  it('leaves out a method disabled in the catalog', async () => {
    const catalog = createCatalog(
      DEFAULT_CATALOG.map((m) =>
        m.code === 'VA_BRI' || m.code === 'QRIS' ? { ...m, enabled: false } : m,
      ),
    );
    const limited = createCheckoutReader({ ...t.deps, catalog });
    const link = await createLinkOk(t, merchant, {
      whitelisted_payment_method: ['QRIS', 'VA_BRI', 'VA_BSI'],
    });
    expect(offer(await limited.linkPage(publicIdOf(link)))).toEqual(['va: VA_BSI']);
  });

  it('labels each method with its short and full name', async () => {
    const link = await createLinkOk(t, merchant, {
      whitelisted_payment_method: ['QRIS', 'VA_BRI'],
    });
    const groups = (await reader.linkPage(publicIdOf(link)))?.methodGroups;
    expect(groups).toEqual([
      {
        group: 'qris',
        methods: [{ code: 'QRIS', group: 'qris', label: 'QRIS', fullName: 'QRIS' }],
      },
      {
        group: 'va',
        methods: [{ code: 'VA_BRI', group: 'va', label: 'BRI', fullName: 'Bank Rakyat Indonesia' }],
      },
    ]);
  });
});
