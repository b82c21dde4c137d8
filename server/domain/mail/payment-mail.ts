import { toRupiahLabel } from '../shared/money.ts';
import { toSingleLine } from './header.ts';
import { composeMail, greet, toWebUrl, type Mail, type MailSection } from './mail.ts';
import { mailContact, type MailContactInput } from './merchant-parts.ts';
import { toWibLabel } from './wib-label.ts';

export type PaymentMailInput = {
  merchantName: string;
  title: string;
  /** Whole rupiah. */
  amount: number;
  /** The catalog's display name, e.g. `VA BRI` or `QRIS`. */
  methodName: string;
  /** For a virtual account: the bank's name and the number to transfer to; null for QRIS. */
  va: { bankName: string; number: string } | null;
  expiresAt: Date;
  /** The payment's own page: the durable way back to its VA number or QR code (SPEC §7). */
  viewUrl: string;
  customerName: string | null;
  to: string;
  /** How customers reach the merchant; its email is also the Reply-To. */
  contact: MailContactInput;
};

/**
 * SPEC §7: the link mail sent again when a payment starts, with what to pay to (the VA number,
 * or the page with the QR code), so closing the browser loses nothing. Indonesian then
 * English, with the merchant's contact; from the merchant's name, replies to the merchant.
 * Pure: the same input always gives the same mail.
 */
export function composePaymentMail(input: PaymentMailInput): Mail {
  const merchant = toSingleLine(input.merchantName);
  const title = toSingleLine(input.title);
  const amount = toRupiahLabel(input.amount);
  const method = toSingleLine(input.methodName);
  const url = toWebUrl(input.viewUrl);
  const va = input.va && {
    bank: toSingleLine(input.va.bankName),
    number: toSingleLine(input.va.number),
  };

  const indonesian: MailSection = {
    language: 'id',
    heading: `Selesaikan pembayaran ke ${merchant}`,
    greeting: greet('Halo', input.customerName),
    intro: va
      ? `Transfer ke nomor Virtual Account ${va.bank} di bawah ini sebelum batas waktunya. Cara membayar ada di halaman pembayaran.`
      : 'Buka halaman pembayaran untuk memindai kode QRIS atau menyimpannya, sebelum batas waktunya.',
    details: [
      ['Pembayaran untuk', title],
      ['Jumlah', amount],
      ['Metode', method],
      ...(va ? [['Nomor Virtual Account', va.number] as const] : []),
      ['Bayar sebelum', toWibLabel(input.expiresAt, 'id')],
    ],
    action: {
      label: va ? 'Lihat cara membayar' : 'Buka kode QRIS',
      url,
      fallback: 'Jika tombol tidak berfungsi, buka tautan ini di peramban Anda:',
    },
    contact: mailContact(input.contact, merchant, 'id'),
    closing: 'Jika Anda sudah membayar atau memilih metode lain, abaikan saja email ini.',
  };
  const english: MailSection = {
    language: 'en',
    heading: `Complete your payment to ${merchant}`,
    greeting: greet('Hello', input.customerName),
    intro: va
      ? `Transfer to the ${va.bank} virtual account number below before the deadline. The payment page shows how.`
      : 'Open the payment page to scan or save the QRIS code, before the deadline.',
    details: [
      ['Payment for', title],
      ['Amount', amount],
      ['Method', method],
      ...(va ? [['Virtual account number', va.number] as const] : []),
      ['Pay by', toWibLabel(input.expiresAt, 'en')],
    ],
    action: {
      label: va ? 'See how to pay' : 'Open the QRIS code',
      url,
      fallback: 'If the button does not work, open this link in your browser:',
    },
    contact: mailContact(input.contact, merchant, 'en'),
    closing: 'If you have already paid or chose another method, you can ignore this email.',
  };
  return composeMail({
    to: input.to,
    subject: {
      title,
      build: (t) =>
        `Menunggu pembayaran ke ${merchant}: ${t} / Awaiting your payment to ${merchant}`,
    },
    sections: [indonesian, english],
    sender: { name: merchant, replyTo: input.contact.email },
  });
}
