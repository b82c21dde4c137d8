import { groupDigits } from '../payment-method/va/va-banks.ts';
import { type ChannelTemplate, fillBlocks } from './fill-template.ts';
import type { InstructionBlock, Lang } from './instruction-types.ts';

/**
 * Mandiri bill payment (a gateway's `echannel`, SPEC §10): the customer enters the company
 * (biller) code the gateway gave, then the bill key. Unlike Paylink's own Mandiri VAs, the
 * company code is not the first digits of the number, and only Mandiri's own channels pay it
 * (reference gateway-connectors.md, "echannel"). Livin' comes first: most customers pay there.
 */
const MANDIRI_BILL: Readonly<Record<Lang, readonly ChannelTemplate<'mobile' | 'atm'>[]>> = {
  id: [
    {
      channel: 'mobile',
      title: "Livin' by Mandiri",
      steps: [
        "Buka Livin' by Mandiri, lalu masuk ke akun Anda.",
        'Pilih "Bayar", lalu cari penyedia jasa dengan kode perusahaan {company}.',
        'Ketik nomor tagihan {billKey}, lalu tekan "Lanjutkan".',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        "Masukkan PIN Livin' untuk membayar.",
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    {
      channel: 'atm',
      title: 'ATM Mandiri',
      steps: [
        'Masukkan kartu ATM Mandiri dan PIN Anda.',
        'Pilih "Bayar/Beli", lalu "Lainnya", lalu "Multi Payment".',
        'Ketik kode perusahaan {company}, lalu tekan "Benar".',
        'Ketik nomor tagihan {billKey}, lalu tekan "Benar".',
        'Jika muncul daftar tagihan, pilih angka "1".',
        'Pastikan jumlahnya {amount}, lalu pilih "Ya".',
        'Simpan struk sebagai bukti pembayaran.',
      ],
    },
  ],
  en: [
    {
      channel: 'mobile',
      title: "Livin' by Mandiri",
      steps: [
        "Open Livin' by Mandiri and log in.",
        'Tap "Pay", then search for the biller with company code {company}.',
        'Key in the bill key {billKey} and tap "Next".',
        'Check the bill details and that the amount is {amount}.',
        "Enter your Livin' PIN to pay.",
        'This page updates by itself once the payment arrives.',
      ],
    },
    {
      channel: 'atm',
      title: 'Mandiri ATM',
      steps: [
        'Insert your Mandiri card and enter your PIN.',
        'Choose "Pay/Buy", then "Others", then "Multi Payment".',
        'Key in the company code {company} and press "Correct".',
        'Key in the bill key {billKey} and press "Correct".',
        'If a list of bills appears, choose "1".',
        'Make sure the amount is {amount}, then choose "Yes".',
        'Keep the receipt as proof of payment.',
      ],
    },
  ],
};

/** How to pay a Mandiri bill: company code, then bill key, in Livin' or at a Mandiri ATM. */
export function mandiriBillInstructions(
  lang: Lang,
  fill: { billerCode: string; billKey: string; amountLabel: string },
): InstructionBlock[] {
  return fillBlocks(MANDIRI_BILL[lang], {
    company: fill.billerCode,
    billKey: groupDigits(fill.billKey.replace(/\s/g, '')),
    amount: fill.amountLabel,
  });
}
