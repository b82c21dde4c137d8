export const DELIVERY_CHANNELS = ['webhook', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** One callback or email in the durable outbox (SPEC §6). */
export type Delivery = {
  id: number;
  accountId: string;
  linkId: number | null;
  paymentId: number | null;
  channel: DeliveryChannel;
  /** `payment-link-transaction.paid`, `mail.receipt`, … */
  event: string;
  /** Where it goes: a URL or an email address. */
  target: string;
  /** The Standard Webhooks `webhook-id` (or the mail's Message-ID): stable across retries. */
  messageId: string;
  /** Exactly what is sent: the webhook body, or the composed mail as JSON. */
  payload: string;
  /**
   * Deliveries with the same key go out one at a time, in the order they were queued (SPEC §6
   * "Order"): see ordering-key.ts. Null: independent of every other delivery (mails).
   */
  orderingKey: string | null;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NewDelivery = Pick<
  Delivery,
  | 'accountId'
  | 'linkId'
  | 'paymentId'
  | 'channel'
  | 'event'
  | 'target'
  | 'messageId'
  | 'payload'
  | 'orderingKey'
>;

/** What one attempt came to. */
export type AttemptOutcome =
  | { ok: true; statusCode: number | null }
  | {
      ok: false;
      statusCode: number | null;
      /** For a webhook: `HTTP <status>`, `timeout`, `connection_failed` or `destination_not_allowed`. */
      error: string;
      /** Given up at once, not retried: trying again cannot help (a refused destination). */
      isFinal?: boolean;
    };

export type DeliveryStore = {
  /**
   * Claims up to `limit` due deliveries for `leaseMs`: claimed rows are invisible to other
   * workers until the lease ends, so a worker that dies mid-send is retried by another. A
   * delivery whose ordering key has an earlier one not yet delivered nor given up (claimed,
   * waiting for its retry, or due) is not claimed: it waits, and other keys go on.
   */
  claimDue: (now: Date, leaseMs: number, limit: number) => Promise<Delivery[]>;
  /** Records an attempt: delivered, retried at `retryAt`, or given up when `retryAt` is null. */
  recordAttempt: (
    id: number,
    outcome: AttemptOutcome,
    at: Date,
    retryAt: Date | null,
  ) => Promise<void>;
  listByAccount: (
    accountId: string,
    filter: { linkId: number | null; page: number; perPage: number },
  ) => Promise<{ deliveries: Delivery[]; total: number }>;
};
