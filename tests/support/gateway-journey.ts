import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { postForm, publicIdOf, startPayment } from './checkout-api.ts';
import { createLinkOk, START, START_MS } from './link-api.ts';
import { createMerchant, type Merchant } from './merchant.ts';
import { bodyOf, type MerchantReceiver, startMerchantReceiver } from './merchant-receiver.ts';
import { createMidtransPaylink, type MidtransPaylink } from './midtrans-paylink.ts';

type Customer = { name?: string; email?: string; phone?: string };

/** The amount every gateway journey charges: `"50000.00"` in callbacks. */
export const JOURNEY_AMOUNT = 50_000;

/**
 * One test's Paylink on Midtrans (the emulator), with a merchant whose callbacks and inquiry
 * events go to `receiver`, and what the app logs at warn and above kept in `lines`.
 */
export type GatewayJourney = {
  gateway: MidtransPaylink;
  merchant: Merchant;
  /** Where the merchant's callbacks and inquiry events go. */
  receiver: MerchantReceiver;
  lines: string[];
  /** Sets the test clock (and the emulator's) to this long after the start. */
  at: (ms: number) => void;
  /**
   * A link of Rp 50.000 (fields replaced by `linkBody`) and a pending payment of `method`,
   * paid as `customer` when given.
   */
  pendingPayment: (
    method: string,
    linkBody?: object,
    customer?: Customer,
  ) => Promise<{ link: any; payment: any }>;
  /** Starts a payment of `link` that must succeed; answers the payment. */
  startOn: (link: { payment_url: string }, method: string, customer?: Customer) => Promise<any>;
  /** The customer chooses another method on the payment's page. */
  chooseAnother: (link: { payment_url: string }, payment: { reff_no: string }) => Promise<number>;
  /** The status of the payment's order at the gateway. */
  orderStatus: (reffNo: string) => string | undefined;
  /** The `paid`/`settled` callbacks the merchant received about this payment. */
  told: (reffNo: string) => string[];
  /** The inquiry events (`payment_link.inquiry`, `….expired`) the merchant received about it. */
  inquiries: (reffNo: string) => string[];
  close: () => Promise<void>;
};

export async function startGatewayJourney(
  receiver: MerchantReceiver,
  env: Record<string, string> = {},
): Promise<GatewayJourney> {
  receiver.received.length = 0;
  const gateway = await createMidtransPaylink({ env });
  const t = gateway.t;
  const merchant = await createMerchant(t, {
    callback_url: receiver.url('/transactions'),
    inquiry_callback_url: receiver.url('/inquiries'),
  });
  const lines: string[] = [];
  t.deps.log = createLogger('warn', { write: (line) => lines.push(line) });

  const startOn = async (link: { payment_url: string }, method: string, customer?: Customer) => {
    const answer = await startPayment(t, publicIdOf(link), { method, customer });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.data;
  };
  return {
    gateway,
    merchant,
    receiver,
    lines,
    at: (ms) => t.clock.set(new Date(START_MS + ms)),
    pendingPayment: async (method, linkBody = {}, customer) => {
      const link = await createLinkOk(t, merchant, { total_amount: JOURNEY_AMOUNT, ...linkBody });
      return { link, payment: await startOn(link, method, customer) };
    },
    startOn,
    chooseAnother: async (link, payment) => {
      const path = `/b2b/${publicIdOf(link)}/payments/${payment.reff_no}/cancel`;
      return (await postForm(t, path, {}, gateway.baseUrl)).status;
    },
    orderStatus: (reffNo) => gateway.emulator.order(reffNo)?.status,
    told: (reffNo) =>
      receiver.received
        .map((request) => bodyOf(request).data?.transaction)
        .filter((transaction) => transaction?.reff_no === reffNo)
        .map((transaction) => transaction.status),
    inquiries: (reffNo) =>
      receiver.received
        .map((request) => bodyOf(request))
        .filter((body) => body.data?.payment_link_history?.reff_no === reffNo)
        .map((body) => body.event),
    close: () => gateway.close(),
  };
}

/**
 * A test file's gateway journey, its hooks registered: one receiver for the file, and one
 * Paylink on the emulator for the whole file (`perTest: false`, the default: its notification
 * knobs and clock put back after each test) or a new one for each test. The answer stands for
 * whichever journey is current, so tests read it like the journey itself.
 */
export function useGatewayJourney(
  options: { env?: Record<string, string>; perTest?: boolean } = {},
): GatewayJourney {
  const { env = {}, perTest = false } = options;
  let receiver: MerchantReceiver | null = null;
  let current: GatewayJourney | null = null;
  const start = async () => {
    if (!receiver) throw new Error('the receiver did not start');
    current = await startGatewayJourney(receiver, env);
  };
  beforeAll(async () => {
    receiver = await startMerchantReceiver();
    if (!perTest) await start();
  });
  afterAll(async () => {
    if (!perTest) await current?.close();
    await receiver?.close();
  });
  if (perTest) {
    beforeEach(start);
    afterEach(() => current?.close());
  } else {
    afterEach(() => {
      current?.gateway.emulator.setNotificationMode({
        drop: false,
        duplicate: false,
        badSignature: false,
        outOfOrder: false,
      });
      current?.gateway.t.clock.set(START);
    });
  }
  return new Proxy({} as GatewayJourney, {
    get: (_, key) => {
      if (!current) throw new Error('no gateway journey outside a test');
      return Reflect.get(current, key);
    },
  });
}
