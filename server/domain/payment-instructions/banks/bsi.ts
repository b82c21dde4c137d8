import type { BankInstructions } from '../instruction-types.ts';

/**
 * BSI VA: ATM BSI takes the full number; BYOND by BSI and BSI Net ask for the institution code
 * (the VA prefix) and then the rest of the number (reference §3.3, BSI).
 */
export const BSI: BankInstructions = {
  code: 'VA_BSI',
  id: {
    atm: {
      title: 'ATM BSI',
      steps: [
        'Masukkan kartu ATM BSI, pilih bahasa, lalu masukkan PIN.',
        'Pilih "Pembayaran/Pembelian", lalu "Institusi".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi pembayaran, lalu simpan struknya.',
      ],
    },
    mobile: {
      title: 'BYOND by BSI',
      steps: [
        'Buka BYOND by BSI, lalu masuk ke akun Anda.',
        'Pilih "Bayar & Beli", lalu cari institusi dengan kode {company}.',
        'Ketik {customer}, yaitu nomor {va} tanpa awalan {company}.',
        'Masukkan PIN, lalu periksa bahwa jumlahnya {amount}.',
        'Konfirmasi pembayaran; halaman ini akan diperbarui sendiri.',
      ],
    },
    internet: {
      title: 'BSI Net',
      steps: [
        'Masuk ke BSI Net (bsinet.bankbsi.co.id).',
        'Pilih "Pembayaran", lalu pilih rekening sumber dana.',
        'Pilih "Institusi", lalu ketik kode institusi {company}.',
        'Ketik {customer}, yaitu nomor {va} tanpa awalan {company}.',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan kode token, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'BSI ATM',
      steps: [
        'Insert your BSI card, pick a language and enter your PIN.',
        'Choose "Payment/Purchase", then "Institution".',
        'Key in the virtual account number {va} and press "Correct".',
        'Check the bill details and that the amount is {amount}.',
        'Confirm the payment, then keep the receipt.',
      ],
    },
    mobile: {
      title: 'BYOND by BSI',
      steps: [
        'Open BYOND by BSI and log in.',
        'Tap "Pay & Buy", then search for the institution with code {company}.',
        'Key in {customer}: the number {va} without the leading {company}.',
        'Enter your PIN, then check that the amount is {amount}.',
        'Confirm the payment; this page updates by itself.',
      ],
    },
    internet: {
      title: 'BSI Net',
      steps: [
        'Log in to BSI Net (bsinet.bankbsi.co.id).',
        'Choose "Payment" and pick the account to pay from.',
        'Choose "Institution" and key in the institution code {company}.',
        'Key in {customer}: the number {va} without the leading {company}.',
        'Check the bill details and that the amount is {amount}.',
        'Confirm with your token code, then keep the receipt.',
      ],
    },
  },
};
