import type { Account } from '../account/account.ts';
import type { Payment } from '../payment/payment.ts';
import type { PaymentLink } from '../payment-link/payment-link.ts';
import { toWibIso } from '../shared/jakarta-time.ts';
import { toDecimalString } from '../shared/money.ts';
import { formatGatewayUtc, formatSingapayTime } from './callback-time.ts';

/** The two moments a v1.0 merchant is told about (SPEC §6). */
export type TransactionCallbackStatus = 'paid' | 'settled';

export type TransactionBodyInput = {
  payment: Payment;
  link: PaymentLink;
  account: Account;
  status: TransactionCallbackStatus;
  /** When the callback is built: the envelope's `timestamp`. */
  now: Date;
  /** PUBLIC_BASE_URL, without a trailing slash. */
  baseUrl: string;
};

/**
 * SingaPay's `payment-link-transaction` webhook body (reference §4.2). `transaction.reff_no`
 * is the payment's reference, `payment_link.reff_no` the link's.
 *
 * For signature stability across merchant languages (reference §4.4) the body holds no empty
 * object, no float and no integer-like key: money is a 2-decimal string, counts are integers,
 * unknown values are `null`.
 */
export function buildV1TransactionBody(input: TransactionBodyInput) {
  const { payment, link, account, status, now, baseUrl } = input;
  // post: when the money arrived; processed: when the event being reported happened.
  const postedAt = payment.paidAt ?? now;
  const processedAt = status === 'settled' ? (payment.settledAt ?? now) : postedAt;
  const customer = payment.customer ?? link.customer;
  return {
    status: 200,
    success: true,
    event: 'payment-link-transaction',
    timestamp: formatSingapayTime(now),
    data: {
      transaction: {
        reff_no: payment.reffNo,
        type: 'pl',
        status,
        amount: { value: toDecimalString(payment.amount), currency: 'IDR' },
        tip: null,
        post_timestamp: formatSingapayTime(postedAt),
        processed_timestamp: formatSingapayTime(processedAt),
      },
      customer: {
        id: null,
        name: customer?.name ?? null,
        email: customer?.email ?? null,
        phone: customer?.phone ?? null,
      },
      payment: {
        method: 'payment_link',
        additional_info: {
          payment_link: {
            id: link.id,
            reff_no: link.reffNo,
            title: link.title,
            payment_date: link.paymentDate ? formatGatewayUtc(link.paymentDate) : null,
            payment_url: `${baseUrl}/b2b/${link.publicId}`,
            status: link.status,
            // As the API reads it: 0 is unlimited (SPEC §3.5).
            max_usage: link.maxUsage ?? 0,
            current_usage: link.currentUsage,
            expired_at: link.expiredAt ? toWibIso(link.expiredAt) : null,
            total_amount: toDecimalString(link.totalAmount),
            account_id: account.id,
          },
        },
      },
    },
  };
}
