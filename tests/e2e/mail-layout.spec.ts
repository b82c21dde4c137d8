import { expect, test } from '@playwright/test';
import {
  composeLinkMail,
  composePaymentMail,
  composeReceiptMail,
} from '../../server/domain/mail/index.ts';

// Issue 12, problem 9: the mails are read on phones. Rendered by Chromium at 320 and 360 px
// (the narrowest phones a mail app gives the full width to), nothing may stick out sideways,
// whatever the merchant and the customer typed: long names, references without a break,
// long addresses.

const LONG_WORD = 'Pembayaran'.repeat(8);
const LINK = composeLinkMail({
  merchantName: `Toko ${LONG_WORD}`,
  title: `Pesanan #INV-2026-${'0142'.repeat(12)}`,
  amount: 1_234_567_890,
  expiresAt: new Date('2026-11-21T06:59:40Z'),
  payUrl: `https://pay.example.id/b2b/PL20261120135940${'d2c1f3e4a5b6c7d8'.repeat(2)}`,
  customerName: `Budi ${LONG_WORD}`,
  to: 'budi@example.com',
  items: [
    { name: `Kopi ${LONG_WORD}`, quantity: 1000, unitPrice: 1_234_567 },
    { name: 'Diskon member', quantity: 1, unitPrice: -10_000 },
  ],
  contact: {
    email: `bantuan.pelanggan.${LONG_WORD.toLowerCase()}@kopisenja.example`,
    phone: '+62215551234',
  },
});
const RECEIPT = composeReceiptMail({
  merchantName: `Toko ${LONG_WORD}`,
  title: `Pesanan #INV-2026-${'0142'.repeat(12)}`,
  amount: 1_234_567_890,
  paidAt: new Date('2026-11-21T06:59:40Z'),
  methodName: 'VA Permata',
  paymentReffNo: `PAY20261121135940${'a1b2c3d4'.repeat(4)}`,
  customerName: 'Siti',
  to: 'siti@example.com',
  contact: { email: 'owner@kopisenja.example', phone: '081234567890' },
});

// SPEC §10: the channels a gateway brings, with their longest codes.
const STARTED = {
  merchantName: `Toko ${LONG_WORD}`,
  title: `Pesanan #INV-2026-${'0142'.repeat(12)}`,
  amount: 1_234_567_890,
  expiresAt: new Date('2026-11-21T06:59:40Z'),
  viewUrl: `https://pay.example.id/b2b/PL20261120135940${'d2c1f3e4a5b6c7d8'.repeat(2)}/payments/PY1`,
  customerName: 'Siti',
  to: 'siti@example.com',
  contact: { email: 'owner@kopisenja.example', phone: '081234567890' },
};
const STORE_MAIL = composePaymentMail({
  ...STARTED,
  methodName: 'Indomaret',
  va: null,
  store: { storeName: 'Indomaret', code: '2570 9650 9450 26' },
});
const BILL_MAIL = composePaymentMail({
  ...STARTED,
  methodName: 'VA MANDIRI',
  va: { bankName: 'Bank Mandiri', number: '7783 4778 7706', billerCode: '70012' },
});
const WALLET_MAIL = composePaymentMail({
  ...STARTED,
  methodName: 'ShopeePay',
  va: null,
  wallet: { appName: 'ShopeePay' },
});

for (const [name, mail] of [
  ['link mail', LINK],
  ['receipt mail', RECEIPT],
  ['store code mail', STORE_MAIL],
  ['Mandiri bill mail', BILL_MAIL],
  ['e-wallet mail', WALLET_MAIL],
] as const) {
  for (const width of [320, 360]) {
    test(`${name} fits ${width} px without sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.setContent(mail.html);
      const overflow = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth,
        widest: Math.max(
          ...[...document.querySelectorAll('body *')].map((el) => el.getBoundingClientRect().right),
        ),
      }));
      expect(overflow.document).toBeLessThanOrEqual(width);
      expect(overflow.widest).toBeLessThanOrEqual(width);
    });
  }
}
