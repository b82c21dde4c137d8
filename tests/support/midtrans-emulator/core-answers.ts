import { randomUUID } from 'node:crypto';
import type { Order } from './order.ts';
import {
  commonFields,
  instrumentFields,
  signedRecord,
  statusCodeOf,
  type Fields,
  type MerchantContext,
} from './transaction-fields.ts';

/** The emulator's own address, for the URLs inside `actions[]`. */
export type AnswerContext = MerchantContext & { baseUrl: string };

/** An HTTP status with its JSON body. */
export type JsonAnswer = { httpStatus: number; body: Fields };

const CHARGE_MESSAGES = {
  bank_transfer: 'Success, Bank Transfer transaction is created',
  permata: 'Success, PERMATA VA transaction is successful',
  echannel: 'OK, Mandiri Bill transaction is successful',
  qris: 'QRIS transaction is created',
  gopay: 'GO-PAY billing created',
  shopeepay: 'ShopeePay transaction is created',
  cstore: 'Success, cstore transaction is successful',
} as const;

/** `actions[]` of QRIS and e-wallet charges (A.2), pointing at this emulator. */
export function actionsOf(order: Order, baseUrl: string): Fields[] {
  const id = order.transactionId;
  const action = (name: string, method: string, url: string) => ({ name, method, url });
  const instrument = order.instrument;
  switch (instrument.paymentType) {
    case 'qris':
      return [
        action('generate-qr-code', 'GET', `${baseUrl}/v2/qris/${id}/qr-code`),
        action('generate-qr-code-v2', 'GET', `${baseUrl}/v4/qris/${id}/qr-code`),
      ];
    case 'gopay': {
      const callback =
        instrument.enableCallback && instrument.callbackUrl !== null
          ? `?callback_url=${encodeURIComponent(instrument.callbackUrl)}`
          : '';
      return [
        action('generate-qr-code', 'GET', `${baseUrl}/v2/gopay/${id}/qr-code`),
        action('deeplink-redirect', 'GET', `${baseUrl}/app/gopay/${id}${callback}`),
        action('get-status', 'GET', `${baseUrl}/v2/${id}/status`),
        { ...action('cancel', 'POST', `${baseUrl}/v2/${id}/cancel`), fields: [] },
      ];
    }
    case 'shopeepay':
      return [action('deeplink-redirect', 'GET', `${baseUrl}/app/shopeepay/${id}`)];
    default:
      return [];
  }
}

function walletChannelFields(order: Order): Fields {
  if (order.instrument.paymentType === 'gopay') {
    return { channel_response_code: '200', channel_response_message: 'Success' };
  }
  if (order.instrument.paymentType === 'shopeepay') {
    return { channel_response_code: '0', channel_response_message: 'success' };
  }
  return {};
}

/** The success answer of `POST /v2/charge`: HTTP 200 with body `"201"` (A.2). */
export function chargeAnswer(
  order: Order,
  context: AnswerContext,
  includeQrString: boolean,
): JsonAnswer {
  const instrument = order.instrument;
  const isPermata = instrument.paymentType === 'bank_transfer' && instrument.bank === 'permata';
  const actions = actionsOf(order, context.baseUrl);
  const { settlement_time: _never, ...common } = commonFields(order, context);
  const body: Fields = {
    status_code: '201',
    status_message: CHARGE_MESSAGES[isPermata ? 'permata' : instrument.paymentType],
    ...common,
    ...instrumentFields(order),
    ...walletChannelFields(order),
    ...(actions.length > 0 ? { actions } : {}),
    ...(instrument.paymentType === 'qris' && includeQrString
      ? { qr_string: instrument.qrString }
      : {}),
  };
  return { httpStatus: 200, body };
}

/** `GET /v2/{id}/status`: the notification's fields with the status-answer code (A.5). */
export function statusAnswer(order: Order, context: AnswerContext): JsonAnswer {
  const statusCode = statusCodeOf(order.status, 'status');
  const body = signedRecord(order, context, statusCode, 'Success, transaction is found');
  // A pending e-wallet order's status repeats its deeplink (A.2 shopeepay).
  const isWallet =
    order.instrument.paymentType === 'gopay' || order.instrument.paymentType === 'shopeepay';
  if (order.status === 'pending' && isWallet) body.actions = actionsOf(order, context.baseUrl);
  return { httpStatus: 200, body };
}

/** The answer of a successful cancel or expire (A.5). */
export function changedAnswer(order: Order, context: AnswerContext): JsonAnswer {
  const cancelled = order.status === 'cancel';
  const { expiry_time: _expiry, ...common } = commonFields(order, context);
  return {
    httpStatus: 200,
    body: {
      status_code: cancelled ? '200' : '407',
      status_message: cancelled
        ? 'Success, transaction is canceled'
        : 'Success, transaction has expired',
      ...common,
    },
  };
}

/** A Midtrans error body: `status_code` as a string, a message, and an `id` (A.5). */
export function errorAnswer(httpStatus: number, code: string, message: string, extra: Fields = {}) {
  return {
    httpStatus,
    body: { status_code: code, status_message: message, id: randomUUID(), ...extra },
  };
}

export const SERVER_ERROR = () =>
  errorAnswer(500, '500', 'Sorry. Our system is recovering from unexpected issues. Please retry.');
export const NOT_FOUND = () => errorAnswer(200, '404', "Transaction doesn't exist.");
export const NOT_MODIFIABLE = () =>
  errorAnswer(200, '412', 'Merchant cannot modify the status of the transaction');
