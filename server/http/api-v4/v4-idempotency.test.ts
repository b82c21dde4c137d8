import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLinkOk, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import {
  asMerchant,
  deliveriesOf,
  EXAMPLE_ATTRIBUTES,
  expectErrors,
  linkRowByReference,
} from '../../../tests/support/v4-api.ts';

let t: TestPaylink;
let merchant: Merchant;
let v4: ReturnType<typeof asMerchant>;
let counter = 0;
const nextReference = () => `IDEM-${++counter}`;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  v4 = asMerchant(t, merchant);
});
beforeEach(() => t.clock.set(START));
afterAll(() => t.close());

// SPEC §4: referenceId is unique per account and is the idempotency key.
describe('POST /api/v4/payment_links: referenceId as the idempotency key', () => {
  it('answers a repeat of the same body with the same link, 201 again, and mails once', async () => {
    const attributes = { ...EXAMPLE_ATTRIBUTES, referenceId: nextReference() };
    const first = await v4.create(attributes);
    t.clock.advance(5 * 60_000);
    const again = await v4.create(attributes);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toStrictEqual(first.body);
    const rows = await linkRowByReference(t, attributes.referenceId);
    expect(rows).toHaveLength(1);
    const mails = (await deliveriesOf(t, rows[0]?.id ?? 0)).filter((d) => d.channel === 'email');
    expect(mails).toHaveLength(1);
  });

  it('takes other spellings of the same values as the same body', async () => {
    const referenceId = nextReference();
    const first = await v4.create({
      amount: 10000,
      referenceId,
      expiredAt: '2026-01-16 16:00:00 +0700',
      customerPhoneNumber: '080000000000',
      customerName: 'John Doe',
    });
    const again = await v4.create({
      referenceId,
      amount: '10000.0',
      expiredAt: '2026-01-16T09:00:00Z',
      customerPhoneNumber: '+62 800-0000-0000',
      customerName: '  John Doe ',
      customerEmail: '',
      paymentMethodOptions: null,
    });
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(first.body.data.id);
  });

  it.each<[string, Record<string, unknown>]>([
    ['another amount', { amount: 10_001 }],
    ['another description', { description: 'Order Number 0002' }],
    ['another expiry', { expiredAt: '2026-01-16 17:00:00 +0700' }],
    ['no expiry', { expiredAt: null }],
    ['another customer email', { customerEmail: 'jane@example.com' }],
    ['another customer name', { customerName: 'Jane Doe' }],
    ['another phone', { customerPhoneNumber: '081234567890' }],
    ['another display name', { paymentMethodOptions: { displayName: 'Toko Lain' } }],
    ['no display name', { paymentMethodOptions: {} }],
  ])('answers 409 to the same referenceId with %s, and changes nothing', async (_l, change) => {
    const attributes = { ...EXAMPLE_ATTRIBUTES, referenceId: nextReference() };
    const first = await v4.create(attributes);
    const clash = await v4.create({ ...attributes, ...change });
    expectErrors(clash, 409, ['/data/attributes/referenceId']);
    expect(clash.body.errors[0].code).toBe('REFF_NO_TAKEN');
    const shown = await v4.show(first.body.data.id);
    expect(shown.body).toStrictEqual(first.body);
    expect(await linkRowByReference(t, attributes.referenceId)).toHaveLength(1);
  });

  it('answers 409 to a referenceId a v1.0 link of the account already has', async () => {
    const referenceId = nextReference();
    await createLinkOk(t, merchant, { reff_no: referenceId });
    expectErrors(await v4.create({ amount: 20_000, referenceId }), 409, [
      '/data/attributes/referenceId',
    ]);
  });

  it('gives another account its own link for the same referenceId and body', async () => {
    const other = await createMerchant(t);
    const attributes = { ...EXAMPLE_ATTRIBUTES, referenceId: nextReference() };
    const mine = await v4.create(attributes);
    const theirs = await asMerchant(t, other).create(attributes);
    expect(theirs.status).toBe(201);
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
    const rows = await linkRowByReference(t, attributes.referenceId);
    expect(rows.map((row) => row.accountId).sort()).toEqual(
      [merchant.accountId, other.accountId].sort(),
    );
  });

  it('makes one link of simultaneous identical requests, and answers each with it', async () => {
    const attributes = { ...EXAMPLE_ATTRIBUTES, referenceId: nextReference() };
    const answers = await Promise.all([1, 2, 3, 4].map(() => v4.create(attributes)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    const rows = await linkRowByReference(t, attributes.referenceId);
    expect(rows).toHaveLength(1);
    expect(await deliveriesOf(t, rows[0]?.id ?? 0)).toHaveLength(1);
  });
});
