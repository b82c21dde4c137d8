import {
  groupStoreCode,
  type Lang,
  mandiriBillInstructions,
  qrisInstructions,
  storeInstructions,
  vaInstructions,
  walletInstructions,
  type WalletScan,
} from '../domain/payment-instructions/index.ts';
import type { Payment } from '../domain/payment/payment.ts';
import { storeName, storeOfMethod, walletAppName } from '../domain/payment-method/channel-names.ts';
import type { MethodGroup } from '../domain/payment-method/catalog.ts';
import { readQrisPayee } from '../domain/payment-method/qris/qris-reader.ts';
import { findVaBank, groupDigits } from '../domain/payment-method/va/va-banks.ts';
import { vaHolderName } from '../domain/payment-method/va/va-holder-name.ts';
import { toRupiahLabel } from '../domain/shared/money.ts';
import type { PaymentPageView, WalletView } from './checkout-types.ts';
import { safeDeeplink } from './deeplink.ts';
import { qrSvg } from './qr-svg.ts';

type ChannelView = Pick<
  PaymentPageView['payment'],
  'va' | 'qr' | 'wallet' | 'store' | 'instructions'
>;

export type ChannelInput = {
  payment: Payment;
  /** The catalog's group of the method (see `groupOf`). */
  group: MethodGroup;
  /** The catalog's display name of the method (`GoPay`). */
  methodLabel: string;
  lang: Lang;
  publicId: string;
  merchantName: string;
  /** The account's names, first usable wins: whose name a VA shows (va-holder-name.ts). */
  holderNames: readonly string[];
};

const NONE: Omit<ChannelView, 'instructions'> = { va: null, qr: null, wallet: null, store: null };

/**
 * The group a payment's method belongs to: the catalog's, else what its instrument says
 * (a method since taken out of the catalog still shows), else VA or QRIS as before gateways.
 */
export function groupOf(payment: Payment, catalogGroup: MethodGroup | undefined): MethodGroup {
  if (catalogGroup) return catalogGroup;
  const byKind = { bill: 'va', ewallet: 'ewallet', store: 'cstore', 'qr-image': 'qris' } as const;
  if (payment.instrument) return byKind[payment.instrument.kind];
  return findVaBank(payment.methodCode) ? 'va' : 'qris';
}

/**
 * What the payment view shows for the channel a payment is paid through (SPEC §7, §10): a VA
 * number (or a Mandiri bill's company code and bill key), a QRIS code, an e-wallet's button
 * and QR code, or a store's payment code; with the steps to pay it in the page's language.
 */
export async function channelView(input: ChannelInput): Promise<ChannelView> {
  const { payment, group, lang } = input;
  const amountLabel = toRupiahLabel(payment.amount);
  const pngUrl = `/b2b/${input.publicId}/payments/${payment.reffNo}/qr.png`;
  const bank = findVaBank(payment.methodCode);
  if (group === 'ewallet') return walletView(input, pngUrl, amountLabel);
  if (group === 'cstore') return storeView(input, amountLabel);
  if (bank) {
    const bill = payment.instrument?.kind === 'bill' ? payment.instrument : null;
    const va = {
      number: payment.methodValue,
      grouped: groupDigits(payment.methodValue),
      bankName: bank.fullName,
      // The VA belongs to the merchant, not to one link: the account's names.
      holderName: vaHolderName(payment.methodCode, input.holderNames),
      billerCode: bill?.billerCode ?? null,
    };
    const instructions = bill
      ? mandiriBillInstructions(lang, {
          billerCode: bill.billerCode,
          billKey: payment.methodValue,
          amountLabel,
        })
      : vaInstructions(payment.methodCode, lang, { vaNumber: payment.methodValue, amountLabel });
    return { ...NONE, va, instructions };
  }
  const image = payment.instrument?.kind === 'qr-image';
  const text = payment.qrString;
  const qr = text
    ? { svg: await qrSvg(text), pngUrl, payload: text, nmid: readQrisPayee(text).nmid }
    : image
      ? { svg: null, pngUrl, payload: null, nmid: null }
      : null;
  // A gateway's QRIS pays the gateway's merchant account: the name the customer's app shows
  // is the one in the payload (tag 59), which is then what the steps say to check.
  const payee = text && payment.connector !== 'sandbox' ? readQrisPayee(text).merchantName : null;
  const merchantName = payee ?? input.merchantName;
  const instructions = qrisInstructions(lang, { amountLabel, merchantName });
  return { ...NONE, qr, instructions };
}

function walletView(input: ChannelInput, pngUrl: string, amountLabel: string): ChannelView {
  const { payment } = input;
  const instrument = payment.instrument?.kind === 'ewallet' ? payment.instrument : null;
  const deeplinkUrl = instrument ? safeDeeplink(instrument.deeplinkUrl) : null;
  // A QR drawn from the payment's text; a text that is the deep link itself (ShopeePay) is
  // read by a phone's camera, which opens the app. Else the gateway's own image of it.
  const scanWith: WalletScan | null = payment.qrString
    ? payment.qrString === instrument?.deeplinkUrl || /^https?:/i.test(payment.qrString)
      ? 'camera'
      : 'app'
    : instrument?.qrImageUrl
      ? 'app'
      : null;
  const wallet: WalletView = {
    appName: walletAppName(payment.methodCode, input.methodLabel),
    deeplinkUrl,
    qr: scanWith ? { pngUrl, scanWith } : null,
  };
  const instructions = walletInstructions(input.lang, {
    appName: wallet.appName,
    amountLabel,
    hasDeeplink: deeplinkUrl !== null,
    scan: scanWith,
  });
  return { ...NONE, wallet, instructions };
}

function storeView(input: ChannelInput, amountLabel: string): ChannelView {
  const { payment } = input;
  const kind =
    payment.instrument?.kind === 'store'
      ? payment.instrument.store
      : storeOfMethod(payment.methodCode);
  const name = kind ? storeName(kind) : input.methodLabel;
  const store = {
    storeName: name,
    code: payment.methodValue,
    grouped: groupStoreCode(payment.methodValue),
  };
  const instructions = storeInstructions(input.lang, {
    storeName: name,
    code: payment.methodValue,
    amountLabel,
    merchantName: input.merchantName,
  });
  return { ...NONE, store, instructions };
}
