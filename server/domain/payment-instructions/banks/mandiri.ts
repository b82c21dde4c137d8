import type { BankInstructions } from '../instruction-types.ts';

/**
 * Mandiri VA: paid as a bill. ATM and internet banking use "Multi Payment" with the company
 * (biller) code, the VA's first five digits, then the full VA number (reference §3.3, Mandiri).
 */
export const MANDIRI: BankInstructions = {
  code: 'VA_MANDIRI',
  id: {
    atm: {
      title: 'ATM Mandiri',
      steps: [
        'Masukkan kartu ATM Mandiri dan PIN Anda.',
        'Pilih "Bayar/Beli", lalu "Lainnya", lalu "Multi Payment".',
        'Ketik kode perusahaan {company}, lalu tekan "Benar".',
        'Ketik nomor Virtual Account {va}, lalu tekan "Benar".',
        'Jika muncul daftar tagihan, pilih angka "1".',
        'Pastikan jumlahnya {amount}, lalu pilih "Ya".',
        'Simpan struk sebagai bukti pembayaran.',
      ],
    },
    mobile: {
      title: "Livin' by Mandiri",
      steps: [
        "Buka Livin' by Mandiri, lalu masuk ke akun Anda.",
        'Pilih "Bayar", lalu cari penyedia jasa dengan kode {company}.',
        'Ketik nomor Virtual Account {va}, lalu tekan "Lanjut".',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        "Masukkan PIN Livin' untuk membayar.",
        'Halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
    internet: {
      title: "Livin' by Mandiri (web) / Mandiri Internet Banking",
      steps: [
        'Masuk ke internet banking Mandiri di browser Anda.',
        'Pilih "Bayar", lalu "Multi Payment".',
        'Pilih penyedia jasa dengan kode {company}.',
        'Ketik nomor Virtual Account {va}, lalu klik "Lanjut".',
        'Periksa detail tagihan dan pastikan jumlahnya {amount}.',
        'Konfirmasi dengan token atau PIN Anda, lalu simpan bukti transaksinya.',
      ],
    },
  },
  en: {
    atm: {
      title: 'Mandiri ATM',
      steps: [
        'Insert your Mandiri card and enter your PIN.',
        'Choose "Pay/Buy", then "Others", then "Multi Payment".',
        'Key in the company code {company} and press "Correct".',
        'Key in the virtual account number {va} and press "Correct".',
        'If a list of bills appears, choose "1".',
        'Make sure the amount is {amount}, then choose "Yes".',
        'Keep the receipt as proof of payment.',
      ],
    },
    mobile: {
      title: "Livin' by Mandiri",
      steps: [
        "Open Livin' by Mandiri and log in.",
        'Tap "Pay", then search for the biller with code {company}.',
        'Key in the virtual account number {va} and tap "Next".',
        'Check the bill details and that the amount is {amount}.',
        "Enter your Livin' PIN to pay.",
        'This page updates by itself once the payment arrives.',
      ],
    },
    internet: {
      title: "Livin' by Mandiri (web) / Mandiri Internet Banking",
      steps: [
        'Log in to Mandiri internet banking in your browser.',
        'Choose "Pay", then "Multi Payment".',
        'Pick the biller with code {company}.',
        'Key in the virtual account number {va} and click "Next".',
        'Check the bill details and that the amount is {amount}.',
        'Confirm with your token or PIN, then keep the receipt.',
      ],
    },
  },
};
