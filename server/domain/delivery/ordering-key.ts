/**
 * SPEC §6 "Order": the events of one payment reach the merchant in the order they happened —
 * `settled` (v4: `completed`) is not attempted before the same payment's `paid` is delivered
 * or given up. Deliveries that share a key form one such sequence; the outbox releases the
 * next only once the one before it is finished (docs/decisions/018-callback-order.md).
 */

/** The merchant's callbacks of one payment (to the link's or the account's callback URL). */
export function transactionOrderingKey(paymentId: number): string {
  return `payment:${paymentId}`;
}

/**
 * The inquiry events of one payment (`payment_link.inquiry`, then `.expired`): a sequence of
 * their own, so an optional inquiry endpoint that is down never holds back `paid`.
 */
export function inquiryOrderingKey(paymentId: number): string {
  return `payment:${paymentId}:inquiry`;
}
