import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Raw bytes: node-postgres reads bytea as a Buffer, PGlite as a Uint8Array; both give one. */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/** Merchants. Secrets are never stored in the clear: see server/account/credentials.ts. */
export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  status: text('status').notNull().default('active'),
  callbackUrl: text('callback_url'),
  inquiryCallbackUrl: text('inquiry_callback_url'),
  /** SHA-256 of the api_key: looked up, never read back. */
  apiKeyHash: text('api_key_hash').notNull().unique(),
  /** Sealed too: callbacks carry it as X-PARTNER-ID (SPEC §6). */
  apiKeySealed: text('api_key_sealed'),
  clientId: text('client_id').notNull().unique(),
  /** AES-256-GCM under SECRET_KEY: HMAC keys the server itself must use. */
  clientSecretSealed: text('client_secret_sealed').notNull(),
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  // SPEC §9 "Branding": what customers see. The logo's bytes are in account_logos.
  displayName: text('display_name'),
  /** `{type, sha256, width, height}` of the current logo, or null. */
  logo: jsonb('logo'),
  brandColor: text('brand_color'),
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * Each account's current logo (SPEC §9), apart from the account row so that the row cache and
 * every account read stay small. Written in the same transaction as `accounts.logo`.
 */
export const accountLogos = pgTable('account_logos', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  bytes: bytes('bytes').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const paymentLinks = pgTable(
  'payment_links',
  {
    id: serial('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    reffNo: text('reff_no').notNull(),
    publicId: text('public_id').notNull().unique(),
    /** The API that created the link, `v1` `v2` `v4`: its `source` and its callback shape. */
    dialect: text('dialect').notNull().default('v1'),
    title: text('title').notNull(),
    description: text('description'),
    requiredCustomerDetail: boolean('required_customer_detail').notNull(),
    /** v2.0's two asks (SPEC §3.5); either one also sets required_customer_detail. */
    requiredCustomerNumber: boolean('required_customer_number').notNull().default(false),
    requiredCustomerEmail: boolean('required_customer_email').notNull().default(false),
    /** Null: unlimited (v2.0 `max_usage: 0`, SPEC §3.5); the usage check below then passes. */
    maxUsage: integer('max_usage'),
    currentUsage: integer('current_usage').notNull().default(0),
    status: text('status').notNull().default('open'),
    expiredAt: instant('expired_at'),
    totalAmount: integer('total_amount').notNull(),
    items: jsonb('items'),
    whitelistedPaymentMethod: jsonb('whitelisted_payment_method'),
    redirectUrl: text('redirect_url'),
    /** Where the customer goes after paying / after expiry; `redirect_url` is the fallback. */
    successRedirectUrl: text('success_redirect_url'),
    expiredRedirectUrl: text('expired_redirect_url'),
    callbackUrl: text('callback_url'),
    optionalMetadata: jsonb('optional_metadata'),
    customer: jsonb('customer'),
    displayName: text('display_name'),
    /** SHA-256 of the create request (v4: `referenceId` is the idempotency key, SPEC §4). */
    requestFingerprint: text('request_fingerprint'),
    paymentDate: instant('payment_date'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('payment_links_account_reff_no').on(table.accountId, table.reffNo),
    index('payment_links_account_created').on(table.accountId, table.id.desc()),
    // SPEC §4: the v4 id is the last 32 hex chars of the public id; GET finds it by them.
    index('payment_links_account_public_id_tail').on(
      table.accountId,
      sql`right(${table.publicId}, 32)`,
    ),
    // SPEC §2: current_usage never exceeds max_usage, whatever the code above it does.
    check('payment_links_usage_within_max', sql`${table.currentUsage} <= ${table.maxUsage}`),
    check('payment_links_status', sql`${table.status} in ('open', 'closed')`),
    // Unlimited is null, never 0: a 0 would read as used up from the first second.
    check(
      'payment_links_max_usage_positive',
      sql`${table.maxUsage} is null or ${table.maxUsage} >= 1`,
    ),
    check('payment_links_dialect', sql`${table.dialect} in ('v1', 'v2', 'v4')`),
  ],
);

/** Small server-wide facts: the secret-key check value, whether the demo was created. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One attempt to pay a link with one method (SPEC §1 "payment"; the API's "histories"). */
export const payments = pgTable(
  'payments',
  {
    id: serial('id').primaryKey(),
    reffNo: text('reff_no').notNull().unique(),
    linkId: integer('link_id')
      .notNull()
      .references(() => paymentLinks.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    methodCode: text('method_code').notNull(),
    /** The VA number, or for QRIS the payment's reference. */
    methodValue: text('method_value').notNull(),
    qrString: text('qr_string'),
    amount: integer('amount').notNull(),
    status: text('status').notNull(),
    customer: jsonb('customer'),
    expiresAt: instant('expires_at').notNull(),
    paidAt: instant('paid_at'),
    settledAt: instant('settled_at'),
    endedAt: instant('ended_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    // SPEC §10: which connector issued it, the gateway's id for it, what its channel shows
    // (InstrumentDetails, or null), and when the gateway was last asked about it.
    connector: text('connector').notNull().default('sandbox'),
    gatewayRef: text('gateway_ref'),
    instrument: jsonb('instrument'),
    gatewayCheckedAt: instant('gateway_checked_at'),
  },
  (table) => [
    // A VA number is unique while it can still take money (SPEC §7, issue: unique while active).
    uniqueIndex('payments_pending_method_value')
      .on(table.methodCode, table.methodValue)
      .where(sql`${table.status} = 'pending'`),
    index('payments_method_value').on(table.methodValue),
    // The worker's scans: pending payments by deadline, paid ones by payment time.
    index('payments_pending_expiry')
      .on(table.expiresAt)
      .where(sql`${table.status} = 'pending'`),
    index('payments_paid_at')
      .on(table.paidAt)
      .where(sql`${table.status} = 'paid'`),
    index('payments_link').on(table.linkId, table.id.desc()),
    index('payments_account').on(table.accountId, table.id.desc()),
    // The histories list (SPEC §3.4): each range filter and sort key within an account, with id
    // last as the sort's tie-break. payment_date sorts unpaid last both ways, so each direction
    // has its own index. reff_no and method_value have trigram indexes where the server has
    // pg_trgm, made by hand in 0008 (docs/decisions/017-history-filters.md).
    index('payments_account_created_at').on(table.accountId, table.createdAt, table.id),
    index('payments_account_amount').on(table.accountId, table.amount, table.id),
    index('payments_account_paid_at').on(table.accountId, table.paidAt, table.id),
    index('payments_account_paid_at_desc').on(
      table.accountId,
      table.paidAt.desc().nullsLast(),
      table.id.desc().nullsFirst(),
    ),
    index('payments_account_settled_at')
      .on(table.accountId, table.settledAt)
      .where(sql`${table.settledAt} is not null`),
    check(
      'payments_status',
      sql`${table.status} in ('pending', 'paid', 'settled', 'expired', 'cancelled')`,
    ),
    check('payments_amount_positive', sql`${table.amount} > 0`),
  ],
);

/**
 * Orders to end at a gateway (SPEC §10): written by the trigger of migration 0011 when a
 * gateway payment stops being pending, or for an order a failed start may have left; the
 * worker closes each until the gateway answers.
 */
export const gatewayClosings = pgTable(
  'gateway_closings',
  {
    orderId: text('order_id').primaryKey(),
    connector: text('connector').notNull(),
    action: text('action').notNull(),
    attempts: integer('attempts').notNull().default(0),
    dueAt: instant('due_at').notNull(),
    doneAt: instant('done_at'),
    /** The gateway's last answer: closed, final, missing or unavailable. */
    outcome: text('outcome'),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    index('gateway_closings_due')
      .on(table.dueAt)
      .where(sql`${table.doneAt} is null`),
    check('gateway_closings_action', sql`${table.action} in ('cancel', 'expire')`),
  ],
);

/**
 * The durable outbox (SPEC §6): every callback and email, written in the same transaction as
 * the state change that causes it, sent by the worker, retried until delivered or given up.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: serial('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    linkId: integer('link_id'),
    paymentId: integer('payment_id'),
    channel: text('channel').notNull(),
    event: text('event').notNull(),
    /** A URL (webhook) or an email address. */
    target: text('target').notNull(),
    /** Standard Webhooks `webhook-id`: the same on every retry. */
    messageId: text('message_id').notNull().unique(),
    /** The exact body to send (webhook JSON text, or the composed mail as JSON). */
    payload: text('payload').notNull(),
    /** SPEC §6 "Order": same key, one at a time in `id` order; null for independent ones. */
    orderingKey: text('ordering_key'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    deliveredAt: instant('delivered_at'),
    failedAt: instant('failed_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    index('deliveries_due')
      .on(table.nextAttemptAt)
      .where(sql`${table.deliveredAt} is null and ${table.failedAt} is null`),
    index('deliveries_account').on(table.accountId, table.id.desc()),
    // The claim's "is an earlier one of this key still open?" probe.
    index('deliveries_pending_order')
      .on(table.orderingKey, table.id)
      .where(sql`${table.deliveredAt} is null and ${table.failedAt} is null`),
    check('deliveries_channel', sql`${table.channel} in ('webhook', 'email')`),
  ],
);

/**
 * `Idempotency-Key` on create (SPEC §3.2): per account, kept at least 24 hours. A row is
 * claimed before the work starts (`response` null while running) and holds the first answer.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: another body with the same key is a 422. */
    requestFingerprint: text('request_fingerprint').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: instant('created_at').notNull(),
    completedAt: instant('completed_at'),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.key] }),
    index('idempotency_keys_created').on(table.createdAt),
  ],
);
