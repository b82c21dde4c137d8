import { expect, type Page } from '@playwright/test';
import type { ChargeFault } from '../../support/midtrans-emulator/options.ts';
import type { Instrument, Order } from '../../support/midtrans-emulator/order.ts';

/**
 * The Midtrans emulator (tests/support/midtrans-emulator) the `phone-midtrans` project pays
 * through; playwright.config.ts starts it with this key, and the Paylink server with the same.
 */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 3109);
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
export const E2E_EMULATOR_SERVER_KEY = 'SB-Mid-server-e2e-0123456789abcdef';

/** One notification the emulator sent for an order, as `GET /_sim/orders/{id}` lists it. */
export type EmulatorNotification = {
  url: string;
  body: Record<string, unknown>;
  replyStatus: number | null;
};

/** An order as the emulator keeps it; times are epoch milliseconds. */
export type EmulatorOrder = Order & { notifications: EmulatorNotification[] };

async function sim<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E_EMULATOR_URL}/_sim${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The emulator's order for a payment (its `order_id` is the payment's reff_no, SPEC §10). */
export function emulatorOrder(orderId: string): Promise<EmulatorOrder> {
  return sim('GET', `/orders/${encodeURIComponent(orderId)}`);
}

/** Every order the emulator holds, oldest first. */
export async function emulatorOrders(): Promise<EmulatorOrder[]> {
  return (await sim<{ orders: EmulatorOrder[] }>('GET', '/orders')).orders;
}

/**
 * The customer pays the order at the bank, store or wallet: it settles and the emulator sends
 * Midtrans' notification to Paylink. `via: 'qr'` pays a GoPay order by scanning its QR.
 */
export function payAtEmulator(orderId: string, via?: 'app' | 'qr'): Promise<EmulatorOrder> {
  return sim('POST', `/pay/${encodeURIComponent(orderId)}`, via === undefined ? {} : { via });
}

/** The next charges (one fault each, in order) fail the way `faults` says. */
export async function injectChargeFaults(faults: ChargeFault[]): Promise<void> {
  await sim('POST', '/charge-faults', { faults });
}

/**
 * What the customer hands over to pay the order: the VA number, the Mandiri bill key, the
 * store's payment code, or the text in the QR (QRIS, GoPay's QR); null for ShopeePay, which
 * is paid in its app only.
 */
export function customerCodeOf(instrument: Instrument): string | null {
  switch (instrument.paymentType) {
    case 'bank_transfer':
      return instrument.vaNumber;
    case 'echannel':
      return instrument.billKey;
    case 'cstore':
      return instrument.paymentCode;
    case 'qris':
    case 'gopay':
      return instrument.qrString;
    case 'shopeepay':
      return null;
  }
}

/** Waits (the worker runs every 200 ms here) until the emulator's order is in `status`. */
export async function expectOrderStatus(orderId: string, status: Order['status']): Promise<void> {
  await expect
    .poll(async () => (await emulatorOrder(orderId)).status, {
      message: `emulator order ${orderId}`,
      timeout: 5_000,
    })
    .toBe(status);
}

/**
 * In the emulator's wallet app (GoPay, ShopeePay), reached from the page's deep link: pays,
 * and the app sends the browser back to the payment's page.
 */
export async function payInWalletApp(page: Page): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${E2E_EMULATOR_URL}/app/`));
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
}
