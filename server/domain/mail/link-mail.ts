import { toRupiahLabel } from '../shared/money.ts';
import { toSingleLine } from './header.ts';
import { composeMail, greet, toWebUrl, type Mail, type MailSection } from './mail.ts';
import {
  mailContact,
  type MailContactInput,
  type MailItemInput,
  mailItems,
} from './merchant-parts.ts';
import { toWibLabel } from './wib-label.ts';

export type LinkMailInput = {
  merchantName: string;
  title: string;
  /** Whole rupiah. */
  amount: number;
  /** Null for a link without a deadline. */
  expiresAt: Date | null;
  payUrl: string;
  customerName: string | null;
  to: string;
  /** The link's lines, or null for a link of one total amount. */
  items: readonly MailItemInput[] | null;
  /** How customers reach the merchant; its email is also the Reply-To. */
  contact: MailContactInput;
};

/**
 * The "please pay this link" mail (SPEC §3.2 `customer.email`, §4 `customerEmail`), in
 * Indonesian then English, with the order's lines and the merchant's contact; from the
 * merchant's name, replies to the merchant. Pure: the same input always gives the same mail.
 */
export function composeLinkMail(input: LinkMailInput): Mail {
  const merchant = toSingleLine(input.merchantName);
  const title = toSingleLine(input.title);
  const amount = toRupiahLabel(input.amount);
  const url = toWebUrl(input.payUrl);
  const deadline = (language: 'id' | 'en', none: string) =>
    input.expiresAt === null ? none : toWibLabel(input.expiresAt, language);

  const indonesian: MailSection = {
    language: 'id',
    heading: `Tagihan dari ${merchant}`,
    greeting: greet('Halo', input.customerName),
    intro: `${merchant} mengirimkan tagihan kepada Anda. Silakan bayar melalui tombol di bawah ini.`,
    details: [
      ['Pembayaran untuk', title],
      ['Jumlah', amount],
      ['Bayar sebelum', deadline('id', 'Tanpa batas waktu')],
    ],
    items: mailItems(input.items, 'id'),
    contact: mailContact(input.contact, merchant, 'id'),
    action: {
      label: 'Bayar sekarang',
      url,
      fallback: 'Jika tombol tidak berfungsi, buka tautan ini di peramban Anda:',
    },
    closing: 'Jika Anda tidak mengenali tagihan ini, abaikan saja email ini.',
  };
  const english: MailSection = {
    language: 'en',
    heading: `Payment request from ${merchant}`,
    greeting: greet('Hello', input.customerName),
    intro: `${merchant} has sent you a payment request. You can pay it with the button below.`,
    details: [
      ['Payment for', title],
      ['Amount', amount],
      ['Pay by', deadline('en', 'No deadline')],
    ],
    items: mailItems(input.items, 'en'),
    contact: mailContact(input.contact, merchant, 'en'),
    action: {
      label: 'Pay now',
      url,
      fallback: 'If the button does not work, open this link in your browser:',
    },
    closing: 'If you do not recognise this request, you can simply ignore this email.',
  };
  return composeMail({
    to: input.to,
    subject: {
      title,
      build: (t) => `Tagihan dari ${merchant}: ${t} / Payment request from ${merchant}`,
    },
    sections: [indonesian, english],
    sender: { name: merchant, replyTo: input.contact.email },
  });
}
