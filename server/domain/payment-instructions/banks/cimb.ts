import type { BankInstructions } from '../instruction-types.ts';

/** CIMB Niaga VA: ATM CIMB Niaga, OCTO Mobile and OCTO Clicks (reference §3.3, CIMB Niaga). */
export const CIMB: BankInstructions = {
  code: 'VA_CIMB',
  id: {
    atm: {
      title: 'ATM CIMB Niaga',
      steps: [
        'Masukkan kartu ATM CIMB Niaga dan PIN Anda.',
        'Pilih "Transfer", lalu "Rekening CIMB Niaga Lain / Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Ketik jumlah {amount} jika diminta, lalu periksa nama tujuan.',
        'Konfirmasi transfer, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'OCTO Mobile',
      steps: [
        'Buka OCTO Mobile, lalu masuk ke akun Anda.',
        'Pilih "Transfer", lalu "Rekening CIMB Niaga Lain".',
        'Pilih "Virtual Account", lalu ketik nomor {va}.',
        'Ketik jumlah {amount} jika diminta, lalu periksa nama tujuan.',
        'Konfirmasi dengan PIN OCTO Mobile Anda.',
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'OCTO Clicks',
      steps: [
        'Masuk ke OCTO Clicks di browser Anda.',
        'Pilih "Bayar Tagihan".',
        'Pilih rekening sumber dana dan jenis pembayaran "Virtual Account".',
        'Ketik nomor Virtual Account {va}, lalu pastikan jumlahnya {amount}.',
        'Konfirmasi dengan mPIN yang dikirim ke ponsel Anda, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'CIMB Niaga ATM',
      steps: [
        'Insert your CIMB Niaga card and enter your PIN.',
        'Choose "Transfer", then "Other CIMB Niaga Account / Virtual Account".',
        'Key in the virtual account number {va} and press "Correct".',
        'Enter the amount {amount} if asked, then check the recipient name.',
        'Confirm the transfer, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'OCTO Mobile',
      steps: [
        'Open OCTO Mobile and log in.',
        'Tap "Transfer", then "Other CIMB Niaga Account".',
        'Choose "Virtual Account" and key in {va}.',
        'Enter the amount {amount} if asked, then check the recipient name.',
        'Confirm with your OCTO Mobile PIN.',
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'OCTO Clicks',
      steps: [
        'Log in to OCTO Clicks in your browser.',
        'Choose "Pay Bills".',
        'Pick the account to pay from and the payment type "Virtual Account".',
        'Key in the virtual account number {va} and check that the amount is {amount}.',
        'Confirm with the mPIN sent to your phone, then keep the receipt.',
      ],
    },
  },
};
