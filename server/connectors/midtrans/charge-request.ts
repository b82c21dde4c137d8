import type { InstrumentRequest } from '../../domain/connector/connector.ts';
import { type MidtransCustomerDetails, midtransCustomerDetails } from './customer-details.ts';
import { fitText } from './gateway-text.ts';
import { type MidtransChannel, midtransChannelOf } from './midtrans-channels.ts';
import { formatWibOrderTime } from './wib-time.ts';

/** A `POST /v2/charge` body (reference A.2): the common part plus one channel object. */
export type ChargeBody = {
  payment_type: MidtransChannel['paymentType'];
  transaction_details: { order_id: string; gross_amount: number };
  custom_expiry: { order_time: string; expiry_duration: number; unit: 'second' };
  customer_details?: MidtransCustomerDetails;
  bank_transfer?: { bank: string };
  echannel?: { bill_info1: string; bill_info2: string };
  qris?: { acquirer: 'gopay' };
  gopay?: { enable_callback: true; callback_url: string };
  shopeepay?: { callback_url: string };
  cstore?: { store: string; message?: string; alfamart_free_text_1?: string };
};

export type ChargeRequest =
  { ok: true; channel: MidtransChannel; body: ChargeBody } | { ok: false; message: string };

/** The shortest custom expiry Midtrans takes, for every channel (reference A.2). */
export const MIN_EXPIRY_SECONDS = 20;

/** order_id: String(50) of letters, digits and `-_~.`; others are declined (reference A.6). */
const ORDER_ID = /^[A-Za-z0-9\-_~.]{1,50}$/;

/**
 * Documented lengths: Mandiri bill values ≤ 30, the Indomaret label ≤ 20, Alfamart receipt
 * rows ≤ 40 (reference A.2). Alfamart's docs warn against `|`, so it never goes there.
 */
function channelPart(channel: MidtransChannel, request: InstrumentRequest): Partial<ChargeBody> {
  const merchant = request.merchantName;
  switch (channel.paymentType) {
    case 'bank_transfer':
      return { bank_transfer: { bank: channel.bank } };
    case 'echannel':
      return { echannel: { bill_info1: 'Payment:', bill_info2: fitText(merchant, 30) } };
    case 'qris':
      return { qris: { acquirer: 'gopay' } };
    case 'gopay':
      return { gopay: { enable_callback: true, callback_url: request.returnUrl } };
    case 'shopeepay':
      return { shopeepay: { callback_url: request.returnUrl } };
    case 'cstore':
      return channel.store === 'indomaret'
        ? { cstore: { store: 'indomaret', message: fitText(merchant, 20) } }
        : {
            cstore: {
              store: 'alfamart',
              alfamart_free_text_1: fitText(merchant.replaceAll('|', ' '), 40),
            },
          };
  }
}

/**
 * The charge body for one payment, or why none can be sent. The instrument expires exactly
 * at the payment's deadline, never after it: whole seconds counted down from `now`, and
 * `order_time` (also whole seconds) never later than `now`.
 */
export function buildChargeRequest(request: InstrumentRequest): ChargeRequest {
  const channel = midtransChannelOf(request.method.code);
  if (!channel) return { ok: false, message: `Midtrans does not offer ${request.method.code}.` };
  if (!ORDER_ID.test(request.reffNo)) {
    return { ok: false, message: 'The reference is not a Midtrans order_id.' };
  }
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
    return { ok: false, message: 'Midtrans takes whole positive rupiah only.' };
  }
  const seconds = Math.floor((request.expiresAt.getTime() - request.now.getTime()) / 1000);
  if (seconds < MIN_EXPIRY_SECONDS) {
    return { ok: false, message: 'Too little time is left before the payment’s deadline.' };
  }
  const body: ChargeBody = {
    payment_type: channel.paymentType,
    transaction_details: { order_id: request.reffNo, gross_amount: request.amount },
    custom_expiry: {
      order_time: formatWibOrderTime(request.now),
      expiry_duration: seconds,
      unit: 'second',
    },
    ...channelPart(channel, request),
  };
  const customer = midtransCustomerDetails(request.customer);
  // Indomaret's schema requires the object (reference A.2); elsewhere it is sent when known.
  const isIndomaret = channel.paymentType === 'cstore' && channel.store === 'indomaret';
  if (Object.keys(customer).length > 0 || isIndomaret) body.customer_details = customer;
  return { ok: true, channel, body };
}
