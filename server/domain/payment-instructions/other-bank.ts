import type { BlockTemplate, Lang } from './instruction-types.ts';

/**
 * Paying a VA by interbank transfer from any other bank (reference §3.3, generic interbank).
 * Only online transfers reach a VA: BI-FAST, SKN and RTGS are routed in a way the VA cannot
 * match to its bill, so the money bounces back or is delayed.
 */
export const OTHER_BANK: Readonly<Record<Lang, BlockTemplate>> = {
  id: {
    title: 'Transfer dari bank lain',
    steps: [
      'Buka aplikasi mobile banking atau ATM bank Anda, lalu pilih "Transfer ke Bank Lain".',
      'Pilih {bank} sebagai bank tujuan (kode bank {bankCode}).',
      'Ketik nomor Virtual Account {va} sebagai rekening tujuan; di ATM, awali dengan kode {bankCode}.',
      'Pilih transfer online, jangan BI-FAST, SKN, atau RTGS.',
      'Ketik jumlah tepat {amount}, tidak lebih dan tidak kurang.',
      'Periksa nama tujuan, lalu konfirmasi transfer.',
      'Simpan bukti transfer; halaman ini akan diperbarui sendiri setelah dana diterima.',
    ],
  },
  en: {
    title: 'From another bank',
    steps: [
      'Open your own bank\'s app or ATM and choose "Transfer to Other Bank".',
      'Pick {bank} as the destination bank (bank code {bankCode}).',
      'Key in the virtual account number {va} as the destination; at an ATM, put {bankCode} in front of it.',
      'Choose an online transfer, not BI-FAST, SKN or RTGS.',
      'Enter exactly {amount}, no more and no less.',
      'Check the recipient name, then confirm the transfer.',
      'Keep the transfer receipt; this page updates by itself once the money arrives.',
    ],
  },
};
