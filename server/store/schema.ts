import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
  clientId: text('client_id').notNull().unique(),
  /** AES-256-GCM under SECRET_KEY: HMAC keys the server itself must use. */
  clientSecretSealed: text('client_secret_sealed').notNull(),
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
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
    dialect: text('dialect').notNull().default('v1'),
    title: text('title').notNull(),
    description: text('description'),
    requiredCustomerDetail: boolean('required_customer_detail').notNull(),
    maxUsage: integer('max_usage').notNull(),
    currentUsage: integer('current_usage').notNull().default(0),
    status: text('status').notNull().default('open'),
    expiredAt: instant('expired_at'),
    totalAmount: integer('total_amount').notNull(),
    items: jsonb('items'),
    whitelistedPaymentMethod: jsonb('whitelisted_payment_method'),
    redirectUrl: text('redirect_url'),
    callbackUrl: text('callback_url'),
    optionalMetadata: jsonb('optional_metadata'),
    customer: jsonb('customer'),
    displayName: text('display_name'),
    paymentDate: instant('payment_date'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('payment_links_account_reff_no').on(table.accountId, table.reffNo),
    index('payment_links_account_created').on(table.accountId, table.id.desc()),
    // SPEC §2: current_usage never exceeds max_usage, whatever the code above it does.
    check('payment_links_usage_within_max', sql`${table.currentUsage} <= ${table.maxUsage}`),
    check('payment_links_status', sql`${table.status} in ('open', 'closed')`),
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
  },
  (table) => [
    // A VA number is unique while it can still take money (SPEC §7, issue: unique while active).
    uniqueIndex('payments_pending_method_value')
      .on(table.methodCode, table.methodValue)
      .where(sql`${table.status} = 'pending'`),
    index('payments_method_value').on(table.methodValue),
    index('payments_link').on(table.linkId, table.id.desc()),
    index('payments_account').on(table.accountId, table.id.desc()),
    check(
      'payments_status',
      sql`${table.status} in ('pending', 'paid', 'settled', 'expired', 'cancelled')`,
    ),
    check('payments_amount_positive', sql`${table.amount} > 0`),
  ],
);
