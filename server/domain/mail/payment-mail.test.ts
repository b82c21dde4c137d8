import { describe, expect, it } from 'vitest';
import { composePaymentMail, type PaymentMailInput } from './payment-mail.ts';

const VIEW_URL =
  'https://pay.example.id/b2b/PL20261120135940d2c1f3e4a5b6c7d8e9f0a1b2c3d4e5f6/payments/PAY1';

const va: PaymentMailInput = {
  merchantName: 'Toko Maju',
  title: 'Kaos Polos',
  amount: 20_000,
  methodName: 'VA BRI',
  va: { bankName: 'Bank Rakyat Indonesia', number: '8888 0812 3456 7890' },
  expiresAt: new Date('2026-11-21T06:59:40Z'),
  viewUrl: VIEW_URL,
  customerName: 'Budi',
  to: 'budi@example.com',
  contact: { email: 'halo@kopi.example', phone: '0812-3456-7890' },
};

// SPEC §7: the mail carries what to pay to, so closing the browser loses nothing.
describe('composePaymentMail', () => {
  it('gives a VA payment’s number, amount and deadline, and the payment page', () => {
    const mail = composePaymentMail(va);
    expect(mail.to).toBe('budi@example.com');
    expect(mail.subject).toBe(
      'Menunggu pembayaran ke Toko Maju: Kaos Polos / Awaiting your payment to Toko Maju',
    );
    for (const line of [
      'Nomor Virtual Account: 8888 0812 3456 7890',
      'Virtual account number: 8888 0812 3456 7890',
      'Jumlah: Rp 20.000',
      'Bayar sebelum: 21 November 2026, 13.59 WIB',
      'Pay by: 21 November 2026, 13:59 WIB',
      `Lihat cara membayar:\n${VIEW_URL}`,
    ])
      expect(mail.text).toContain(line);
    expect(mail.html).toContain('8888 0812 3456 7890');
    expect(mail.html).toContain(`href="${VIEW_URL}"`);
  });

  it('sends a QRIS payment to its page, where the code is', () => {
    const mail = composePaymentMail({ ...va, methodName: 'QRIS', va: null });
    expect(mail.text).not.toContain('Virtual Account');
    expect(mail.text).toContain('Metode: QRIS');
    expect(mail.text).toContain(`Buka kode QRIS:\n${VIEW_URL}`);
    expect(mail.text).toContain(`Open the QRIS code:\n${VIEW_URL}`);
  });

  it('keeps a hostile title out of the headers', () => {
    const mail = composePaymentMail({ ...va, title: 'Kaos\r\nBcc: evil@example.com' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

// SPEC §10: the channels a gateway brings say what to pay to in the mail too.
describe('composePaymentMail: gateway channels', () => {
  it('a store code: the code, the store, and the way to the cashier steps', () => {
    const mail = composePaymentMail({
      ...va,
      methodName: 'Alfamart',
      va: null,
      store: { storeName: 'Alfamart', code: '0108 1122 3344' },
    });
    for (const line of [
      'Kode pembayaran: 0108 1122 3344',
      'Payment code: 0108 1122 3344',
      'Bayar tunai di kasir Alfamart',
      'Pay in cash at the Alfamart cashier',
      `Lihat cara membayar:\n${VIEW_URL}`,
    ])
      expect(mail.text).toContain(line);
    expect(mail.text).not.toContain('Virtual Account');
    expect(mail.html).toContain('0108 1122 3344');
  });

  it('an e-wallet: a button back to the payment page, where the app opens', () => {
    const mail = composePaymentMail({
      ...va,
      methodName: 'GoPay',
      va: null,
      wallet: { appName: 'GoPay' },
    });
    expect(mail.text).toContain(`Bayar dengan GoPay:\n${VIEW_URL}`);
    expect(mail.text).toContain(`Pay with GoPay:\n${VIEW_URL}`);
    expect(mail.text).not.toMatch(/QRIS|Virtual Account/);
    expect(mail.html).toContain(`href="${VIEW_URL}"`);
  });

  it('a Mandiri bill: the company code before the bill key', () => {
    const mail = composePaymentMail({
      ...va,
      methodName: 'VA MANDIRI',
      va: { bankName: 'Bank Mandiri', number: '7783 4778 7706', billerCode: '70012' },
    });
    const company = mail.text.indexOf('Kode perusahaan: 70012');
    const billKey = mail.text.indexOf('Nomor tagihan: 7783 4778 7706');
    expect(company).toBeGreaterThan(-1);
    expect(billKey).toBeGreaterThan(company);
    expect(mail.text).toContain('Company code: 70012');
    expect(mail.text).toContain('Bill key: 7783 4778 7706');
    expect(mail.text).not.toContain('Virtual Account');
  });

  it('keeps a hostile store code on one line', () => {
    const mail = composePaymentMail({
      ...va,
      va: null,
      store: { storeName: 'Indomaret', code: '123\r\nBcc: evil@example.com' },
    });
    expect(mail.text).toContain('Kode pembayaran: 123 Bcc: evil@example.com');
  });
});
