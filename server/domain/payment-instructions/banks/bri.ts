import type { BankInstructions } from '../instruction-types.ts';

/** BRI VA (BRIVA): ATM BRI, BRImo and Internet Banking BRI (reference §3.3, BRI). */
export const BRI: BankInstructions = {
  code: 'VA_BRI',
  id: {
    atm: {
      title: 'ATM BRI',
      steps: [
        'Masukkan kartu ATM BRI dan PIN Anda.',
        'Pilih "Transaksi Lain", lalu "Pembayaran".',
        'Pilih "Lainnya", lalu "BRIVA".',
        'Ketik nomor BRIVA {va}, lalu tekan "Benar".',
        'Periksa nama tujuan dan pastikan jumlahnya {amount}.',
        'Pilih "Ya" untuk membayar, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'BRImo',
      steps: [
        'Buka BRImo, lalu masuk ke akun Anda.',
        'Pilih menu "BRIVA".',
        'Ketik nomor BRIVA {va}, lalu tekan "Lanjutkan".',
        'Periksa nama tujuan dan pastikan jumlahnya {amount}.',
        'Masukkan PIN BRImo untuk membayar.',
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'Internet Banking BRI',
      steps: [
        'Masuk ke Internet Banking BRI (ib.bri.co.id).',
        'Pilih "Pembayaran", lalu "BRIVA".',
        'Pilih rekening sumber dana, lalu ketik nomor BRIVA {va}.',
        'Pastikan jumlah yang dibayar {amount}.',
        'Konfirmasi dengan password dan kode mToken, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'BRI ATM',
      steps: [
        'Insert your BRI card and enter your PIN.',
        'Choose "Other Transactions", then "Payment".',
        'Choose "Others", then "BRIVA".',
        'Key in the BRIVA number {va} and press "Correct".',
        'Check the recipient name and that the amount is {amount}.',
        'Choose "Yes" to pay, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'BRImo',
      steps: [
        'Open BRImo and log in.',
        'Tap the "BRIVA" menu.',
        'Key in the BRIVA number {va} and tap "Continue".',
        'Check the recipient name and that the amount is {amount}.',
        'Enter your BRImo PIN to pay.',
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'Internet Banking BRI',
      steps: [
        'Log in to Internet Banking BRI (ib.bri.co.id).',
        'Choose "Payment", then "BRIVA".',
        'Pick the account to pay from and key in the BRIVA number {va}.',
        'Make sure the amount paid is {amount}.',
        'Confirm with your password and mToken code, then keep the receipt.',
      ],
    },
  },
};
