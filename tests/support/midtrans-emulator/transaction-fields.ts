import { createHash } from 'node:crypto';
import type { Order, QrisAcquirer, TransactionStatus } from './order.ts';
import { signatureKey } from './signature.ts';
import { formatWib } from './wib-time.ts';

/** What every answer about an order needs besides the order itself. */
export type MerchantContext = { merchantId: string; serverKey: string };

export type Fields = Record<string, unknown>;

/** Money leaves the emulator as Midtrans writes it: `"44000.00"` (A.2). */
export function grossAmountText(amount: number): string {
  return `${amount}.00`;
}

/**
 * `status_code` per status (A.3, A.5): GET status answers `"407"` for an expired order while
 * its notification says `"202"`, like cancel and deny.
 */
export function statusCodeOf(status: TransactionStatus, answer: 'status' | 'notification') {
  if (status === 'pending') return '201';
  if (status === 'settlement') return '200';
  if (status === 'expire' && answer === 'status') return '407';
  return '202';
}

/** A GoPay order paid by scanning its QR is reported as `qris` (A.2 gopay). */
export function reportedPaymentType(order: Order): string {
  return order.instrument.paymentType === 'gopay' && order.paidVia === 'qr'
    ? 'qris'
    : order.instrument.paymentType;
}

/** A stable run of digits derived from the transaction id, for provider reference numbers. */
function digitsFrom(order: Order, salt: string, length: number): string {
  const hex = createHash('sha256')
    .update(salt + order.transactionId)
    .digest('hex');
  return BigInt(`0x${hex}`).toString().slice(0, length);
}

/** The fields every status answer and notification carries (A.4 "Common"). */
export function commonFields(order: Order, merchant: MerchantContext): Fields {
  return {
    transaction_id: order.transactionId,
    order_id: order.orderId,
    merchant_id: merchant.merchantId,
    gross_amount: grossAmountText(order.grossAmount),
    currency: 'IDR',
    payment_type: reportedPaymentType(order),
    transaction_time: formatWib(order.transactionTime),
    transaction_status: order.status,
    fraud_status: 'accept',
    expiry_time: formatWib(order.expiryTime),
    ...(order.settlementTime === null ? {} : { settlement_time: formatWib(order.settlementTime) }),
  };
}

/** The instrument's own fields, as the charge response shows them (A.2). */
export function instrumentFields(order: Order): Fields {
  const instrument = order.instrument;
  switch (instrument.paymentType) {
    case 'bank_transfer':
      return instrument.bank === 'permata'
        ? { permata_va_number: instrument.vaNumber }
        : { va_numbers: [{ bank: instrument.bank, va_number: instrument.vaNumber }] };
    case 'echannel':
      return { bill_key: instrument.billKey, biller_code: instrument.billerCode };
    case 'cstore':
      return { payment_code: instrument.paymentCode, store: instrument.store };
    case 'qris':
      return { acquirer: instrument.acquirer };
    default:
      return {};
  }
}

function shopeeReference(order: Order): Fields {
  return {
    shopeepay_reference_number: digitsFrom(order, 'shopee', 18),
    reference_id: `QR-${order.transactionId.replaceAll('-', '').slice(0, 22)}`,
  };
}

/**
 * A paid QR (QRIS, or GoPay scanned): who acquired, which app paid, and whether that app is
 * the acquirer's own (`on-us`); the ShopeePay reference only for `airpay shopee` (D.2).
 */
function qrPaymentFields(order: Order, acquirer: QrisAcquirer): Fields {
  const ownApp = acquirer === 'gopay' ? 'gopay' : 'shopeepay';
  const issuer = order.issuer ?? ownApp;
  return {
    transaction_type: issuer === ownApp ? 'on-us' : 'off-us',
    issuer,
    acquirer,
    ...(acquirer === 'gopay'
      ? { merchant_cross_reference_id: digitsFrom(order, 'gopay', 12) }
      : shopeeReference(order)),
  };
}

/** Fields that only notifications and status answers carry, most only once paid (A.2, A.4). */
export function paymentFields(order: Order): Fields {
  const instrument = order.instrument;
  if (order.settlementTime === null) {
    return instrument.paymentType === 'bank_transfer' ? { payment_amounts: [] } : {};
  }
  switch (instrument.paymentType) {
    case 'bank_transfer': {
      const paidAt = formatWib(order.settlementTime);
      return { payment_amounts: [{ paid_at: paidAt, amount: grossAmountText(order.grossAmount) }] };
    }
    case 'cstore':
      return { approval_code: digitsFrom(order, 'approval', 16) };
    case 'qris':
      return qrPaymentFields(order, instrument.acquirer);
    case 'gopay':
      return order.paidVia === 'qr'
        ? qrPaymentFields(order, 'gopay')
        : { payment_option_type: 'GOPAY_WALLET' };
    case 'shopeepay':
      return shopeeReference(order);
    default:
      return {};
  }
}

/** The signed record a notification or status answer is built from. */
export function signedRecord(
  order: Order,
  merchant: MerchantContext,
  statusCode: string,
  statusMessage: string,
): Fields {
  const grossAmount = grossAmountText(order.grossAmount);
  return {
    ...instrumentFields(order),
    ...paymentFields(order),
    ...commonFields(order, merchant),
    status_code: statusCode,
    status_message: statusMessage,
    signature_key: signatureKey(order.orderId, statusCode, grossAmount, merchant.serverKey),
  };
}

/** The body of an HTTP notification for the order as it is now (A.4). */
export function notificationBody(order: Order, merchant: MerchantContext): Fields {
  const statusCode = statusCodeOf(order.status, 'notification');
  return signedRecord(order, merchant, statusCode, 'midtrans payment notification');
}
