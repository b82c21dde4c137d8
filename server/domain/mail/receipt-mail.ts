import { toRupiahLabel } from '../shared/money.ts';
import { toSingleLine } from './header.ts';
import { composeMail, greet, type Mail, type MailSection } from './mail.ts';
import { mailContact, type MailContactInput } from './merchant-parts.ts';
import { toWibLabel } from './wib-label.ts';

export type ReceiptMailInput = {
  merchantName: string;
  title: string;
  /** Whole rupiah. */
  amount: number;
  paidAt: Date;
  /** The catalog's display name, e.g. `VA BRI` or `QRIS`. */
  methodName: string;
  paymentReffNo: string;
  customerName: string | null;
  to: string;
  /** How customers reach the merchant; its email is also the Reply-To. */
  contact: MailContactInput;
};

/**
 * The receipt sent once a payment is paid, in Indonesian then English, with the merchant's
 * contact; from the merchant's name, replies to the merchant. Pure.
 */
export function composeReceiptMail(input: ReceiptMailInput): Mail {
  const merchant = toSingleLine(input.merchantName);
  const title = toSingleLine(input.title);
  const amount = toRupiahLabel(input.amount);
  const method = toSingleLine(input.methodName);
  const reference = toSingleLine(input.paymentReffNo);

  const indonesian: MailSection = {
    language: 'id',
    heading: 'Pembayaran diterima',
    greeting: greet('Halo', input.customerName),
    intro: `Terima kasih! Pembayaran Anda kepada ${merchant} telah diterima.`,
    details: [
      ['Pembayaran untuk', title],
      ['Jumlah', amount],
      ['Metode', method],
      ['Waktu pembayaran', toWibLabel(input.paidAt, 'id')],
      ['Nomor referensi', reference],
    ],
    action: null,
    contact: mailContact(input.contact, merchant, 'id'),
    closing: 'Simpan email ini sebagai bukti pembayaran Anda.',
  };
  const english: MailSection = {
    language: 'en',
    heading: 'Payment received',
    greeting: greet('Hello', input.customerName),
    intro: `Thank you! Your payment to ${merchant} has been received.`,
    details: [
      ['Payment for', title],
      ['Amount', amount],
      ['Method', method],
      ['Paid at', toWibLabel(input.paidAt, 'en')],
      ['Reference number', reference],
    ],
    action: null,
    contact: mailContact(input.contact, merchant, 'en'),
    closing: 'Keep this email as proof of your payment.',
  };
  return composeMail({
    to: input.to,
    subject: { title, build: (t) => `Pembayaran diterima / Payment received — ${t}` },
    sections: [indonesian, english],
    sender: { name: merchant, replyTo: input.contact.email },
  });
}
