import type { BankInstructions } from '../instruction-types.ts';

/** Permata VA: ATM Permata, PermataMobile X and PermataNet (reference §3.3, Permata). */
export const PERMATA: BankInstructions = {
  code: 'VA_PERMATA',
  id: {
    atm: {
      title: 'ATM Permata',
      steps: [
        'Masukkan kartu ATM Permata dan PIN Anda.',
        'Pilih "Transaksi Lainnya", lalu "Pembayaran".',
        'Pilih "Pembayaran Lainnya", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Pilih rekening sumber dana dan pastikan jumlahnya {amount}.',
        'Konfirmasi pembayaran, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'PermataMobile X',
      steps: [
        'Buka PermataMobile X, lalu masuk ke akun Anda.',
        'Pilih "Bayar Tagihan", lalu "Virtual Account".',
        'Ketik nomor Virtual Account {va}.',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan PIN atau kode token Anda.',
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'PermataNet',
      steps: [
        'Masuk ke PermataNet di browser Anda.',
        'Pilih "Pembayaran Tagihan", lalu "Virtual Account".',
        'Pilih rekening sumber dana, lalu ketik nomor {va}.',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan kode token, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'Permata ATM',
      steps: [
        'Insert your Permata card and enter your PIN.',
        'Choose "Other Transactions", then "Payment".',
        'Choose "Other Payments", then "Virtual Account".',
        'Key in the virtual account number {va} and press "Correct".',
        'Pick the account to pay from and check that the amount is {amount}.',
        'Confirm the payment, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'PermataMobile X',
      steps: [
        'Open PermataMobile X and log in.',
        'Tap "Pay Bills", then "Virtual Account".',
        'Key in the virtual account number {va}.',
        'Check the bill details and that the amount is {amount}.',
        'Confirm with your PIN or token code.',
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'PermataNet',
      steps: [
        'Log in to PermataNet in your browser.',
        'Choose "Bill Payment", then "Virtual Account".',
        'Pick the account to pay from and key in {va}.',
        'Check the bill details and that the amount is {amount}.',
        'Confirm with your token code, then keep the receipt.',
      ],
    },
  },
};
