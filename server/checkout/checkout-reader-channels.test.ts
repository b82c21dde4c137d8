import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { GATEWAY_TEST_CATALOG, storeGatewayPayment } from '../../tests/support/gateway-payments.ts';
import { createLinkOk } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import type { Payment } from '../domain/payment/payment.ts';
import {
  buildDynamicQris,
  SANDBOX_QRIS_MERCHANT,
} from '../domain/payment-method/qris/qris-payload.ts';
import { createCheckoutReader } from './checkout-reader.ts';
import type { CheckoutReader, Lang } from './checkout-types.ts';

let t: TestPaylink;
let merchant: Merchant;
let reader: CheckoutReader;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { name: 'Toko Kopi Senja' });
  // The page reads a gateway's catalog; the payments are stored as its connector made them.
  reader = createCheckoutReader({ ...t.deps, catalog: GATEWAY_TEST_CATALOG });
});
afterAll(() => t.close());

const GOPAY_LINK = 'gojek://gopay/merchanttransfer?tref=A1B2&amount=25000&activity=GP:RR';
const GOPAY_QR_IMAGE = 'https://api.sandbox.midtrans.com/v2/gopay/tx-1/qr-code';
const SHOPEEPAY_LINK =
  'https://wsa.uat.wallet.airpay.co.id/universal-link/wallet/pay?deep_and_deferred=1&token=abc';

async function viewOf(over: Partial<Payment>, lang: Lang = 'id', pageReader = reader) {
  const link = await createLinkOk(t, merchant, { total_amount: 25_000 });
  const publicId = publicIdOf(link);
  const payment = await storeGatewayPayment(t, publicId, over);
  const view = await pageReader.paymentPage(publicId, payment.reffNo, lang);
  if (!view) throw new Error('no view');
  return { view: view.payment, pngUrl: `/b2b/${publicId}/payments/${payment.reffNo}/qr.png` };
}

const channels = (blocks: { channel: string }[]) => blocks.map((block) => block.channel);

// SPEC §10: what the page shows for each channel a gateway connector brings.
describe('paymentPage: e-wallets', () => {
  it('GoPay: the app’s name, its deep link, and the gateway’s QR image through our origin', async () => {
    const { view, pngUrl } = await viewOf({
      methodCode: 'GOPAY',
      instrument: { kind: 'ewallet', deeplinkUrl: GOPAY_LINK, qrImageUrl: GOPAY_QR_IMAGE },
    });
    expect(view).toMatchObject({
      group: 'ewallet',
      wallet: { appName: 'GoPay', deeplinkUrl: GOPAY_LINK, qr: { pngUrl, scanWith: 'app' } },
      va: null,
      qr: null,
      store: null,
    });
    expect(channels(view.instructions)).toEqual(['this_phone', 'other_phone']);
    expect(JSON.stringify(view)).not.toContain(GOPAY_QR_IMAGE);
  });

  it('GoPay with a QRIS text: scanned in the app, and not shown as a QRIS payment', async () => {
    const qrString = buildDynamicQris({
      merchant: SANDBOX_QRIS_MERCHANT,
      merchantName: 'Toko Kopi Senja',
      amount: 25_000,
      reference: 'GOPAY1',
    });
    const { view, pngUrl } = await viewOf({
      methodCode: 'GOPAY',
      qrString,
      instrument: { kind: 'ewallet', deeplinkUrl: GOPAY_LINK, qrImageUrl: null },
    });
    expect(view.wallet?.qr).toEqual({ pngUrl, scanWith: 'app' });
    expect(view.qr).toBeNull();
  });

  it('ShopeePay: its QR holds the deep link, read by any phone camera', async () => {
    const { view, pngUrl } = await viewOf({
      methodCode: 'SHOPEEPAY',
      qrString: SHOPEEPAY_LINK,
      instrument: { kind: 'ewallet', deeplinkUrl: SHOPEEPAY_LINK, qrImageUrl: null },
    });
    expect(view.wallet).toEqual({
      appName: 'ShopeePay',
      deeplinkUrl: SHOPEEPAY_LINK,
      qr: { pngUrl, scanWith: 'camera' },
    });
    expect(view.qr).toBeNull();
    expect(view.instructions[1]?.title).toMatch(/kamera/);
  });

  it('a deep link only: the button, no QR and no scanning steps', async () => {
    const { view } = await viewOf({
      methodCode: 'SHOPEEPAY',
      instrument: { kind: 'ewallet', deeplinkUrl: SHOPEEPAY_LINK, qrImageUrl: null },
    });
    expect(view.wallet?.qr).toBeNull();
    expect(channels(view.instructions)).toEqual(['this_phone']);
  });

  it('a deep link that would run script is not linked to; the QR remains', async () => {
    const { view } = await viewOf({
      methodCode: 'GOPAY',
      instrument: {
        kind: 'ewallet',
        deeplinkUrl: 'javascript:alert(1)',
        qrImageUrl: GOPAY_QR_IMAGE,
      },
    });
    expect(view.wallet?.deeplinkUrl).toBeNull();
    expect(channels(view.instructions)).toEqual(['other_phone']);
  });

  it('English instructions name the app too', async () => {
    const { view } = await viewOf(
      {
        methodCode: 'GOPAY',
        instrument: { kind: 'ewallet', deeplinkUrl: GOPAY_LINK, qrImageUrl: GOPAY_QR_IMAGE },
      },
      'en',
    );
    expect(view.instructions[0]?.steps[0]).toBe('Tap the "Open GoPay" button on this page.');
  });
});

describe('paymentPage: convenience stores', () => {
  it.each([
    ['ALFAMART', 'alfamart', 'Alfamart', '010811223344', '0108 1122 3344'],
    ['INDOMARET', 'indomaret', 'Indomaret', '25709650945026', '2570 9650 9450 26'],
  ] as const)(
    '%s: the store, the code grouped, cashier steps',
    async (code, store, name, value, grouped) => {
      const { view } = await viewOf({
        methodCode: code,
        methodValue: value,
        instrument: { kind: 'store', store },
      });
      expect(view).toMatchObject({
        group: 'cstore',
        store: { storeName: name, code: value, grouped },
        va: null,
        qr: null,
        wallet: null,
      });
      expect(channels(view.instructions)).toEqual(['cashier']);
      expect(view.instructions[0]?.steps.join('\n')).toContain(grouped);
      expect(view.instructions[0]?.steps.join('\n')).toContain('Toko Kopi Senja');
    },
  );
});

describe('paymentPage: Mandiri bill and QRIS image', () => {
  it('Mandiri bill: the company code beside the bill key, and bill-payment steps', async () => {
    const { view } = await viewOf({
      methodCode: 'VA_MANDIRI',
      methodValue: '778347787706',
      instrument: { kind: 'bill', billerCode: '70012' },
    });
    expect(view).toMatchObject({
      group: 'va',
      va: {
        number: '778347787706',
        grouped: '7783 4778 7706',
        bankName: 'Bank Mandiri',
        billerCode: '70012',
      },
      qr: null,
      wallet: null,
      store: null,
    });
    expect(channels(view.instructions)).toEqual(['mobile', 'atm']);
    const text = JSON.stringify(view.instructions);
    expect(text).toContain('kode perusahaan 70012');
    // Not the first five digits of the bill key, as for Paylink's own Mandiri VAs.
    expect(text).not.toContain('77834');
  });

  it('QRIS without text: only the gateway’s image, through our origin', async () => {
    const { view, pngUrl } = await viewOf({
      methodCode: 'QRIS',
      qrString: null,
      instrument: {
        kind: 'qr-image',
        qrImageUrl: 'https://api.sandbox.midtrans.com/v2/qris/tx-9/qr-code',
      },
    });
    expect(view).toMatchObject({
      group: 'qris',
      qr: { svg: null, pngUrl, payload: null, nmid: null },
      va: null,
      wallet: null,
      store: null,
    });
    expect(channels(view.instructions)).toEqual(['this_phone', 'other_phone']);
  });

  it('a gateway’s QRIS text: the steps name the payee its payload carries', async () => {
    const qrString = buildDynamicQris({
      merchant: SANDBOX_QRIS_MERCHANT,
      merchantName: 'PAYLINK GATEWAY ACCT',
      amount: 25_000,
      reference: 'PY0000000000000QRIS1',
    });
    const { view } = await viewOf({ methodCode: 'QRIS', qrString, instrument: null });
    const text = JSON.stringify(view.instructions);
    // The customer's app shows the gateway account's name, not the link merchant's.
    expect(text).toContain('PAYLINK GATEWAY ACCT');
    expect(text).not.toContain('Toko Kopi Senja');
  });

  it('a method no longer in the catalog still shows by its instrument', async () => {
    const { view } = await viewOf(
      {
        methodCode: 'GOPAY',
        instrument: { kind: 'ewallet', deeplinkUrl: GOPAY_LINK, qrImageUrl: null },
      },
      'id',
      createCheckoutReader(t.deps),
    );
    expect(view.group).toBe('ewallet');
    expect(view.wallet?.appName).toBe('GoPay');
  });
});

describe('paymentPage: the sandbox’s VA and QRIS keep their shape', () => {
  it.each(['VA_BRI', 'VA_MANDIRI', 'QRIS'])(
    '%s: no bill, wallet or store parts',
    async (method) => {
      const link = await createLinkOk(t, merchant);
      const publicId = publicIdOf(link);
      const payment = (await startPayment(t, publicId, { method })).body.data;
      const view = await reader.paymentPage(publicId, payment.reff_no, 'id');
      expect(view?.payment).toMatchObject({ wallet: null, store: null });
      if (method === 'QRIS') expect(view?.payment.qr?.svg).toContain('<svg');
      else expect(view?.payment.va?.billerCode).toBeNull();
    },
  );
});
