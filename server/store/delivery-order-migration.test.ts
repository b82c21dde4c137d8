import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../tests/support/scratch-database.ts';
import { openTestDatabase, testBackends } from '../../tests/support/test-database.ts';
import { type Database, migrate, openDatabase, rowsOf } from './database.ts';
import { createDeliveryStore } from './delivery-store.ts';
import { accounts, deliveries } from './schema.ts';

// SPEC §6 "Order" on a server upgraded with callbacks still queued: rows written before the
// ordering key existed get it from the migration, and are then held in order like new ones.

const NOW = new Date('2026-01-15T03:00:00.000Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/** Takes the database back to before the delivery-order migration, as an older server left it. */
async function undoDeliveryOrder(database: Database): Promise<void> {
  await database.db.execute(sql`drop index deliveries_pending_order`);
  await database.db.execute(sql`alter table deliveries drop column ordering_key`);
  await database.db.execute(
    sql`delete from paylink_migrations where name like '%\_delivery\_order.sql'`,
  );
}

describe.each(testBackends())('delivery order after an upgrade (%s)', (backend) => {
  let scratch: ScratchDatabase | null = null;
  let database: Database;

  beforeEach(async () => {
    // PostgreSQL: a database of its own, since this one drops a column other tests use.
    scratch = backend === 'postgres' ? await createScratchDatabase() : null;
    database = scratch
      ? await openDatabase({ databaseUrl: scratch.url })
      : await openTestDatabase();
  });

  afterEach(async () => {
    await database.close();
    await scratch?.drop();
  });

  it('gives waiting rows their key, and then holds settled behind its queued paid', async () => {
    await undoDeliveryOrder(database);
    const accountId = `acct_${randomUUID()}`;
    await database.db.insert(accounts).values({
      id: accountId,
      name: 'Toko Lama',
      apiKeyHash: randomUUID(),
      clientId: randomUUID(),
      clientSecretSealed: 'sealed',
      webhookSecretSealed: 'sealed',
      createdAt: NOW,
      updatedAt: NOW,
    });
    // Queued by the old server: payment 1's paid failed once and waits 5 s for its retry.
    const old = (paymentId: number, event: string, fields: Record<string, unknown> = {}) => sql`
      insert into deliveries (account_id, link_id, payment_id, channel, event, target,
        message_id, payload, attempts, next_attempt_at, delivered_at, created_at, updated_at)
      values (${accountId}, 1, ${paymentId}, ${fields.channel ?? 'webhook'}, ${event},
        'https://shop.example/hook', ${`msg_${randomUUID()}`}, '{}', ${fields.attempts ?? 0},
        ${fields.nextAttemptAt ?? NOW}, ${fields.deliveredAt ?? null}, ${NOW}, ${NOW})`;
    await database.db.execute(
      old(1, 'payment-link-transaction.paid', { attempts: 1, nextAttemptAt: at(5) }),
    );
    await database.db.execute(old(2, 'payment-link-transaction.paid', { deliveredAt: NOW }));
    await database.db.execute(old(1, 'payment-link-transaction.settled'));
    await database.db.execute(old(2, 'payment-link-transaction.settled'));
    await database.db.execute(old(3, 'payment_link.inquiry.expired'));
    await database.db.execute(old(1, 'mail.receipt', { channel: 'email' }));

    await migrate(database.db);

    const keys = await database.db
      .select({ event: deliveries.event, key: deliveries.orderingKey })
      .from(deliveries)
      .orderBy(asc(deliveries.id));
    expect(keys).toEqual([
      { event: 'payment-link-transaction.paid', key: 'payment:1' },
      { event: 'payment-link-transaction.paid', key: null }, // delivered: never ordered again
      { event: 'payment-link-transaction.settled', key: 'payment:1' },
      { event: 'payment-link-transaction.settled', key: 'payment:2' },
      { event: 'payment_link.inquiry.expired', key: 'payment:3:inquiry' },
      { event: 'mail.receipt', key: null },
    ]);
    const index = await database.db.execute(
      sql`select 1 from pg_indexes where indexname = 'deliveries_pending_order'`,
    );
    expect(rowsOf(index)).toHaveLength(1);

    const store = createDeliveryStore(database.db);
    const claimed = async (now: Date) =>
      (await store.claimDue(now, 60_000, 50)).map((row) => `${row.paymentId} ${row.event}`);
    // Payment 1's settled waits for its paid; payment 2's goes (its paid was delivered).
    expect((await claimed(NOW)).sort()).toEqual([
      '1 mail.receipt',
      '2 payment-link-transaction.settled',
      '3 payment_link.inquiry.expired',
    ]);
    expect(await claimed(at(6))).toEqual(['1 payment-link-transaction.paid']);
    // In flight (leased) is still not delivered: the settled one stays behind it.
    expect(await claimed(at(7))).toEqual([]);
    const [paid] = await database.db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(sql`${deliveries.event} = 'payment-link-transaction.paid' and payment_id = 1`);
    await store.recordAttempt(paid!.id, { ok: true, statusCode: 200 }, at(8), null);
    expect(await claimed(at(8))).toEqual(['1 payment-link-transaction.settled']);
  });
});
