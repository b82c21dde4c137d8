import { describe, expect, it } from 'vitest';
import { bcaCharge, chargeBody, newOrderId } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

const now = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useEmulator({ serverKey: 'SB-Mid-server-abc123cde456', now: () => now });

describe('expiry (A.2 custom expiry, A.6 defaults)', () => {
  it.each([
    [bcaCharge(), '2026-03-02 10:00:00'],
    [
      chargeBody('echannel', newOrderId(), 1000, {
        echannel: { bill_info1: 'a', bill_info2: 'b' },
      }),
      '2026-03-02 10:00:00',
    ],
    [
      chargeBody('cstore', newOrderId(), 10000, { cstore: { store: 'alfamart' } }),
      '2026-03-02 10:00:00',
    ],
    [chargeBody('qris', newOrderId(), 1000), '2026-03-01 10:15:00'],
    [chargeBody('gopay', newOrderId(), 1000), '2026-03-01 10:15:00'],
    [chargeBody('shopeepay', newOrderId(), 1000), '2026-03-01 10:15:00'],
  ])('gives %j the default expiry', async (body, expiry) => {
    const reply = await midtrans.api.charge(body);
    expect(reply.body.transaction_time).toBe('2026-03-01 10:00:00');
    expect(reply.body.expiry_time).toBe(expiry);
  });

  it.each([
    [{ expiry_duration: 90, unit: 'second' }, '2026-03-01 10:01:30'],
    [{ expiry_duration: 30 }, '2026-03-01 10:30:00'],
    [{ expiry_duration: 2, unit: 'hour' }, '2026-03-01 12:00:00'],
    [{ expiry_duration: 3, unit: 'day' }, '2026-03-04 10:00:00'],
    [
      { order_time: '2026-03-01 09:50:00 +0700', expiry_duration: 20, unit: 'minute' },
      '2026-03-01 10:10:00',
    ],
    [
      { order_time: '2026-03-01 02:50:00 +0000', expiry_duration: 20, unit: 'minute' },
      '2026-03-01 10:10:00',
    ],
  ])('honours custom_expiry %j', async (customExpiry, expiry) => {
    const reply = await midtrans.api.charge({ ...bcaCharge(), custom_expiry: customExpiry });
    expect(reply.status).toBe(200);
    expect(reply.body.expiry_time).toBe(expiry);
  });
});
