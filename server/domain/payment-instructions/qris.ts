import { fillTemplate } from './fill-template.ts';
import type { BlockTemplate, InstructionBlock, Lang } from './instruction-types.ts';

type QrisBlock = BlockTemplate & { channel: 'this_phone' | 'other_phone' };

/**
 * Two ways to pay a QRIS code: on the phone showing it, save the image and pick it from the
 * gallery in the app's QRIS scanner; or scan the screen with a second phone. The page is
 * opened on a phone far more often than not, so paying on this phone comes first (issue 12).
 */
const QRIS_BLOCKS: Readonly<Record<Lang, readonly QrisBlock[]>> = {
  id: [
    {
      channel: 'this_phone',
      title: 'Bayar dari ponsel ini',
      steps: [
        'Simpan gambar kode QR ke galeri, atau ambil tangkapan layar.',
        'Buka aplikasi m-banking atau e-wallet Anda, lalu pilih menu pindai QRIS.',
        'Ketuk ikon galeri, lalu pilih gambar kode QR yang tadi disimpan.',
        'Pastikan nama merchant {merchant} dan jumlahnya {amount}.',
        'Konfirmasi dengan PIN Anda, lalu kembali ke halaman ini untuk melihat statusnya.',
      ],
    },
    {
      channel: 'other_phone',
      title: 'Pindai dari ponsel lain',
      steps: [
        'Buka aplikasi m-banking atau e-wallet yang mendukung QRIS, misalnya GoPay, OVO, DANA, atau ShopeePay.',
        'Pilih menu pindai QRIS, lalu arahkan kamera ke kode QR di layar ini.',
        'Pastikan nama merchant {merchant} dan jumlahnya {amount}.',
        'Konfirmasi dengan PIN Anda; halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
      ],
    },
  ],
  en: [
    {
      channel: 'this_phone',
      title: 'Pay on this phone',
      steps: [
        'Save the QR code image to your gallery, or take a screenshot.',
        'Open your banking or e-wallet app and go to its QRIS scanner.',
        'Tap the gallery icon and pick the QR code image you saved.',
        'Check that the merchant is {merchant} and the amount is {amount}.',
        'Confirm with your PIN, then come back to this page to see the status.',
      ],
    },
    {
      channel: 'other_phone',
      title: 'Scan from another phone',
      steps: [
        'Open any banking or e-wallet app that pays QRIS, such as GoPay, OVO, DANA or ShopeePay.',
        'Open its QRIS scanner and point the camera at the QR code on this screen.',
        'Check that the merchant is {merchant} and the amount is {amount}.',
        'Confirm with your PIN; this page updates by itself once the payment arrives.',
      ],
    },
  ],
};

/**
 * How to pay a QRIS code: save the image and upload it from the gallery in a banking/e-wallet
 * app on this phone (`this_phone`, first), or scan it from another phone (`other_phone`).
 */
export function qrisInstructions(
  lang: Lang,
  fill: { amountLabel: string; merchantName: string },
): InstructionBlock[] {
  const values = { amount: fill.amountLabel, merchant: fill.merchantName };
  return QRIS_BLOCKS[lang].map((block) => ({
    channel: block.channel,
    title: fillTemplate(block.title, values),
    steps: block.steps.map((step) => fillTemplate(step, values)),
  }));
}
