import { describe, expect, it } from 'vitest';
import { chargeBody, newOrderId } from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

let now = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useEmulator({ now: () => now });

async function deeplinkOf(body: unknown): Promise<{ orderId: string; url: string }> {
  const reply = await midtrans.api.charge(body);
  const action = reply.body.actions.find((a: any) => a.name === 'deeplink-redirect');
  return { orderId: reply.body.order_id, url: action.url };
}

/** Opens the wallet page and presses a button by its label, as a browser submits the form. */
async function press(pageUrl: string, label: 'Pay' | 'Cancel') {
  const page = await (await fetch(pageUrl)).text();
  const form = new RegExp(
    `<form method="post" action="([^"]+)"><button type="submit">${label}</button>`,
  ).exec(page);
  expect(form, `a ${label} button on the page`).not.toBeNull();
  return fetch(new URL(form![1]!, pageUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
}

describe('GoPay deeplink: the emulated wallet app', () => {
  it('shows the amount and order, and Pay settles and returns to callback_url with success', async () => {
    const { orderId, url } = await deeplinkOf(
      chargeBody('gopay', newOrderId(), 44000, {
        gopay: { enable_callback: true, callback_url: 'https://shop.example/done?from=gopay' },
      }),
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Rp 44.000');
    expect(html).toContain(orderId);
    const paid = await press(url, 'Pay');
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('https://shop.example/done');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      from: 'gopay',
      order_id: orderId,
      result: 'success',
    });
    expect(midtrans.emulator.order(orderId)).toMatchObject({
      status: 'settlement',
      paidVia: 'app',
    });
  });

  it('without enable_callback shows "Paid" instead of redirecting', async () => {
    const { orderId, url } = await deeplinkOf(
      chargeBody('gopay', newOrderId(), 10000, {
        gopay: { enable_callback: false, callback_url: 'https://shop.example/done' },
      }),
    );
    const paid = await press(url, 'Pay');
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('Paid');
    expect(midtrans.emulator.order(orderId)?.status).toBe('settlement');
  });

  it('returns to an app-scheme callback too', async () => {
    const { orderId, url } = await deeplinkOf(
      chargeBody('gopay', newOrderId(), 10000, {
        gopay: { enable_callback: true, callback_url: 'someapps://callback' },
      }),
    );
    const paid = await press(url, 'Pay');
    expect(paid.headers.get('location')).toBe(
      `someapps://callback?order_id=${orderId}&result=success`,
    );
  });

  it('shows an expired payment without a Pay button', async () => {
    const { orderId, url } = await deeplinkOf(chargeBody('gopay', newOrderId(), 10000));
    now += 15 * 60_000;
    const html = await (await fetch(url)).text();
    expect(html).toContain('This payment has expired');
    expect(html).not.toContain('>Pay</button>');
    expect(midtrans.emulator.order(orderId)?.status).toBe('expire');
  });

  it('answers 404 for an unknown or non-GoPay transaction', async () => {
    const va = await midtrans.api.charge(
      chargeBody('bank_transfer', newOrderId(), 10000, { bank_transfer: { bank: 'bca' } }),
    );
    expect(
      (await fetch(`${midtrans.emulator.url}/app/gopay/${va.body.transaction_id}`)).status,
    ).toBe(404);
    expect((await fetch(`${midtrans.emulator.url}/app/gopay/nothing`)).status).toBe(404);
  });
});

describe('ShopeePay deeplink', () => {
  it('Pay settles and returns to shopeepay.callback_url with success', async () => {
    const { orderId, url } = await deeplinkOf(
      chargeBody('shopeepay', newOrderId(), 25000, {
        shopeepay: { callback_url: 'https://shop.example/' },
      }),
    );
    const paid = await press(url, 'Pay');
    expect(paid.headers.get('location')).toBe(
      `https://shop.example/?order_id=${orderId}&result=success`,
    );
    expect(midtrans.emulator.order(orderId)?.status).toBe('settlement');
  });

  it('Cancel returns with failure and leaves the order pending', async () => {
    const { orderId, url } = await deeplinkOf(
      chargeBody('shopeepay', newOrderId(), 25000, {
        shopeepay: { callback_url: 'https://shop.example/' },
      }),
    );
    const cancelled = await press(url, 'Cancel');
    expect(cancelled.headers.get('location')).toBe(
      `https://shop.example/?order_id=${orderId}&result=failure`,
    );
    expect(midtrans.emulator.order(orderId)?.status).toBe('pending');
  });
});
