import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import * as v from 'valibot';
import {
  type ComputedLinkStatus,
  LINK_STATUSES,
  type PaymentLink,
} from '../domain/payment-link/payment-link.ts';
import type { PaymentLinkStore } from '../domain/payment-link/payment-link-store.ts';
import { createAccountStore } from './account-store.ts';
import type { Db } from './database.ts';
import { insertDeliveries } from './delivery-store.ts';
import { containsPattern } from './like-pattern.ts';
import { deleteLink, updateLink } from './payment-link-changes.ts';
import { paymentLinks } from './schema.ts';

type LinkRow = typeof paymentLinks.$inferSelect;

/** JSON columns are checked on the way out: a bad row fails loudly, not half-rendered. */
const ItemsSchema = v.nullable(
  v.array(v.object({ name: v.string(), quantity: v.number(), unitPrice: v.number() })),
);
const WhitelistSchema = v.nullable(v.array(v.string()));
/** `v.record` would take a list for an object: metadata is a JSON object, as stored by the edge. */
const MetadataSchema = v.nullable(
  v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'optional_metadata must be a JSON object',
  ),
);
const CustomerSchema = v.nullable(
  v.object({
    name: v.nullable(v.string()),
    email: v.nullable(v.string()),
    phone: v.nullable(v.string()),
  }),
);
const DialectSchema = v.picklist(['v1', 'v2', 'v4']);

export function toPaymentLink(row: LinkRow): PaymentLink {
  return {
    ...row,
    dialect: v.parse(DialectSchema, row.dialect),
    status: v.parse(v.picklist(LINK_STATUSES), row.status),
    items: v.parse(ItemsSchema, row.items),
    whitelistedPaymentMethod: v.parse(WhitelistSchema, row.whitelistedPaymentMethod),
    optionalMetadata: v.parse(MetadataSchema, row.optionalMetadata),
    customer: v.parse(CustomerSchema, row.customer),
  };
}

/** SPEC §2's status_computed, as SQL, so that list filters and pagination agree with it. */
function computedStatusIs(status: ComputedLinkStatus, now: Date): SQL {
  const expired = sql`(${paymentLinks.expiredAt} is not null and ${paymentLinks.expiredAt} <= ${now.toISOString()}::timestamptz)`;
  // An unlimited link (max_usage null) is never used up: the comparison alone would be null.
  const closed = sql`(${paymentLinks.status} = 'closed' or (${paymentLinks.maxUsage} is not null and ${paymentLinks.currentUsage} >= ${paymentLinks.maxUsage}))`;
  if (status === 'expired') return expired;
  if (status === 'closed') return sql`(not ${expired} and ${closed})`;
  return sql`(not ${expired} and not ${closed})`;
}

export function createPaymentLinkStore(db: Db): PaymentLinkStore {
  return {
    async insert(link, followUps) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(paymentLinks)
          .values(link)
          .onConflictDoNothing({ target: [paymentLinks.accountId, paymentLinks.reffNo] })
          .returning();
        if (!row) return 'reff_no_taken' as const;
        const stored = toPaymentLink(row);
        const account = followUps
          ? await createAccountStore(tx as unknown as Db).findById(stored.accountId)
          : null;
        if (followUps && account)
          await insertDeliveries(tx as unknown as Db, followUps(stored, account), link.createdAt);
        return stored;
      });
    },
    async findById(accountId, id) {
      const [row] = await db
        .select()
        .from(paymentLinks)
        .where(and(eq(paymentLinks.accountId, accountId), eq(paymentLinks.id, id)))
        .limit(1);
      return row ? toPaymentLink(row) : null;
    },
    async findByPublicId(publicId) {
      const [row] = await db
        .select()
        .from(paymentLinks)
        .where(eq(paymentLinks.publicId, publicId))
        .limit(1);
      return row ? toPaymentLink(row) : null;
    },
    async findByReffNo(accountId, reffNo) {
      const [row] = await db
        .select()
        .from(paymentLinks)
        .where(and(eq(paymentLinks.accountId, accountId), eq(paymentLinks.reffNo, reffNo)))
        .limit(1);
      return row ? toPaymentLink(row) : null;
    },
    async findByPublicIdTail(accountId, tail) {
      // Written as the expression of the index payment_links_account_public_id_tail.
      const [row] = await db
        .select()
        .from(paymentLinks)
        .where(
          and(
            eq(paymentLinks.accountId, accountId),
            sql`right(${paymentLinks.publicId}, 32) = ${tail}`,
          ),
        )
        .limit(1);
      return row ? toPaymentLink(row) : null;
    },
    async list(accountId, query) {
      const filters: SQL[] = [eq(paymentLinks.accountId, accountId)];
      if (query.status) filters.push(computedStatusIs(query.status, query.now));
      if (query.search) {
        const pattern = containsPattern(query.search);
        const match = or(ilike(paymentLinks.reffNo, pattern), ilike(paymentLinks.title, pattern));
        if (match) filters.push(match);
      }
      const where = and(...filters);
      const rows = await db
        .select()
        .from(paymentLinks)
        .where(where)
        .orderBy(desc(paymentLinks.id))
        .limit(query.perPage)
        .offset((query.page - 1) * query.perPage);
      const [counted] = await db.select({ total: count() }).from(paymentLinks).where(where);
      return { links: rows.map(toPaymentLink), total: Number(counted?.total ?? 0) };
    },
    update: updateLink(db),
    delete: deleteLink(db),
  };
}
