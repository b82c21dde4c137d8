import { describe, expect, it } from 'vitest';
import { expectCommonFields } from './charge-expectations.ts';
import { bcaCharge, chargeBody, newOrderId } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

const midtrans = useEmulator({ merchantId: 'G812785002' });

describe('POST /v2/charge bank_transfer', () => {
  it.each([
    ['bca', 15],
    ['bni', 16],
    ['bri', 16],
    ['cimb', 16],
  ])('answers HTTP 200, body "201" and va_numbers for %s', async (bank, length) => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge(
      chargeBody('bank_transfer', orderId, 44000, { bank_transfer: { bank } }),
    );
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'bank_transfer', '44000.00');
    expect(reply.body.status_message).toBe('Success, Bank Transfer transaction is created');
    expect(reply.body.va_numbers).toEqual([{ bank, va_number: expect.any(String) }]);
    expect(reply.body.va_numbers[0].va_number).toMatch(new RegExp(`^\\d{${length}}$`));
    expect(reply.body).not.toHaveProperty('permata_va_number');
  });

  it.each([
    [
      'bank_transfer with bank permata',
      { payment_type: 'bank_transfer', bank_transfer: { bank: 'permata' } },
    ],
    ['payment_type permata', { payment_type: 'permata' }],
  ])('answers permata_va_number instead of va_numbers for %s', async (_name, shape) => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge({
      ...shape,
      transaction_details: { order_id: orderId, gross_amount: 10000 },
    });
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'bank_transfer', '10000.00');
    expect(reply.body.status_message).toBe('Success, PERMATA VA transaction is successful');
    expect(reply.body.permata_va_number).toMatch(/^\d{15}$/);
    expect(reply.body).not.toHaveProperty('va_numbers');
  });

  it('keeps a custom va_number, unless a pending order holds it', async () => {
    const custom = { bank_transfer: { bank: 'bni', va_number: '1234567890' } };
    const first = await midtrans.api.charge(
      chargeBody('bank_transfer', newOrderId(), 5000, custom),
    );
    const second = await midtrans.api.charge(
      chargeBody('bank_transfer', newOrderId(), 5000, custom),
    );
    expect(first.body.va_numbers[0].va_number).toBe('1234567890');
    expect(second.body.va_numbers[0].va_number).not.toBe('1234567890');
  });

  it('gives each order its own VA number and transaction id', async () => {
    const one = await midtrans.api.charge(bcaCharge());
    const two = await midtrans.api.charge(bcaCharge());
    expect(one.body.va_numbers[0].va_number).not.toBe(two.body.va_numbers[0].va_number);
    expect(one.body.transaction_id).not.toBe(two.body.transaction_id);
  });
});

describe('POST /v2/charge echannel', () => {
  it('answers bill_key and biller_code 70012', async () => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge(
      chargeBody('echannel', orderId, 44000, {
        echannel: { bill_info1: 'Payment:', bill_info2: 'Online purchase' },
      }),
    );
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'echannel', '44000.00');
    expect(reply.body.status_message).toBe('OK, Mandiri Bill transaction is successful');
    expect(reply.body.biller_code).toBe('70012');
    expect(reply.body.bill_key).toMatch(/^\d{12}$/);
  });

  it('keeps a custom bill_key', async () => {
    const reply = await midtrans.api.charge(
      chargeBody('echannel', newOrderId(), 44000, {
        echannel: { bill_info1: 'a', bill_info2: 'b', bill_key: '99887766' },
      }),
    );
    expect(reply.body.bill_key).toBe('99887766');
  });
});

describe('POST /v2/charge cstore', () => {
  it.each([
    ['alfamart', 'alfamart', 12],
    ['Indomaret', 'indomaret', 14],
  ])('answers payment_code and store for "%s"', async (store, expected, length) => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge(
      chargeBody('cstore', orderId, 162500, { cstore: { store } }),
    );
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'cstore', '162500.00');
    expect(reply.body.status_message).toBe('Success, cstore transaction is successful');
    expect(reply.body.store).toBe(expected);
    expect(reply.body.payment_code).toMatch(new RegExp(`^\\d{${length}}$`));
  });
});
