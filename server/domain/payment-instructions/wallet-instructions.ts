import { type ChannelTemplate, fillBlocks } from './fill-template.ts';
import type { InstructionBlock, Lang } from './instruction-types.ts';

/**
 * How the wallet's QR code is read: with the wallet app's own scanner (GoPay's QR is a QRIS),
 * or with any phone camera, when the code only holds the wallet's deep link (ShopeePay).
 */
export type WalletScan = 'app' | 'camera';

type WalletTexts = {
  thisPhone: ChannelTemplate<'this_phone'>;
  scan: Record<WalletScan, ChannelTemplate<'other_phone'>>;
};

/**
 * An e-wallet payment (SPEC §10): on the phone, the page's button opens the app by the
 * gateway's deep link; on a wide screen, a phone scans the QR code. The button's words are
 * the page's `walletOpen` message, so the first step names what the customer sees.
 */
const WALLET: Readonly<Record<Lang, WalletTexts>> = {
  id: {
    thisPhone: {
      channel: 'this_phone',
      title: 'Bayar dari ponsel ini',
      steps: [
        'Ketuk tombol "Buka {app}" di halaman ini.',
        'Aplikasi {app} terbuka: periksa bahwa jumlahnya {amount}.',
        'Ketuk "Bayar", lalu masukkan PIN {app} Anda.',
        'Kembali ke halaman ini; statusnya akan diperbarui sendiri.',
      ],
    },
    scan: {
      app: {
        channel: 'other_phone',
        title: 'Pindai dengan aplikasi {app}',
        steps: [
          'Buka aplikasi {app} di ponsel Anda.',
          'Buka pemindai QR di aplikasi itu, lalu arahkan kamera ke kode QR di layar ini.',
          'Periksa bahwa jumlahnya {amount}, lalu ketuk "Bayar".',
          'Masukkan PIN {app} Anda; halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
        ],
      },
      camera: {
        channel: 'other_phone',
        title: 'Pindai dengan kamera ponsel',
        steps: [
          'Buka kamera di ponsel yang sudah terpasang aplikasi {app}.',
          'Arahkan kamera ke kode QR di layar ini, lalu ketuk tautan yang muncul.',
          'Aplikasi {app} terbuka: periksa bahwa jumlahnya {amount}, lalu ketuk "Bayar".',
          'Masukkan PIN {app} Anda; halaman ini akan diperbarui sendiri setelah pembayaran masuk.',
        ],
      },
    },
  },
  en: {
    thisPhone: {
      channel: 'this_phone',
      title: 'Pay on this phone',
      steps: [
        'Tap the "Open {app}" button on this page.',
        'The {app} app opens: check that the amount is {amount}.',
        'Tap "Pay", then enter your {app} PIN.',
        'Come back to this page; its status updates by itself.',
      ],
    },
    scan: {
      app: {
        channel: 'other_phone',
        title: 'Scan with the {app} app',
        steps: [
          'Open the {app} app on your phone.',
          'Open its QR scanner and point the camera at the QR code on this screen.',
          'Check that the amount is {amount}, then tap "Pay".',
          'Enter your {app} PIN; this page updates by itself once the payment arrives.',
        ],
      },
      camera: {
        channel: 'other_phone',
        title: 'Scan with your phone camera',
        steps: [
          'Open the camera on a phone that has the {app} app.',
          'Point it at the QR code on this screen, then tap the link that appears.',
          'The {app} app opens: check that the amount is {amount}, then tap "Pay".',
          'Enter your {app} PIN; this page updates by itself once the payment arrives.',
        ],
      },
    },
  },
};

/**
 * How to pay with an e-wallet: `this_phone` when there is a deep link to open the app,
 * `other_phone` when there is a QR code to scan (read by `scan`), in that order.
 */
export function walletInstructions(
  lang: Lang,
  fill: { appName: string; amountLabel: string; hasDeeplink: boolean; scan: WalletScan | null },
): InstructionBlock[] {
  const texts = WALLET[lang];
  const blocks = [
    ...(fill.hasDeeplink ? [texts.thisPhone] : []),
    ...(fill.scan ? [texts.scan[fill.scan]] : []),
  ];
  return fillBlocks(blocks, { app: fill.appName, amount: fill.amountLabel });
}
