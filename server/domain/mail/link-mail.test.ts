import { describe, expect, it } from 'vitest';
import { composeLinkMail, type LinkMailInput } from './link-mail.ts';

const PAY_URL = 'https://pay.example.id/b2b/PL20261120135940d2c1f3e4a5b6c7d8e9f0a1b2c3d4e5f6';

const input: LinkMailInput = {
  merchantName: 'Toko Maju',
  title: 'Kaos Polos',
  amount: 20_000,
  expiresAt: new Date('2026-11-21T06:59:40Z'),
  payUrl: PAY_URL,
  customerName: 'Budi Santoso',
  to: 'budi@example.com',
  items: null,
  contact: { email: null, phone: null },
};

const GOLDEN_TEXT = `English version below.

Tagihan dari Toko Maju

Halo Budi Santoso,

Toko Maju mengirimkan tagihan kepada Anda. Silakan bayar melalui tombol di bawah ini.

Pembayaran untuk: Kaos Polos
Jumlah: Rp 20.000
Bayar sebelum: 21 November 2026, 13.59 WIB

Bayar sekarang:
${PAY_URL}

Jika Anda tidak mengenali tagihan ini, abaikan saja email ini.

----------------------------------------

Payment request from Toko Maju

Hello Budi Santoso,

Toko Maju has sent you a payment request. You can pay it with the button below.

Payment for: Kaos Polos
Amount: Rp 20.000
Pay by: 21 November 2026, 13:59 WIB

Pay now:
${PAY_URL}

If you do not recognise this request, you can simply ignore this email.
`;

describe('composeLinkMail', () => {
  it('addresses the customer with a bilingual subject', () => {
    const mail = composeLinkMail(input);
    expect(mail.to).toBe('budi@example.com');
    expect(mail.subject).toBe(
      'Tagihan dari Toko Maju: Kaos Polos / Payment request from Toko Maju',
    );
  });

  it('writes the text part in Indonesian, then English', () => {
    expect(composeLinkMail(input).text).toBe(GOLDEN_TEXT);
  });

  it('writes the HTML part in the same order, each half marked with its language', () => {
    const { html } = composeLinkMail(input);
    const indonesian = html.indexOf('<div lang="id"');
    const english = html.indexOf('<div lang="en"');
    expect(indonesian).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(indonesian);
    expect(html.slice(indonesian, english)).toContain('21 November 2026, 13.59 WIB');
    expect(html.slice(english)).toContain('21 November 2026, 13:59 WIB');
    expect(html).toContain('<th scope="row" style="');
    expect(html).toContain('>Rp 20.000</td>');
    expect(html).toMatch(/^<!doctype html>\n<html lang="id">/);
  });

  it('gives each half a real link button and the same URL written out as text', () => {
    const { html } = composeLinkMail(input);
    expect(html.match(new RegExp(`<a href="${PAY_URL}"`, 'g'))).toHaveLength(4);
    expect(html).toMatch(new RegExp(`<a href="${PAY_URL}" style="[^"]+">Bayar sekarang</a>`));
    expect(html).toMatch(new RegExp(`<a href="${PAY_URL}" style="[^"]+">Pay now</a>`));
    expect(html).toMatch(new RegExp(`<a href="${PAY_URL}" style="[^"]+">${PAY_URL}</a>`));
  });

  it('says so when the link has no deadline', () => {
    const mail = composeLinkMail({ ...input, expiresAt: null });
    expect(mail.text).toContain('Bayar sebelum: Tanpa batas waktu\n');
    expect(mail.text).toContain('Pay by: No deadline\n');
    expect(mail.html).toContain('>Tanpa batas waktu</td>');
    expect(mail.html).toContain('>No deadline</td>');
  });

  it('greets without a name when the customer gave none', () => {
    for (const customerName of [null, '', '  ']) {
      const mail = composeLinkMail({ ...input, customerName });
      expect(mail.text).toContain('\nHalo,\n');
      expect(mail.text).toContain('\nHello,\n');
    }
  });

  it('refuses a pay URL that is not http(s), so no javascript: link is ever sent', () => {
    expect(() => composeLinkMail({ ...input, payUrl: 'javascript:alert(1)' })).toThrow(RangeError);
    expect(() => composeLinkMail({ ...input, payUrl: 'data:text/html,x' })).toThrow(RangeError);
    expect(() => composeLinkMail({ ...input, payUrl: '/b2b/PL1' })).toThrow(TypeError);
  });
});
