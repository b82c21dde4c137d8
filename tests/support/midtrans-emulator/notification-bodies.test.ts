import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bodyOf } from '../merchant-receiver.ts';
import {
  bcaCharge,
  chargeBody,
  merchantSideSignature,
  newOrderId,
} from './core-api-test-client.ts';
import { useNotifyingEmulator } from './emulator-test-setup.ts';

let clock = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useNotifyingEmulator(() => clock);

function expectSignedWith(body: any, serverKey: string) {
  expect(body.signature_key).toBe(merchantSideSignature(body, serverKey));
}

describe('notification bodies (A.4, D.1)', () => {
  it('posts a signed pending and then a settlement notification built from the stored order', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    midtrans.emulator.pay(charge.body.order_id);
    const [pending, settled] = await midtrans.receiver.waitFor(2);
    expect(pending!.headers['content-type']).toBe('application/json');
    expect(pending!.headers['user-agent']).toBe('Veritrans');
    expect(bodyOf(pending!)).toMatchObject({ status_code: '201', transaction_status: 'pending' });
    const body = bodyOf(settled!);
    expect(body).toEqual({
      va_numbers: charge.body.va_numbers,
      payment_amounts: [{ paid_at: body.settlement_time, amount: '44000.00' }],
      transaction_time: charge.body.transaction_time,
      transaction_status: 'settlement',
      transaction_id: charge.body.transaction_id,
      status_message: 'midtrans payment notification',
      status_code: '200',
      signature_key: expect.stringMatching(/^[0-9a-f]{128}$/),
      settlement_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      payment_type: 'bank_transfer',
      order_id: charge.body.order_id,
      merchant_id: charge.body.merchant_id,
      gross_amount: '44000.00',
      fraud_status: 'accept',
      currency: 'IDR',
      expiry_time: charge.body.expiry_time,
    });
    expectSignedWith(body, midtrans.emulator.serverKey);
    expectSignedWith(bodyOf(pending!), midtrans.emulator.serverKey);
  });

  it.each([
    [
      'permata',
      chargeBody('permata', newOrderId(), 1000),
      { permata_va_number: expect.any(String), payment_type: 'bank_transfer' },
    ],
    [
      'echannel',
      chargeBody('echannel', newOrderId(), 1000, {
        echannel: { bill_info1: 'a', bill_info2: 'b' },
      }),
      { bill_key: expect.any(String), biller_code: '70012' },
    ],
    [
      'cstore',
      chargeBody('cstore', newOrderId(), 10000, { cstore: { store: 'alfamart' } }),
      { payment_code: expect.any(String), store: 'alfamart', approval_code: expect.any(String) },
    ],
    [
      'qris',
      chargeBody('qris', newOrderId(), 1000),
      { payment_type: 'qris', acquirer: 'gopay', issuer: 'gopay', transaction_type: 'on-us' },
    ],
    [
      'qris airpay shopee',
      chargeBody('qris', newOrderId(), 1000, { qris: { acquirer: 'airpay shopee' } }),
      {
        acquirer: 'airpay shopee',
        issuer: 'shopeepay',
        shopeepay_reference_number: expect.stringMatching(/^\d{18}$/),
        reference_id: expect.any(String),
      },
    ],
    [
      'gopay',
      chargeBody('gopay', newOrderId(), 1000),
      { payment_type: 'gopay', payment_option_type: 'GOPAY_WALLET' },
    ],
    [
      'shopeepay',
      chargeBody('shopeepay', newOrderId(), 1000),
      { payment_type: 'shopeepay', shopeepay_reference_number: expect.any(String) },
    ],
  ])('carries the %s fields in the settlement', async (_name, body, fields) => {
    const charge = await midtrans.api.charge(body);
    midtrans.emulator.pay(charge.body.order_id);
    const [, settled] = await midtrans.receiver.waitFor(2);
    expect(bodyOf(settled!)).toMatchObject({ status_code: '200', ...fields });
  });

  it('notifies a GoPay order paid by QR with payment_type qris', async () => {
    const charge = await midtrans.api.charge(chargeBody('gopay', newOrderId(), 1000));
    midtrans.emulator.pay(charge.body.order_id, { via: 'qr', issuer: 'ovo' });
    const [, settled] = await midtrans.receiver.waitFor(2);
    expect(bodyOf(settled!)).toMatchObject({
      payment_type: 'qris',
      transaction_status: 'settlement',
      issuer: 'ovo',
      acquirer: 'gopay',
      transaction_type: 'off-us',
    });
    expectSignedWith(bodyOf(settled!), midtrans.emulator.serverKey);
  });

  it.each([
    ['cancel', (id: string) => midtrans.api.cancel(id), 'cancel'],
    ['expire', (id: string) => midtrans.api.expire(id), 'expire'],
    [
      'expiry by time',
      async () => {
        clock += 20_000;
        midtrans.emulator.expireDue();
      },
      'expire',
    ],
  ])('sends "202" after %s', async (_name, end, status) => {
    const expiry = { expiry_duration: 20, unit: 'second' };
    const charge = await midtrans.api.charge({ ...bcaCharge(), custom_expiry: expiry });
    await end(charge.body.order_id);
    const [, last] = await midtrans.receiver.waitFor(2);
    expect(bodyOf(last!)).toMatchObject({ status_code: '202', transaction_status: status });
    expectSignedWith(bodyOf(last!), midtrans.emulator.serverKey);
  });

  it('sends "202" deny after a reversal', async () => {
    const charge = await midtrans.api.charge(
      chargeBody('cstore', newOrderId(), 10000, { cstore: { store: 'indomaret' } }),
    );
    midtrans.emulator.pay(charge.body.order_id);
    midtrans.emulator.reverse(charge.body.order_id);
    const [, , denied] = await midtrans.receiver.waitFor(3);
    expect(bodyOf(denied!)).toMatchObject({ status_code: '202', transaction_status: 'deny' });
  });
});

describe('notification URLs (A.1)', () => {
  it('adds X-Append-Notification URLs to the dashboard URL', async () => {
    await midtrans.api.charge(bcaCharge(), {
      'X-Append-Notification': `${midtrans.receiver.url('/a')},${midtrans.receiver.url('/b')}`,
    });
    const received = await midtrans.receiver.waitFor(3);
    expect(received.map((request) => request.url).sort()).toEqual(['/a', '/b', '/midtrans']);
  });

  it('replaces the dashboard URL with X-Override-Notification, which wins over append', async () => {
    const urls = ['/o1', '/o2', '/o3', '/o4'].map((path) => midtrans.receiver.url(path)).join(', ');
    await midtrans.api.charge(bcaCharge(), {
      'X-Override-Notification': urls,
      'X-Append-Notification': midtrans.receiver.url('/appended'),
    });
    await midtrans.receiver.waitFor(3);
    await sleep(200);
    expect(midtrans.receiver.received.map((request) => request.url).sort()).toEqual([
      '/o1',
      '/o2',
      '/o3',
    ]);
  });
});
