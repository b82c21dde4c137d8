import { toRupiahLabel } from '../shared/money.ts';
import { toSingleLine } from './header.ts';
import { composeMail, greet, toWebUrl, type Mail, type MailSection } from './mail.ts';
import { mailContact, type MailContactInput } from './merchant-parts.ts';
import { channelTexts, type PaymentMailChannel } from './payment-mail-channel.ts';
import { toWibLabel } from './wib-label.ts';

export type PaymentMailInput = PaymentMailChannel & {
  merchantName: string;
  title: string;
  /** Whole rupiah. */
  amount: number;
  /** The catalog's display name, e.g. `VA BRI` or `QRIS`. */
  methodName: string;
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
 * a Mandiri bill's company code and bill key, a store's payment code, or the page with the QR
 * code or the e-wallet button), so closing the browser loses nothing. Indonesian then
 * English, with the merchant's contact; from the merchant's name, replies to the merchant.
 * Pure: the same input always gives the same mail.
 */
export function composePaymentMail(input: PaymentMailInput): Mail {
  const merchant = toSingleLine(input.merchantName);
  const title = toSingleLine(input.title);
  const amount = toRupiahLabel(input.amount);
  const method = toSingleLine(input.methodName);
  const url = toWebUrl(input.viewUrl);
  const id = channelTexts(input, 'id');
  const en = channelTexts(input, 'en');

  const indonesian: MailSection = {
    language: 'id',
    heading: `Selesaikan pembayaran ke ${merchant}`,
    greeting: greet('Halo', input.customerName),
    intro: id.intro,
    details: [
      ['Pembayaran untuk', title],
      ['Jumlah', amount],
      ['Metode', method],
      ...id.details,
      ['Bayar sebelum', toWibLabel(input.expiresAt, 'id')],
    ],
    action: {
      label: id.actionLabel,
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
    intro: en.intro,
    details: [
      ['Payment for', title],
      ['Amount', amount],
      ['Method', method],
      ...en.details,
      ['Pay by', toWibLabel(input.expiresAt, 'en')],
    ],
    action: {
      label: en.actionLabel,
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
