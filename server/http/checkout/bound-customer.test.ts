import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payVa, postForm, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { countPayments, paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, expectFailure } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import {
  asMerchant,
  deliveriesOf,
  EXAMPLE_ATTRIBUTES,
  linkRowByReference,
  publicIdOfUrl,
} from '../../../tests/support/v4-api.ts';

const CALLBACK_URL = 'https://merchant.example.test/paylink/callbacks';
const AMOUNT = 20_000;
const MALLORY = { name: 'Mallory', email: 'mallory@evil.example', phone: '089999999999' };

let t: TestPaylink;
let merchant: Merchant;
let counter = 0;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { callback_url: CALLBACK_URL });
});
afterAll(() => t.close());

/** A v4 link of SPEC §4's example customer (John Doe): answers its public and stored ids. */
async function v4Link() {
  const referenceId = `BOUND-${++counter}`;
  const created = await asMerchant(t, merchant).create({
    ...EXAMPLE_ATTRIBUTES,
    amount: AMOUNT,
    referenceId,
  });
  expect(created.status).toBe(201);
  const [row] = await linkRowByReference(t, referenceId);
  return {
    publicId: publicIdOfUrl(created.body.data.attributes.paymentLinkUrl),
    id: row?.id ?? 0,
  };
}

async function payByVa(vaNumber: string) {
  expect((await payVa(t, { bank: 'BRI', va_number: vaNumber, amount: AMOUNT })).status).toBe(200);
}

/** The receipt mail and the merchant's paid callback queued for a link. */
async function paidDeliveriesOf(linkId: number) {
  const queued = await deliveriesOf(t, linkId);
  const receipt = queued.find((d) => d.event === 'mail.receipt');
  const callback = queued.find((d) => d.channel === 'webhook');
  return {
    receiptTo: receipt?.target,
    receipt: receipt ? JSON.parse(receipt.payload) : null,
    callback: callback ? JSON.parse(callback.payload) : null,
  };
}

// docs/decisions/016: a link bound to its customer (SPEC §4 v4; v1.0 `customer`) is paid as
// that customer. A payer who sends other details is refused, so the receipt cannot be sent
// to an address the merchant never gave.
describe('a v4 link bound to its customer', () => {
  it('refuses a JSON start with another customer (422 CUSTOMER_BOUND naming each field)', async () => {
    const link = await v4Link();
    const answer = await startPayment(t, link.publicId, { method: 'VA_BRI', customer: MALLORY });
    expectFailure(answer, 422, 'CUSTOMER_BOUND');
    expect(Object.keys(answer.body.error.errors).sort()).toEqual([
      'customer.email',
      'customer.name',
      'customer.phone',
    ]);
    expect(JSON.stringify(answer.body)).not.toContain('john@example.com');
    const emailOnly = await startPayment(t, link.publicId, {
      method: 'QRIS',
      customer: { email: MALLORY.email },
    });
    expectFailure(emailOnly, 422, 'CUSTOMER_BOUND');
    expect(Object.keys(emailOnly.body.error.errors)).toEqual(['customer.email']);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('refuses a form post with another email, creating nothing', async () => {
    const link = await v4Link();
    const answer = await postForm(t, `/b2b/${link.publicId}/payments`, {
      method: 'VA_BRI',
      customer_email: MALLORY.email,
    });
    // Refused: not sent on to a payment (in-process, the page renderer is not mounted).
    expect(answer.status).not.toBe(303);
    expect(answer.location).toBeNull();
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('stores, mails and calls back the bound customer, even when the payer echoes it differently', async () => {
    const link = await v4Link();
    const started = await startPayment(t, link.publicId, {
      method: 'VA_BRI',
      customer: { name: ' JOHN DOE', email: 'John@Example.COM', phone: '+62 800-0000-0000' },
    });
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({
      customer_name: 'John Doe',
      customer_email: 'john@example.com',
      customer_phone: '080000000000',
    });
    await payByVa(started.body.data.payment_method_value);

    const [row] = await paymentRowsOf(t, link.id);
    expect(row?.customer).toEqual({
      name: 'John Doe',
      email: 'john@example.com',
      phone: '080000000000',
    });
    const sent = await paidDeliveriesOf(link.id);
    expect(sent.receiptTo).toBe('john@example.com');
    expect(sent.receipt.text).toContain('Halo John Doe');
    expect(sent.callback.data.attributes).toMatchObject({
      status: 'paid',
      customerName: 'John Doe',
      customerEmail: 'john@example.com',
      customerPhoneNumber: '080000000000',
    });
  });
});

describe('a v1.0 link created with `customer`', () => {
  async function v1Link() {
    const link = await createLinkOk(t, merchant, {
      total_amount: AMOUNT,
      required_customer_detail: true,
      customer: { name: 'Budi Santoso', email: 'budi@example.com' },
    });
    return { id: link.id as number, publicId: publicIdOf(link) };
  }

  it('refuses another name (JSON) or email (form post), creating nothing', async () => {
    const link = await v1Link();
    const byJson = await startPayment(t, link.publicId, {
      method: 'QRIS',
      customer: { name: MALLORY.name, phone: '081234567890' },
    });
    expectFailure(byJson, 422, 'CUSTOMER_BOUND');
    expect(Object.keys(byJson.body.error.errors)).toEqual(['customer.name']);
    const byForm = await postForm(t, `/b2b/${link.publicId}/payments`, {
      method: 'QRIS',
      customer_email: MALLORY.email,
      customer_phone: '081234567890',
    });
    expect(byForm.status).not.toBe(303);
    expect(await countPayments(t, link.id)).toBe(0);
  });

  it('asks only for what the merchant did not give: a form post with the phone pays as Budi', async () => {
    const link = await v1Link();
    const answer = await postForm(t, `/b2b/${link.publicId}/payments`, {
      method: 'VA_BRI',
      customer_phone: '0812 3456 7890',
    });
    expect(answer.status).toBe(303);
    const [row] = await paymentRowsOf(t, link.id);
    expect(row?.customer).toEqual({
      name: 'Budi Santoso',
      email: 'budi@example.com',
      phone: '+6281234567890',
    });
    await payByVa(row?.methodValue ?? '');
    const sent = await paidDeliveriesOf(link.id);
    expect(sent.receiptTo).toBe('budi@example.com');
    expect(sent.callback.data.customer).toMatchObject({
      name: 'Budi Santoso',
      email: 'budi@example.com',
      phone: '+6281234567890',
    });
  });
});
