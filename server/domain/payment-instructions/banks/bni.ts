import type { BankInstructions } from '../instruction-types.ts';

/** BNI VA: ATM BNI, wondr by BNI / BNI Mobile Banking and BNI Internet Banking (reference §3.3, BNI). */
export const BNI: BankInstructions = {
  code: 'VA_BNI',
  id: {
    atm: {
      title: 'ATM BNI',
      steps: [
        'Masukkan kartu ATM BNI, pilih bahasa, lalu masukkan PIN.',
        'Pilih "Menu Lainnya", lalu "Transfer".',
        'Pilih jenis rekening Anda, misalnya "Rekening Tabungan".',
        'Pilih "Virtual Account Billing", lalu ketik nomor {va}.',
        'Periksa tagihan yang muncul dan pastikan jumlahnya {amount}.',
        'Konfirmasi transaksi, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'wondr by BNI / BNI Mobile Banking',
      steps: [
        'Buka wondr by BNI atau BNI Mobile Banking, lalu masuk ke akun Anda.',
        'Pilih "Transfer", lalu "Virtual Account Billing".',
        'Pilih rekening sumber dana, lalu ketik nomor Virtual Account {va}.',
        'Periksa tagihan yang muncul dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan PIN atau password transaksi Anda.',
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: 'BNI Internet Banking',
      steps: [
        'Masuk ke BNI Internet Banking (ibank.bni.co.id) dengan User ID dan password.',
        'Pilih "Transfer", lalu "Virtual Account Billing".',
        'Ketik nomor Virtual Account {va}, lalu pilih rekening sumber dana.',
        'Periksa tagihan yang muncul dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan kode BNI e-Secure atau token, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'BNI ATM',
      steps: [
        'Insert your BNI card, pick a language and enter your PIN.',
        'Choose "Other Menu", then "Transfer".',
        'Choose your account type, for example "Savings Account".',
        'Choose "Virtual Account Billing" and key in {va}.',
        'Check the bill on screen and that the amount is {amount}.',
        'Confirm the transaction, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'wondr by BNI / BNI Mobile Banking',
      steps: [
        'Open wondr by BNI or BNI Mobile Banking and log in.',
        'Tap "Transfer", then "Virtual Account Billing".',
        'Pick the account to pay from and key in the virtual account number {va}.',
        'Check the bill on screen and that the amount is {amount}.',
        'Confirm with your transaction PIN or password.',
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: 'BNI Internet Banking',
      steps: [
        'Log in to BNI Internet Banking (ibank.bni.co.id) with your User ID and password.',
        'Choose "Transfer", then "Virtual Account Billing".',
        'Key in the virtual account number {va} and pick the account to pay from.',
        'Check the bill on screen and that the amount is {amount}.',
        'Confirm with your BNI e-Secure or token code, then keep the receipt.',
      ],
    },
  },
};
