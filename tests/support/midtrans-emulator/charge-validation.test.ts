import { describe, expect, it } from 'vitest';
import { basicAuth, bcaCharge, chargeBody, newOrderId } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

const now = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useEmulator({ serverKey: 'SB-Mid-server-abc123cde456', now: () => now });

describe('Basic auth (A.1)', () => {
  it('takes the documented header for the documented example key', async () => {
    expect(basicAuth('SB-Mid-server-abc123cde456')).toBe(
      'Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6',
    );
    expect((await midtrans.api.charge(bcaCharge())).status).toBe(200);
  });

  it.each([
    ['a wrong key', { authorization: basicAuth('SB-Mid-server-other') }],
    ['a non-empty password', { authorization: basicAuth('SB-Mid-server-abc123cde456', 'x') }],
    ['no Authorization header', { authorization: '' }],
  ])('answers HTTP 401 with the documented body for %s', async (_name, headers) => {
    const before = midtrans.emulator.orders().length;
    for (const reply of [
      await midtrans.api.charge(bcaCharge(), headers),
      await fetchStatusWith(headers.authorization),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        status_code: '401',
        status_message: 'Unknown Merchant server_key/id',
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    }
    expect(midtrans.emulator.orders()).toHaveLength(before);
  });
});

async function fetchStatusWith(authorization: string) {
  const response = await fetch(`${midtrans.emulator.url}/v2/any-order/status`, {
    headers: { authorization, accept: 'application/json' },
  });
  return { status: response.status, body: await response.json() };
}

describe('validation (A.6): HTTP 400 with validation_messages', () => {
  const base = (details: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    payment_type: 'bank_transfer',
    bank_transfer: { bank: 'bca' },
    transaction_details: { order_id: newOrderId(), gross_amount: 10000, ...details },
    ...extra,
  });

  it.each([
    [
      'a missing order_id',
      base({ order_id: undefined }),
      'transaction_details.order_id is required',
    ],
    ['an order_id over 50 characters', base({ order_id: 'a'.repeat(51) }), 'greater than 50'],
    ['an order_id with "#"', base({ order_id: 'order#1' }), 'may only contain'],
    ['a decimal gross_amount', base({ gross_amount: 10000.5 }), 'must be an integer'],
    ['a decimal gross_amount string', base({ gross_amount: '10000.50' }), 'must be an integer'],
    ['a zero gross_amount', base({ gross_amount: 0 }), 'greater than or equal to 1'],
    ['a negative gross_amount', base({ gross_amount: -5 }), 'greater than or equal to 1'],
    [
      'item_details that do not add up',
      base({}, { item_details: [{ id: 'a', price: 4000, quantity: 2, name: 'Tea' }] }),
      'not equal to the sum of item_details',
    ],
    [
      'an unsupported payment_type',
      { ...base({}), payment_type: 'credit_card' },
      'payment_type credit_card is not supported',
    ],
    [
      'an unsupported bank',
      base({}, { bank_transfer: { bank: 'mandiri' } }),
      'bank_transfer.bank mandiri is not supported',
    ],
    [
      'a VA number with letters',
      base({}, { bank_transfer: { bank: 'bni', va_number: '12ab' } }),
      'only digits',
    ],
    [
      'an unsupported store',
      chargeBody('cstore', newOrderId(), 10000, { cstore: { store: 'lawson' } }),
      'cstore.store lawson',
    ],
    [
      'echannel without bill_info2',
      chargeBody('echannel', newOrderId(), 10000, { echannel: { bill_info1: 'a' } }),
      'echannel.bill_info2 is required',
    ],
    [
      'a custom_expiry unit of weeks',
      base({}, { custom_expiry: { expiry_duration: 1, unit: 'week' } }),
      'custom_expiry.unit',
    ],
    [
      'a malformed order_time',
      base({}, { custom_expiry: { expiry_duration: 1, order_time: '2026-03-01 10:00' } }),
      'custom_expiry.order_time',
    ],
  ])('refuses %s', async (_name, body, message) => {
    const reply = await midtrans.api.charge(body);
    expect(reply.status).toBe(400);
    expect(reply.body.status_code).toBe('400');
    expect(reply.body.validation_messages).toEqual(
      expect.arrayContaining([expect.stringContaining(message)]),
    );
  });

  it('accepts item_details that add up, discounts included, and a digit-string amount', async () => {
    const body = base(
      { gross_amount: '7000' },
      {
        item_details: [
          { id: 'a', price: 4000, quantity: 2, name: 'Tea' },
          { id: 'd', price: -1000, quantity: 1, name: 'Discount' },
        ],
      },
    );
    const reply = await midtrans.api.charge(body);
    expect(reply.status).toBe(200);
    expect(reply.body.gross_amount).toBe('7000.00');
  });

  it('accepts order ids of exactly 50 characters with - _ ~ .', async () => {
    const orderId = `A-b_c~d.${'9'.repeat(42)}`;
    const reply = await midtrans.api.charge(bcaCharge(orderId));
    expect(reply.status).toBe(200);
    expect(reply.body.order_id).toBe(orderId);
  });

  it('refuses a body that is not JSON and a charge sent as a form', async () => {
    const headers = { authorization: basicAuth(midtrans.emulator.serverKey) };
    const broken = await fetch(`${midtrans.emulator.url}/v2/charge`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"payment_type":',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).status_code).toBe('413');
    const form = await fetch(`${midtrans.emulator.url}/v2/charge`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payment_type=bank_transfer',
    });
    expect(form.status).toBe(403);
  });
});

describe('order_id reuse (A.5, A.6)', () => {
  it('answers 406 for a pending or paid order_id and creates nothing', async () => {
    const orderId = newOrderId();
    expect((await midtrans.api.charge(bcaCharge(orderId))).status).toBe(200);
    const pending = await midtrans.api.charge(bcaCharge(orderId));
    expect(pending.status).toBe(406);
    expect(pending.body.status_code).toBe('406');
    midtrans.emulator.pay(orderId);
    expect((await midtrans.api.charge(bcaCharge(orderId))).status).toBe(406);
    expect(midtrans.emulator.orders().filter((order) => order.orderId === orderId)).toHaveLength(1);
  });

  it.each(['cancel', 'expire'] as const)(
    'lets an order_id be charged again after %s',
    async (end) => {
      const orderId = newOrderId();
      const first = await midtrans.api.charge(bcaCharge(orderId));
      await midtrans.api[end](orderId);
      const second = await midtrans.api.charge(bcaCharge(orderId));
      expect(second.status).toBe(200);
      expect(second.body.transaction_id).not.toBe(first.body.transaction_id);
      // The order id now names the new charge; the old one stays reachable by transaction id.
      expect((await midtrans.api.status(orderId)).body.transaction_status).toBe('pending');
      const old = await midtrans.api.status(first.body.transaction_id);
      expect(old.body.transaction_status).toBe(end);
    },
  );
});
