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
