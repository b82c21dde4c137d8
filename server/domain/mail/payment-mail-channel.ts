import { toSingleLine } from './header.ts';
import type { MailLanguage } from './wib-label.ts';

/** What the customer pays to, as the "payment started" mail carries it (SPEC §7, §10). */
export type PaymentMailChannel = {
  /** A virtual account: the bank and the number; for a Mandiri bill, also its company code. */
  va: { bankName: string; number: string; billerCode?: string | null } | null;
  /** A convenience store's payment code, given at its cashier. */
  store?: { storeName: string; code: string } | null;
  /** An e-wallet, paid in its app from the payment page. */
  wallet?: { appName: string } | null;
};

/** The channel's part of one language's section: its intro, detail rows and button label. */
export type ChannelTexts = {
  intro: string;
  details: (readonly [label: string, value: string])[];
  actionLabel: string;
};

type Channel =
  | { kind: 'va'; bank: string; number: string }
  | { kind: 'bill'; bank: string; number: string; billerCode: string }
  | { kind: 'store'; store: string; code: string }
  | { kind: 'wallet'; app: string }
  | { kind: 'qris' };

/** One channel, its values on one line each (they go into headers' neighbours and HTML). */
function channelOf(input: PaymentMailChannel): Channel {
  const line = toSingleLine;
  if (input.va) {
    const va = { bank: line(input.va.bankName), number: line(input.va.number) };
    return input.va.billerCode
      ? { kind: 'bill', ...va, billerCode: line(input.va.billerCode) }
      : { kind: 'va', ...va };
  }
  if (input.store)
    return { kind: 'store', store: line(input.store.storeName), code: line(input.store.code) };
  if (input.wallet) return { kind: 'wallet', app: line(input.wallet.appName) };
  return { kind: 'qris' };
}

function indonesian(channel: Channel): ChannelTexts {
  const howTo = 'Cara membayar ada di halaman pembayaran.';
  switch (channel.kind) {
    case 'va':
      return {
        intro: `Transfer ke nomor Virtual Account ${channel.bank} di bawah ini sebelum batas waktunya. ${howTo}`,
        details: [['Nomor Virtual Account', channel.number]],
        actionLabel: 'Lihat cara membayar',
      };
    case 'bill':
      return {
        intro: `Bayar tagihan ${channel.bank} sebelum batas waktunya: masukkan kode perusahaan, lalu nomor tagihan di bawah ini. ${howTo}`,
        details: [
          ['Kode perusahaan', channel.billerCode],
          ['Nomor tagihan', channel.number],
        ],
        actionLabel: 'Lihat cara membayar',
      };
    case 'store':
      return {
        intro: `Bayar tunai di kasir ${channel.store} dengan kode pembayaran di bawah ini sebelum batas waktunya. ${howTo}`,
        details: [['Kode pembayaran', channel.code]],
        actionLabel: 'Lihat cara membayar',
      };
    case 'wallet':
      return {
        intro: `Buka halaman pembayaran di ponsel Anda untuk membayar dengan ${channel.app} sebelum batas waktunya.`,
        details: [],
        actionLabel: `Bayar dengan ${channel.app}`,
      };
    case 'qris':
      return {
        intro:
          'Buka halaman pembayaran untuk memindai kode QRIS atau menyimpannya, sebelum batas waktunya.',
        details: [],
        actionLabel: 'Buka kode QRIS',
      };
  }
}

function english(channel: Channel): ChannelTexts {
  const howTo = 'The payment page shows how.';
  switch (channel.kind) {
    case 'va':
      return {
        intro: `Transfer to the ${channel.bank} virtual account number below before the deadline. ${howTo}`,
        details: [['Virtual account number', channel.number]],
        actionLabel: 'See how to pay',
      };
    case 'bill':
      return {
        intro: `Pay the ${channel.bank} bill before the deadline: enter the company code, then the bill key below. ${howTo}`,
        details: [
          ['Company code', channel.billerCode],
          ['Bill key', channel.number],
        ],
        actionLabel: 'See how to pay',
      };
    case 'store':
      return {
        intro: `Pay in cash at the ${channel.store} cashier with the payment code below, before the deadline. ${howTo}`,
        details: [['Payment code', channel.code]],
        actionLabel: 'See how to pay',
      };
    case 'wallet':
      return {
        intro: `Open the payment page on your phone to pay with ${channel.app} before the deadline.`,
        details: [],
        actionLabel: `Pay with ${channel.app}`,
      };
    case 'qris':
      return {
        intro: 'Open the payment page to scan or save the QRIS code, before the deadline.',
        details: [],
        actionLabel: 'Open the QRIS code',
      };
  }
}

/**
 * The channel's texts in one language: a VA number, a Mandiri bill's company code and bill
 * key, a store's payment code, an e-wallet's way back to the page, or the page of a QRIS code.
 */
export function channelTexts(input: PaymentMailChannel, language: MailLanguage): ChannelTexts {
  const channel = channelOf(input);
  return language === 'id' ? indonesian(channel) : english(channel);
}
