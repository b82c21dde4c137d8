import { groupDigits } from '../payment-method/va/va-banks.ts';
import { type ChannelTemplate, fillBlocks } from './fill-template.ts';
import type { InstructionBlock, Lang } from './instruction-types.ts';

/**
 * Paying a convenience-store code (SPEC §10, `ALFAMART`, `INDOMARET`): in cash at the
 * cashier. The customer names the merchant, not the gateway: it is the merchant they know,
 * and the cashier finds the bill by its code.
 */
const CASHIER: Readonly<Record<Lang, ChannelTemplate<'cashier'>>> = {
  id: {
    channel: 'cashier',
    title: 'Di kasir {store}',
    steps: [
      'Datang ke gerai {store} terdekat, lalu ke kasir.',
      'Katakan kepada kasir bahwa Anda ingin membayar pembayaran online ke {merchant}.',
      'Tunjukkan kode pembayaran {code} kepada kasir.',
      'Pastikan jumlahnya {amount}, lalu bayar tunai.',
      'Simpan struk dari kasir sebagai bukti pembayaran; halaman ini akan diperbarui sendiri.',
    ],
  },
  en: {
    channel: 'cashier',
    title: 'At the {store} cashier',
    steps: [
      'Go to the nearest {store} store and to its cashier.',
      'Tell the cashier you want to pay an online payment to {merchant}.',
      'Show the cashier the payment code {code}.',
      'Make sure the amount is {amount}, then pay in cash.',
      "Keep the cashier's receipt as proof of payment; this page updates by itself.",
    ],
  },
};

/** A payment code as the page shows it: digits in groups of four, anything else as given. */
export function groupStoreCode(code: string): string {
  return /^\d+$/.test(code) ? groupDigits(code) : code;
}

/** How to pay this payment code at the store's cashier, filled in. */
export function storeInstructions(
  lang: Lang,
  fill: { storeName: string; code: string; amountLabel: string; merchantName: string },
): InstructionBlock[] {
  return fillBlocks([CASHIER[lang]], {
    store: fill.storeName,
    code: groupStoreCode(fill.code),
    amount: fill.amountLabel,
    merchant: fill.merchantName,
  });
}
