import type { BankInstructions } from '../instruction-types.ts';

/** Maybank VA: ATM Maybank, M2U ID App and M2U ID Web (reference §3.3, Maybank). */
export const MAYBANK: BankInstructions = {
  code: 'VA_MAYBANK',
  id: {
    atm: {
      title: 'ATM Maybank',
      steps: [
        'Masukkan kartu ATM Maybank dan PIN Anda.',
        'Pilih "Pembayaran/Top Up Pulsa", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Pastikan jumlah yang tampil {amount}, lalu konfirmasi.',
        'Simpan struk sebagai bukti pembayaran.',
      ],
    },
    mobile: {
      title: 'M2U ID App',
      steps: [
        'Buka M2U ID App, lalu masuk ke akun Anda.',
        'Pilih "Transfer", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va} dan jumlah {amount}.',
        'Periksa nama tujuan, lalu konfirmasi dengan PIN Anda.',
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'M2U ID Web',
      steps: [
        'Masuk ke M2U ID Web di browser Anda.',
        'Pilih "Rekening dan Transaksi", lalu "Maybank Virtual Account".',
        'Ketik nomor Virtual Account {va} dan jumlah {amount}.',
        'Periksa nama tujuan, lalu masukkan kode TAC yang dikirim lewat SMS.',
        'Simpan bukti transaksinya; halaman ini akan diperbarui sendiri.',
      ],
    },
  },
  en: {
    atm: {
      title: 'Maybank ATM',
      steps: [
        'Insert your Maybank card and enter your PIN.',
        'Choose "Payment/Phone Top Up", then "Virtual Account".',
        'Key in the virtual account number {va} and press "Correct".',
        'Make sure the amount shown is {amount}, then confirm.',
        'Keep the receipt as proof of payment.',
      ],
    },
    mobile: {
      title: 'M2U ID App',
      steps: [
        'Open M2U ID App and log in.',
        'Tap "Transfer", then "Virtual Account".',
        'Key in the virtual account number {va} and the amount {amount}.',
        'Check the recipient name, then confirm with your PIN.',
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'M2U ID Web',
      steps: [
        'Log in to M2U ID Web in your browser.',
        'Choose "Accounts and Transactions", then "Maybank Virtual Account".',
        'Key in the virtual account number {va} and the amount {amount}.',
        'Check the recipient name, then enter the TAC code sent by SMS.',
        'Keep the receipt; this page updates by itself.',
      ],
    },
  },
};
