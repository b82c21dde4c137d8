import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  freePort,
  type MerchantReceiver,
  type ReceivedCallback,
  startMerchantReceiver,
} from '../support/merchant-receiver.ts';
import {
  type MidtransEmulator,
  startMidtransEmulator,
} from '../support/midtrans-emulator/midtrans-emulator.ts';
import { signatureKey } from '../support/midtrans-emulator/signature.ts';
import {
  asMerchant,
  call,
  createRemoteLink,
  createRemoteMerchant,
  type RemoteMerchant,
  showRemoteLink,
  startRemotePayment,
  waitUntil,
} from '../support/remote-paylink.ts';
import {
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';
import { expectSignedCallback } from '../support/verify-callback.ts';

// SPEC §10 end to end: the built server (`npm run build`) with PAYMENT_PROVIDER=midtrans, a
// Midtrans emulator on the real clock, and a merchant's endpoint. The customer starts a
// payment through the page's JSON API, the emulator takes the money and notifies the server
// over HTTP at its PUBLIC_BASE_URL, and the merchant receives signed callbacks.

const SERVER_KEY = 'SB-Mid-server-integration';
const AMOUNT = 50_000;

let server: ServerProcess;
let emulator: MidtransEmulator;
let receiver: MerchantReceiver;
let merchant: RemoteMerchant;
let removeDataDir: () => Promise<void>;

beforeAll(async () => {
  receiver = await startMerchantReceiver();
  emulator = await startMidtransEmulator({
    serverKey: SERVER_KEY,
    retryDelaysMs: [100, 200, 400, 800, 1600],
  });
  const data = await tempDataDir();
  removeDataDir = data.remove;
  const port = await freePort();
  server = await startServer({
    dataDir: data.dir,
    port,
    env: {
      PAYMENT_PROVIDER: 'midtrans',
      MIDTRANS_SERVER_KEY: SERVER_KEY,
      MIDTRANS_BASE_URL: emulator.url,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      SETTLEMENT_DELAY: '2',
      WORKER_INTERVAL_MS: '100',
    },
  });
  merchant = await createRemoteMerchant(server.baseUrl, {
    callback_url: receiver.url('/hooks/paylink'),
  });
}, 60_000);

afterAll(async () => {
  await killAllServers();
  await emulator?.close();
  await receiver?.close();
  await removeDataDir?.();
});

const publicIdOf = (url: string) => url.split('/b2b/')[1] ?? '';

/** A v1.0 link of Rp 50.000 (fields replaced by `body`). */
const createV1Link = (body: object = {}) =>
  createRemoteLink(server.baseUrl, merchant, { title: 'Kopi', total_amount: AMOUNT, ...body });
const startPayment = (publicId: string, method: string) =>
  startRemotePayment(server.baseUrl, publicId, method);
const showV1 = (linkId: number) => showRemoteLink(server.baseUrl, merchant, linkId);

/** The v1.0 transaction callbacks of one payment, in the order they arrived. */
const v1Callbacks = (reffNo: string): ReceivedCallback[] =>
  receiver.received.filter((r) => bodyOf(r).data?.transaction?.reff_no === reffNo);

const statusesOf = (callbacks: ReceivedCallback[]) =>
  callbacks.map((r) => bodyOf(r).data.transaction?.status ?? bodyOf(r).data.attributes?.status);

/** What the payment page must show for a method, found in its text with spaces removed. */
const SHOWN: Record<'VA_BNI' | 'ALFAMART' | 'QRIS' | 'GOPAY', (payment: any) => string> = {
  VA_BNI: (payment) => payment.payment_method_value,
  ALFAMART: (payment) => payment.payment_method_value,
  QRIS: (payment) => `/payments/${payment.reff_no}/qr.png`,
  GOPAY: () => 'GoPay',
};

/** The customer's payment page (the built Astro page) renders, showing what to pay with. */
async function expectPaymentPageShows(payment: any, shown: string) {
  const page = await fetch(payment.view_url, { headers: { 'accept-language': 'id' } });
  expect(page.status).toBe(200);
  const text = (await page.text()).replace(/\s+/g, '');
  expect(text).toContain(shown.replace(/\s+/g, ''));
}

/** The emulator takes the money; answers its settlement notifications once the server replied. */
async function payAtGateway(reffNo: string, via?: 'app' | 'qr') {
  emulator.pay(reffNo, via ? { via } : {});
  return emulator.waitForNotifications((all) =>
    all.some((a) => a.orderId === reffNo && a.body.transaction_status === 'settlement'),
  );
}

describe('v1.0 links paid through Midtrans', () => {
  it.each([
    ['VA_BNI', undefined],
    ['QRIS', undefined],
    ['GOPAY', 'app'],
    ['ALFAMART', undefined],
  ] as const)(
    '%s: paid at the gateway, the notice over HTTP, a signed paid callback, then settled',
    { timeout: 30_000 },
    async (method, via) => {
      const link = await createV1Link();
      const payment = await startPayment(publicIdOf(link.payment_url), method);
      expect(payment).toMatchObject({ payment_method: method, status: 'pending' });
      const order = emulator.order(payment.reff_no)!;
      expect(order).toMatchObject({ grossAmount: AMOUNT, status: 'pending' });
      expect(order.notificationUrls).toEqual([
        `${server.baseUrl}/providers/midtrans/notifications`,
      ]);
      await expectPaymentPageShows(payment, SHOWN[method](payment));

      const notices = await payAtGateway(payment.reff_no, via);
      const settlement = notices.find(
        (a) => a.orderId === payment.reff_no && a.body.transaction_status === 'settlement',
      );
      expect(settlement!.replyStatus).toBe(200);

      await waitUntil('paid and settled callbacks', () => v1Callbacks(payment.reff_no).length >= 2);
      const callbacks = v1Callbacks(payment.reff_no);
      expect(statusesOf(callbacks)).toEqual(['paid', 'settled']);
      for (const callback of callbacks) {
        expectSignedCallback(callback, merchant);
        expect(callback.url).toBe('/hooks/paylink');
      }
      expect(bodyOf(callbacks[0]!).data.transaction).toMatchObject({
        reff_no: payment.reff_no,
        status: 'paid',
        amount: { value: '50000.00', currency: 'IDR' },
      });
      expect(await showV1(link.id)).toMatchObject({
        current_usage: 1,
        status_computed: 'closed',
      });
    },
  );
});

describe('v2.0 and v4 links paid through Midtrans', () => {
  it('v2.0: a VA payment, paid then settled', { timeout: 30_000 }, async () => {
    const created = await call(
      server.baseUrl,
      'POST',
      `/api/v2.0/payment-link/${merchant.accountId}`,
      {
        headers: asMerchant(merchant),
        body: { reff_no: 'V2-MIDTRANS-1', payment_link_type: 'total', total_amount: AMOUNT },
        expected: 200,
      },
    );
    const payment = await startPayment(publicIdOf(created.data.payment_url), 'VA_MANDIRI');
    await payAtGateway(payment.reff_no);
    await waitUntil('v2 callbacks', () => v1Callbacks(payment.reff_no).length >= 2);
    expect(statusesOf(v1Callbacks(payment.reff_no))).toEqual(['paid', 'settled']);
    for (const callback of v1Callbacks(payment.reff_no)) expectSignedCallback(callback, merchant);
    expect(bodyOf(v1Callbacks(payment.reff_no)[0]!).data.payment.additional_info).toMatchObject({
      payment_link: { reff_no: 'V2-MIDTRANS-1', current_usage: 1 },
    });
  });

  it('v4: a QRIS payment, the v4 object paid then completed', { timeout: 30_000 }, async () => {
    const basic = Buffer.from(`${merchant.clientId}:${merchant.clientSecret}`).toString('base64');
    const created = await call(server.baseUrl, 'POST', '/api/v4/payment_links', {
      headers: { authorization: `Basic ${basic}` },
      body: { data: { attributes: { amount: AMOUNT, referenceId: 'V4-MIDTRANS-1' } } },
      expected: 201,
    });
    const linkId = created.data.id;
    const payment = await startPayment(publicIdOf(created.data.attributes.paymentLinkUrl), 'QRIS');
    expect(payment.qr_string).toBe((emulator.order(payment.reff_no)!.instrument as any).qrString);
    await payAtGateway(payment.reff_no);
    const ofLink = () => receiver.received.filter((r) => bodyOf(r).data?.id === linkId);
    await waitUntil('v4 callbacks', () => ofLink().length >= 2);
    expect(statusesOf(ofLink())).toEqual(['paid', 'completed']);
    for (const callback of ofLink()) expectSignedCallback(callback, merchant);
    const shown = await call(server.baseUrl, 'GET', `/api/v4/payment_links/${linkId}`, {
      headers: { authorization: `Basic ${basic}` },
      expected: 200,
    });
    expect(shown.data.attributes.status).toBe('completed');
  });
});

describe('the gateway kept in step', () => {
  it(
    'a single-use link paid with one of two pending payments: the other order is cancelled',
    {
      timeout: 30_000,
    },
    async () => {
      const link = await createV1Link({ max_usage: 1 });
      const publicId = publicIdOf(link.payment_url);
      const first = await startPayment(publicId, 'VA_PERMATA');
      const second = await startPayment(publicId, 'SHOPEEPAY');
      expect(emulator.order(second.reff_no)!.status).toBe('pending');

      await payAtGateway(first.reff_no);
      await waitUntil(
        'the other order cancelled at the gateway',
        () => emulator.order(second.reff_no)?.status === 'cancel',
      );
      expect(emulator.order(first.reff_no)!.status).toBe('settlement');
      await waitUntil('the paid callback', () => v1Callbacks(first.reff_no).length >= 1);
      expect(v1Callbacks(second.reff_no)).toEqual([]);
      expect(await showV1(link.id)).toMatchObject({ current_usage: 1 });
    },
  );

  it(
    'a notification with a bad signature is 401 and changes nothing',
    { timeout: 30_000 },
    async () => {
      const link = await createV1Link();
      const publicId = publicIdOf(link.payment_url);
      const payment = await startPayment(publicId, 'VA_BRI');
      const forged = {
        order_id: payment.reff_no,
        status_code: '200',
        gross_amount: '50000.00',
        transaction_status: 'settlement',
        signature_key: signatureKey(payment.reff_no, '200', '50000.00', 'not-the-server-key'),
      };
      const answer = await fetch(`${server.baseUrl}/providers/midtrans/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Veritrans' },
        body: JSON.stringify(forged),
      });
      expect(answer.status).toBe(401);

      // A genuine notice (the charge's pending one) makes the server read the status, which
      // would then say paid: it must be answered before the money is taken.
      await emulator.waitForNotifications((all) =>
        all.some((a) => a.orderId === payment.reff_no && a.replyStatus === 200),
      );
      emulator.setNotificationMode({ badSignature: true });
      try {
        await payAtGateway(payment.reff_no);
        const tries = emulator
          .notificationsSent()
          .filter(
            (a) => a.orderId === payment.reff_no && a.body.transaction_status === 'settlement',
          );
        expect(tries[0]!.replyStatus).toBe(401);
      } finally {
        emulator.setNotificationMode({ badSignature: false });
      }
      const status = await call(
        server.baseUrl,
        'GET',
        `/b2b/${publicId}/status?payment=${payment.reff_no}`,
        {
          expected: 200,
        },
      );
      expect(status).toEqual({
        link_status: 'open',
        payment: { reff_no: payment.reff_no, status: 'pending' },
      });
      expect(v1Callbacks(payment.reff_no)).toEqual([]);
    },
  );
});

describe('the server’s own account of it', () => {
  it('logged no error on any of these journeys', () => {
    const errors = server
      .output()
      .split('\n')
      .filter((line) => /^\S+ error /.test(line));
    expect(errors).toEqual([]);
    expect(server.output()).toMatch(/warn gateway notification refused .*reason=unverified/);
  });
});
