import type { BankInstructions } from '../instruction-types.ts';

/** BCA VA: ATM BCA, BCA mobile / myBCA and KlikBCA Individu (reference §3.3, BCA). */
export const BCA: BankInstructions = {
  code: 'VA_BCA',
  id: {
    atm: {
      title: 'ATM BCA',
      steps: [
        'Masukkan kartu ATM BCA dan PIN Anda.',
        'Pilih "Transaksi Lainnya", lalu "Transfer".',
        'Pilih "Ke Rek BCA Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Periksa nama tujuan dan pastikan jumlahnya {amount}.',
        'Tekan "Ya" untuk membayar, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'BCA mobile / myBCA',
      steps: [
        'Buka BCA mobile (menu "m-BCA") atau myBCA, lalu masuk ke akun Anda.',
        'Pilih "m-Transfer", lalu "BCA Virtual Account" (di myBCA: "Transfer", lalu "Virtual Account").',
        'Ketik nomor Virtual Account {va}, lalu tekan "Send".',
        'Periksa nama tujuan dan pastikan jumlahnya {amount}.',
        'Masukkan PIN Anda; halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'KlikBCA Individu',
      steps: [
        'Masuk ke KlikBCA Individu dengan User ID dan PIN Anda.',
        'Pilih "Transfer Dana", lalu "Transfer ke BCA Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu klik "Lanjutkan".',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan kode dari KeyBCA, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'BCA ATM',
      steps: [
        'Insert your BCA card and enter your PIN.',
        'Choose "Other Transactions", then "Transfer".',
        'Choose "To BCA Virtual Account".',
        'Key in the virtual account number {va} and press "Correct".',
        'Check the recipient name and that the amount is {amount}.',
        'Press "Yes" to pay, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'BCA mobile / myBCA',
      steps: [
        'Open BCA mobile (the "m-BCA" menu) or myBCA and log in.',
        'Tap "m-Transfer", then "BCA Virtual Account" (in myBCA: "Transfer", then "Virtual Account").',
        'Key in the virtual account number {va} and tap "Send".',
        'Check the recipient name and that the amount is {amount}.',
        'Enter your PIN; this page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'KlikBCA Individu',
      steps: [
        'Log in to KlikBCA Individu with your User ID and PIN.',
        'Choose "Fund Transfer", then "Transfer to BCA Virtual Account".',
        'Key in the virtual account number {va} and click "Continue".',
        'Check the bill details and that the amount is {amount}.',
        'Confirm with the code from your KeyBCA, then keep the receipt.',
      ],
    },
  },
};
