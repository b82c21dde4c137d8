import { describe, expect, it } from 'vitest';
import { crc16CcittFalse } from '../../../server/domain/payment-method/qris/crc16.ts';
import { parseTlv } from '../../../server/domain/payment-method/qris/tlv.ts';
import { expectCommonFields, scanQr } from './charge-expectations.ts';
import { chargeBody, coreApiClient, newOrderId } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';
import { startMidtransEmulator } from './midtrans-emulator.ts';

const midtrans = useEmulator({ merchantId: 'G812785002' });

describe('POST /v2/charge qris', () => {
  it('answers acquirer gopay, a PNG action and a valid EMV qr_string', async () => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge(chargeBody('qris', orderId, 275000));
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
      url: `${midtrans.emulator.url}/v2/qris/${reply.body.transaction_id}/qr-code`,
    });
    const image = await fetch(action.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const withBorder = reply.body.actions.find((a: any) => a.name === 'generate-qr-code-v2');
    const png = Buffer.from(await (await fetch(withBorder.url)).arrayBuffer());
    expect(scanQr(png)).toBe(qr);
  });

  it('accepts acquirer "airpay shopee" and refuses others', async () => {
    const ok = await midtrans.api.charge(
      chargeBody('qris', newOrderId(), 10000, { qris: { acquirer: 'airpay shopee' } }),
    );
    expect(ok.body.acquirer).toBe('airpay shopee');
    const refused = await midtrans.api.charge(
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
      expect(scanQr(png)).toMatch(/^000201/);
    } finally {
      await plain.close();
    }
  });
});

describe('POST /v2/charge gopay and shopeepay', () => {
  it('answers the four GoPay actions, the deeplink carrying the callback when enabled', async () => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge(
      chargeBody('gopay', orderId, 275000, {
        gopay: { enable_callback: true, callback_url: 'https://shop.example/done' },
      }),
    );
    expect(reply.status).toBe(200);
    expectCommonFields(reply.body, orderId, 'gopay', '275000.00');
    expect(reply.body.status_message).toBe('GO-PAY billing created');
    const id = reply.body.transaction_id;
    expect(reply.body.actions).toEqual([
      {
        name: 'generate-qr-code',
        method: 'GET',
        url: `${midtrans.emulator.url}/v2/gopay/${id}/qr-code`,
      },
      {
        name: 'deeplink-redirect',
        method: 'GET',
        url: `${midtrans.emulator.url}/app/gopay/${id}?callback_url=${encodeURIComponent('https://shop.example/done')}`,
      },
      { name: 'get-status', method: 'GET', url: `${midtrans.emulator.url}/v2/${id}/status` },
      {
        name: 'cancel',
        method: 'POST',
        url: `${midtrans.emulator.url}/v2/${id}/cancel`,
        fields: [],
      },
    ]);
    const png = Buffer.from(await (await fetch(reply.body.actions[0].url)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('answers ShopeePay with only a deeplink-redirect', async () => {
    const orderId = newOrderId();
    const reply = await midtrans.api.charge(
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
        url: `${midtrans.emulator.url}/app/shopeepay/${reply.body.transaction_id}`,
      },
    ]);
  });
});
