import type { BankInstructions } from '../instruction-types.ts';

/**
 * Danamon VA: ATM Danamon and D-Bank PRO, whose app and web (dbank.co.id) share one login;
 * menu labels are not confirmed by a primary source (reference §3.3, Danamon).
 */
export const DANAMON: BankInstructions = {
  code: 'VA_DANAMON',
  id: {
    atm: {
      title: 'ATM Danamon',
      steps: [
        'Masukkan kartu ATM Danamon dan PIN Anda.',
        'Pilih "Pembayaran", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi pembayaran, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'D-Bank PRO',
      steps: [
        'Buka aplikasi D-Bank PRO, lalu masuk ke akun Anda.',
        'Pilih "Pembayaran", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va}.',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan PIN atau kode OTP Anda.',
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'D-Bank PRO (web)',
      steps: [
        'Buka dbank.co.id, lalu masuk dengan akun D-Bank PRO Anda.',
        'Pilih "Pembayaran", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va}.',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Setujui transaksi dengan token di aplikasi D-Bank PRO, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'Danamon ATM',
      steps: [
        'Insert your Danamon card and enter your PIN.',
        'Choose "Payment", then "Virtual Account".',
        'Key in the virtual account number {va} and press "Correct".',
        'Check the bill details and that the amount is {amount}.',
        'Confirm the payment, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'D-Bank PRO',
      steps: [
        'Open the D-Bank PRO app and log in.',
        'Tap "Payment", then "Virtual Account".',
        'Key in the virtual account number {va}.',
        'Check the bill details and that the amount is {amount}.',
        'Confirm with your PIN or OTP code.',
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'D-Bank PRO (web)',
      steps: [
        'Go to dbank.co.id and log in with your D-Bank PRO account.',
        'Choose "Payment", then "Virtual Account".',
        'Key in the virtual account number {va}.',
        'Check the bill details and that the amount is {amount}.',
        'Approve with the token in the D-Bank PRO app, then keep the receipt.',
      ],
    },
  },
};
