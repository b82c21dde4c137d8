import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { START } from '../../../tests/support/link-api.ts';
import { createCheckoutReader } from '../../checkout/checkout-reader.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import {
  asMerchant,
  deliveriesOf,
  EXAMPLE_ATTRIBUTES,
  linkRowByReference,
  publicIdOfUrl,
} from '../../../tests/support/v4-api.ts';

let t: TestPaylink;
let merchant: Merchant;
let v4: ReturnType<typeof asMerchant>;
let counter = 0;
/** A reference of its own for each test: references are unique per account. */
const nextReference = () => `REF-${++counter}`;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { name: 'Toko Uji Sejahtera' });
  v4 = asMerchant(t, merchant);
});
beforeEach(() => t.clock.set(START));
afterAll(() => t.close());

describe('POST /api/v4/payment_links (SPEC §4)', () => {
  it('answers 201 with exactly the v4 object of the example, JSON types included', async () => {
    const answer = await v4.create(EXAMPLE_ATTRIBUTES);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const id = answer.body.data.id as string;
    expect(id).toMatch(/^paymentlink_[0-9a-f]{32}$/);
    expect(answer.body).toStrictEqual({
      data: {
        id,
        type: 'payment_links',
        attributes: {
          status: 'pending',
          amount: '10000.0',
          referenceId: 'Payment_link_reference_id',
          createdAt: '2026-01-15 10:00:00 +0700',
          description: 'Order Number 0001',
          expiredAt: '2026-01-16 16:00:00 +0700',
          paymentLinkUrl: `${TEST_BASE_URL}/b2b/PL20260115100000${id.slice(-32)}`,
          customerName: 'John Doe',
          customerEmail: 'john@example.com',
          customerPhoneNumber: '080000000000',
          paymentMethodOptions: { displayName: 'Nama Tampilan' },
        },
      },
    });
  });

  it('stores a single-use v4 link bound to its customer, with the request fingerprint', async () => {
    const referenceId = nextReference();
    await v4.create({ ...EXAMPLE_ATTRIBUTES, referenceId });
    const [row] = await linkRowByReference(t, referenceId);
    expect(row).toMatchObject({
      accountId: merchant.accountId,
      dialect: 'v4',
      title: 'Order Number 0001',
      maxUsage: 1,
      currentUsage: 0,
      requiredCustomerDetail: false,
      totalAmount: 10_000,
      whitelistedPaymentMethod: null,
      displayName: 'Nama Tampilan',
      customer: { name: 'John Doe', email: 'john@example.com', phone: '080000000000' },
      expiredAt: new Date('2026-01-16T09:00:00.000Z'),
    });
    expect(row?.requestFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('queues the link mail to customerEmail with the link, in the display name', async () => {
    const referenceId = nextReference();
    const created = await v4.create({ ...EXAMPLE_ATTRIBUTES, referenceId });
    const [row] = await linkRowByReference(t, referenceId);
    const queued = await deliveriesOf(t, row?.id ?? 0);
    expect(queued.map((d) => [d.channel, d.event, d.target])).toEqual([
      ['email', 'mail.payment_link', 'john@example.com'],
    ]);
    const mail = JSON.parse(queued[0]?.payload ?? '{}');
    expect(JSON.stringify(mail)).toContain(created.body.data.attributes.paymentLinkUrl);
    expect(JSON.stringify(mail)).toContain('Nama Tampilan');
  });

  it('takes the smallest body: nulls for what was not given, the reference as title', async () => {
    const referenceId = nextReference();
    const answer = await v4.create({ amount: 15_000, referenceId });
    expect(answer.status).toBe(201);
    expect(answer.body.data.attributes).toStrictEqual({
      status: 'pending',
      amount: '15000.0',
      referenceId,
      createdAt: '2026-01-15 10:00:00 +0700',
      description: referenceId,
      expiredAt: null,
      paymentLinkUrl: expect.stringMatching(/\/b2b\/PL20260115100000[0-9a-f]{32}$/),
      customerName: null,
      customerEmail: null,
      customerPhoneNumber: null,
      paymentMethodOptions: { displayName: null },
    });
    const [row] = await linkRowByReference(t, referenceId);
    expect(row?.customer).toBeNull();
    expect(await deliveriesOf(t, row?.id ?? 0)).toEqual([]);
  });

  it.each([
    ['a JSON integer', 10000, '10000.0'],
    ['a numeric string', '10000', '10000.0'],
    ['the v4 string format', '10000.0', '10000.0'],
    ['two decimals', '25000.00', '25000.0'],
    ['the smallest amount a method takes', 1000, '1000.0'],
    ['the largest amount a method takes', 250_000_000, '250000000.0'],
  ])('takes amount as %s', async (_label, amount, written) => {
    const answer = await v4.create({ amount, referenceId: nextReference() });
    expect(answer.status).toBe(201);
    expect(answer.body.data.attributes.amount).toBe(written);
  });

  it.each([
    ['the v4 format', '2026-01-16 16:00:00 +0700', '2026-01-16 16:00:00 +0700'],
    ['ISO 8601 with an offset', '2026-01-16T16:00:00+07:00', '2026-01-16 16:00:00 +0700'],
    ['ISO 8601 in UTC', '2026-01-16T09:00:00Z', '2026-01-16 16:00:00 +0700'],
    ['another offset', '2026-01-16 10:00:00 +0100', '2026-01-16 16:00:00 +0700'],
    ['null', null, null],
  ])('takes expiredAt as %s', async (_label, expiredAt, written) => {
    const answer = await v4.create({ amount: 20_000, referenceId: nextReference(), expiredAt });
    expect(answer.status).toBe(201);
    expect(answer.body.data.attributes.expiredAt).toBe(written);
  });

  it.each([
    ['0812-3456-7890', '081234567890'],
    ['+62 812 3456 7890', '081234567890'],
    ['6281234567890', '081234567890'],
  ])('normalises the phone %s to %s', async (phone, national) => {
    const answer = await v4.create({
      amount: 20_000,
      referenceId: nextReference(),
      customerPhoneNumber: phone,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data.attributes.customerPhoneNumber).toBe(national);
  });

  it('reads empty optional strings as not given, and trims text', async () => {
    const answer = await v4.create({
      amount: 20_000,
      referenceId: nextReference(),
      description: '  Kaos polos  ',
      customerName: '',
      customerEmail: ' ',
      customerPhoneNumber: '',
      paymentMethodOptions: { displayName: '' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data.attributes).toMatchObject({
      description: 'Kaos polos',
      customerName: null,
      customerEmail: null,
      customerPhoneNumber: null,
      paymentMethodOptions: { displayName: null },
    });
  });

  it('takes the JSON:API media type and ignores unknown members', async () => {
    const answer = await v4.call('POST', '/payment_links', {
      data: {
        type: 'payment_links',
        attributes: { amount: 20_000, referenceId: nextReference(), currency: 'IDR' },
      },
      meta: { source: 'erp' },
    });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body.data.attributes)).not.toContain('currency');
  });

  it('shows the page in the display name, bound to the customer, every method offered', async () => {
    const created = await v4.create({ ...EXAMPLE_ATTRIBUTES, referenceId: nextReference() });
    const publicId = publicIdOfUrl(created.body.data.attributes.paymentLinkUrl);
    const view = await createCheckoutReader(t.deps).linkPage(publicId);
    expect(view).toMatchObject({
      merchantName: 'Nama Tampilan',
      title: 'Order Number 0001',
      total: 10_000,
      state: 'open',
      requiresCustomer: false,
      boundCustomer: { name: 'John Doe', email: 'john@example.com', phone: '080000000000' },
      askedCustomerFields: [],
    });
    // Rp 10.000 is within every method's limits (SPEC §5).
    const offered = view?.methodGroups.flatMap((group) => group.methods.map((m) => m.code));
    expect(offered?.sort()).toEqual(t.deps.catalog.all.map((m) => m.code).sort());
  });
});
