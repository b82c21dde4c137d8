import {
  buildDynamicQris,
  SANDBOX_QRIS_MERCHANT,
} from '../../../server/domain/payment-method/qris/qris-payload.ts';
import type { MethodRequest } from './method-request.ts';
import type { Instrument, QrisAcquirer, VaBank } from './order.ts';

/** What an instrument is issued for. */
export type InstrumentContext = {
  orderId: string;
  transactionId: string;
  grossAmount: number;
  merchantId: string;
  /** A fresh number for this emulator: numbers never repeat within one run. */
  nextSerial: () => number;
  /** Whether a pending order already holds this VA number or bill key. */
  isNumberInUse: (number: string) => boolean;
};

/** Prefix and total length per bank, shaped like the documented examples (A.2). */
const VA_SHAPE: Record<VaBank, { prefix: string; length: number }> = {
  bca: { prefix: '12345', length: 15 },
  bni: { prefix: '9888', length: 16 },
  bri: { prefix: '8578', length: 16 },
  cimb: { prefix: '2810', length: 16 },
  permata: { prefix: '8500', length: 15 },
};

function numbered(prefix: string, length: number, serial: number): string {
  return prefix + String(serial).padStart(length - prefix.length, '0');
}

/** A custom number is kept unless a pending order holds it; then Midtrans picks another (A.2). */
function chooseNumber(custom: string | null, fresh: () => string, context: InstrumentContext) {
  return custom !== null && !context.isNumberInUse(custom) ? custom : fresh();
}

/**
 * The order's QRIS payload (EMVCo MPM, indonesia-payments.md §1). The acquirer GUIs are made
 * up so that no real wallet app will ever pay an emulator QR.
 */
export function buildOrderQris(context: InstrumentContext, acquirer: QrisAcquirer): string {
  const reference = /^[A-Za-z0-9._-]{1,25}$/.test(context.orderId)
    ? context.orderId
    : context.transactionId.replaceAll('-', '').slice(0, 25);
  return buildDynamicQris({
    merchant: {
      ...SANDBOX_QRIS_MERCHANT,
      acquirerGui: acquirer === 'gopay' ? 'ID.EMULATOR.GOPAY' : 'ID.EMULATOR.SHOPEEPAY',
      merchantId: context.merchantId,
    },
    merchantName: 'Midtrans Emulator',
    amount: context.grossAmount,
    reference,
  });
}

/** Issues the VA number, bill key, payment code or QR that a charge hands out. */
export function issueInstrument(method: MethodRequest, context: InstrumentContext): Instrument {
  switch (method.paymentType) {
    case 'bank_transfer': {
      const { prefix, length } = VA_SHAPE[method.bank];
      const fresh = () => numbered(prefix, length, context.nextSerial());
      const vaNumber = chooseNumber(method.vaNumber, fresh, context);
      return { paymentType: 'bank_transfer', bank: method.bank, vaNumber };
    }
    case 'echannel': {
      const fresh = () => numbered('7', 12, context.nextSerial());
      const billKey = chooseNumber(method.billKey, fresh, context);
      return { paymentType: 'echannel', billKey, billerCode: '70012' };
    }
    case 'qris':
      return {
        paymentType: 'qris',
        acquirer: method.acquirer,
        qrString: buildOrderQris(context, method.acquirer),
      };
    case 'gopay':
      return {
        paymentType: 'gopay',
        qrString: buildOrderQris(context, 'gopay'),
        enableCallback: method.enableCallback,
        callbackUrl: method.callbackUrl,
      };
    case 'shopeepay':
      return { paymentType: 'shopeepay', callbackUrl: method.callbackUrl };
    case 'cstore': {
      const paymentCode =
        method.store === 'indomaret'
          ? numbered('2570', 14, context.nextSerial())
          : numbered('0108', 12, context.nextSerial());
      return { paymentType: 'cstore', store: method.store, paymentCode };
    }
  }
}
