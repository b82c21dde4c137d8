import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc16CcittFalse } from '../../../server/domain/payment-method/qris/crc16.ts';
import { parseTlv } from '../../../server/domain/payment-method/qris/tlv.ts';
import {
  bcaCharge,
  chargeBody,
  coreApiClient,
  newOrderId,
  type CoreApiClient,
} from './core-api-test-client.ts';
import { startMidtransEmulator, type MidtransEmulator } from './midtrans-emulator.ts';

let emulator: MidtransEmulator;
let api: CoreApiClient;

beforeAll(async () => {
  emulator = await startMidtransEmulator({ merchantId: 'G812785002' });
  api = coreApiClient(emulator);
});
afterAll(() => emulator.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WIB_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The fields every charge answer has (A.2 "Fields common to every charge response"). */
function expectCommonFields(body: any, orderId: string, paymentType: string, grossAmount: string) {
  expect(body).toMatchObject({
    status_code: '201',
    order_id: orderId,
    merchant_id: 'G812785002',
    gross_amount: grossAmount,
    currency: 'IDR',
    payment_type: paymentType,
    transaction_status: 'pending',
    fraud_status: 'accept',
  });
  expect(body.transaction_id).toMatch(UUID);
  expect(body.transaction_time).toMatch(WIB_TIME);
  expect(body.expiry_time).toMatch(WIB_TIME);
}

function scan(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('POST /v2/charge bank_transfer', () => {
  it.each([
    ['bca', 15],
    ['bni', 16],
    ['bri', 16],
    ['cimb', 16],
  ])('answers HTTP 200, body "201" and va_numbers for %s', async (bank, length) => {
    const orderId = newOrderId();
    const reply = await api.charge(
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
    const reply = await api.charge({
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
    const first = await api.charge(chargeBody('bank_transfer', newOrderId(), 5000, custom));
    const second = await api.charge(chargeBody('bank_transfer', newOrderId(), 5000, custom));
    expect(first.body.va_numbers[0].va_number).toBe('1234567890');
    expect(second.body.va_numbers[0].va_number).not.toBe('1234567890');
  });

  it('gives each order its own VA number and transaction id', async () => {
    const one = await api.charge(bcaCharge());
    const two = await api.charge(bcaCharge());
    expect(one.body.va_numbers[0].va_number).not.toBe(two.body.va_numbers[0].va_number);
    expect(one.body.transaction_id).not.toBe(two.body.transaction_id);
  });
});

describe('POST /v2/charge echannel', () => {
  it('answers bill_key and biller_code 70012', async () => {
    const orderId = newOrderId();
    const reply = await api.charge(
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
    const reply = await api.charge(
      chargeBody('echannel', newOrderId(), 44000, {
        echannel: { bill_info1: 'a', bill_info2: 'b', bill_key: '99887766' },
      }),
    );
    expect(reply.body.bill_key).toBe('99887766');
  });
});

describe('POST /v2/charge qris', () => {
  it('answers acquirer gopay, a PNG action and a valid EMV qr_string', async () => {
    const orderId = newOrderId();
    const reply = await api.charge(chargeBody('qris', orderId, 275000));
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'qris', '275000.00');
    expect(reply.body.status_message).toBe('QRIS transaction is created');
    expect(reply.body.acquirer).toBe('gopay');
    const qr: string = reply.body.qr_string;
    // EMVCo tag 63: CRC-16/CCITT-FALSE over everything up to and including "6304".
    expect(qr.slice(-4)).toBe(crc16CcittFalse(qr.slice(0, -4)));
    const tags = Object.fromEntries(parseTlv(qr)!.map((tag) => [tag.id, tag.value]));
    expect(tags['54']).toBe('275000');
    expect(tags['53']).toBe('360');
    expect(tags['62']).toBe(`05${String(orderId.length).padStart(2, '0')}${orderId}`);

    const action = reply.body.actions.find((a: any) => a.name === 'generate-qr-code');
    expect(action).toEqual({
      name: 'generate-qr-code',
      method: 'GET',
      url: `${emulator.url}/v2/qris/${reply.body.transaction_id}/qr-code`,
    });
    const image = await fetch(action.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const withBorder = reply.body.actions.find((a: any) => a.name === 'generate-qr-code-v2');
    const png = Buffer.from(await (await fetch(withBorder.url)).arrayBuffer());
    expect(scan(png)).toBe(qr);
  });

  it('accepts acquirer "airpay shopee" and refuses others', async () => {
    const ok = await api.charge(
      chargeBody('qris', newOrderId(), 10000, { qris: { acquirer: 'airpay shopee' } }),
    );
    expect(ok.body.acquirer).toBe('airpay shopee');
    const refused = await api.charge(
      chargeBody('qris', newOrderId(), 10000, { qris: { acquirer: 'ovo' } }),
    );
    expect(refused.status).toBe(400);
  });

  it('leaves qr_string out under qrStringPolicy "never", keeping the image URL', async () => {
    const plain = await startMidtransEmulator({ qrStringPolicy: 'never' });
    try {
      const reply = await coreApiClient(plain).charge(chargeBody('qris', newOrderId(), 10000));
      expect(reply.body).not.toHaveProperty('qr_string');
      const png = Buffer.from(await (await fetch(reply.body.actions[0].url)).arrayBuffer());
      expect(scan(png)).toMatch(/^000201/);
    } finally {
      await plain.close();
    }
  });
});

describe('POST /v2/charge gopay and shopeepay', () => {
  it('answers the four GoPay actions, the deeplink carrying the callback when enabled', async () => {
    const orderId = newOrderId();
    const reply = await api.charge(
      chargeBody('gopay', orderId, 275000, {
        gopay: { enable_callback: true, callback_url: 'https://shop.example/done' },
      }),
    );
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'gopay', '275000.00');
    expect(reply.body.status_message).toBe('GO-PAY billing created');
    const id = reply.body.transaction_id;
    expect(reply.body.actions).toEqual([
      { name: 'generate-qr-code', method: 'GET', url: `${emulator.url}/v2/gopay/${id}/qr-code` },
      {
        name: 'deeplink-redirect',
        method: 'GET',
        url: `${emulator.url}/app/gopay/${id}?callback_url=${encodeURIComponent('https://shop.example/done')}`,
      },
      { name: 'get-status', method: 'GET', url: `${emulator.url}/v2/${id}/status` },
      { name: 'cancel', method: 'POST', url: `${emulator.url}/v2/${id}/cancel`, fields: [] },
    ]);
    const png = Buffer.from(await (await fetch(reply.body.actions[0].url)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('answers ShopeePay with only a deeplink-redirect', async () => {
    const orderId = newOrderId();
    const reply = await api.charge(
      chargeBody('shopeepay', orderId, 25000, {
        shopeepay: { callback_url: 'https://shop.example/' },
      }),
    );
    expectCommonFields(reply.body, orderId, 'shopeepay', '25000.00');
    expect(reply.body).toMatchObject({
      status_message: 'ShopeePay transaction is created',
      channel_response_code: '0',
      channel_response_message: 'success',
    });
    expect(reply.body.actions).toEqual([
      {
        name: 'deeplink-redirect',
        method: 'GET',
        url: `${emulator.url}/app/shopeepay/${reply.body.transaction_id}`,
      },
    ]);
  });
});

describe('POST /v2/charge cstore', () => {
  it.each([
    ['alfamart', 'alfamart', 12],
    ['Indomaret', 'indomaret', 14],
  ])('answers payment_code and store for "%s"', async (store, expected, length) => {
    const orderId = newOrderId();
    const reply = await api.charge(chargeBody('cstore', orderId, 162500, { cstore: { store } }));
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'cstore', '162500.00');
    expect(reply.body.status_message).toBe('Success, cstore transaction is successful');
    expect(reply.body.store).toBe(expected);
    expect(reply.body.payment_code).toMatch(new RegExp(`^\\d{${length}}$`));
  });
});
