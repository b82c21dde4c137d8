import { describe, expect, it } from 'vitest';
import { composeReceiptMail, type ReceiptMailInput } from './receipt-mail.ts';

const input: ReceiptMailInput = {
  merchantName: 'Toko Maju',
  title: 'Kaos Polos',
  amount: 1_250_000,
  paidAt: new Date('2026-12-31T17:05:00Z'),
  methodName: 'VA BRI',
  paymentReffNo: 'PAY20270101000500a1b2',
  customerName: 'Siti',
  to: 'siti@example.com',
  contact: { email: null, phone: null },
};

const GOLDEN_TEXT = `English version below.

Pembayaran diterima

Halo Siti,

Terima kasih! Pembayaran Anda kepada Toko Maju telah diterima.

Pembayaran untuk: Kaos Polos
Jumlah: Rp 1.250.000
Metode: VA BRI
Waktu pembayaran: 1 Januari 2027, 00.05 WIB
Nomor referensi: PAY20270101000500a1b2

Simpan email ini sebagai bukti pembayaran Anda.

----------------------------------------

Payment received

Hello Siti,

Thank you! Your payment to Toko Maju has been received.

Payment for: Kaos Polos
Amount: Rp 1.250.000
Method: VA BRI
Paid at: 1 January 2027, 00:05 WIB
Reference number: PAY20270101000500a1b2

Keep this email as proof of your payment.
`;

describe('composeReceiptMail', () => {
  it('has a bilingual subject naming what was paid for', () => {
    const mail = composeReceiptMail(input);
    expect(mail.to).toBe('siti@example.com');
    expect(mail.subject).toBe('Pembayaran diterima / Payment received — Kaos Polos');
  });

  it('writes the text part in Indonesian, then English', () => {
    expect(composeReceiptMail(input).text).toBe(GOLDEN_TEXT);
  });

  it('writes the HTML part in the same order, with no button', () => {
    const { html } = composeReceiptMail(input);
    const indonesian = html.indexOf('<div lang="id"');
    const english = html.indexOf('<div lang="en"');
    expect(english).toBeGreaterThan(indonesian);
    expect(indonesian).toBeGreaterThan(0);
    expect(html.slice(indonesian, english)).toContain('>1 Januari 2027, 00.05 WIB</td>');
    expect(html.slice(english)).toContain('>1 January 2027, 00:05 WIB</td>');
    expect(html).toContain('>Rp 1.250.000</td>');
    expect(html).toContain('>PAY20270101000500a1b2</td>');
    expect(html).not.toContain('<a ');
  });
});
