import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPublicId } from '../domain/shared/ids.ts';
import {
  type LinkStoreFixture,
  openLinkStoreFixture,
  STORE_NOW,
} from '../../tests/support/link-store-fixture.ts';
import { testBackends } from '../../tests/support/test-database.ts';

// SPEC §4: the v4 dialect finds a link by its reference (the idempotency key) and by the
// random tail of its public id (the v4 id), always within one account.
describe.each(testBackends())('payment-link store, v4 lookups (%s)', (backend) => {
  let f: LinkStoreFixture;
  beforeAll(async () => {
    f = await openLinkStoreFixture(backend);
  });
  afterAll(() => f.close());

  it('keeps the request fingerprint', async () => {
    const accountId = await f.newAccount();
    const fingerprint = 'ab'.repeat(32);
    const stored = await f.insertOk(
      f.newLink(accountId, { dialect: 'v4', requestFingerprint: fingerprint }),
    );
    expect(stored.requestFingerprint).toBe(fingerprint);
    expect((await f.store.findById(accountId, stored.id))?.requestFingerprint).toBe(fingerprint);
  });

  it('finds by reff_no within the account only, exactly', async () => {
    const accountId = await f.newAccount();
    const otherId = await f.newAccount();
    const stored = await f.insertOk(f.newLink(accountId, { reffNo: 'Order_1' }));
    expect(await f.store.findByReffNo(accountId, 'Order_1')).toEqual(stored);
    expect(await f.store.findByReffNo(otherId, 'Order_1')).toBeNull();
    expect(await f.store.findByReffNo(accountId, 'order_1')).toBeNull();
    expect(await f.store.findByReffNo(accountId, 'Order_%')).toBeNull();
  });

  it('finds by the 32 hex of the public id within the account only', async () => {
    const accountId = await f.newAccount();
    const otherId = await f.newAccount();
    const stored = await f.insertOk(f.newLink(accountId));
    const tail = stored.publicId.slice(-32);
    expect(await f.store.findByPublicIdTail(accountId, tail)).toEqual(stored);
    expect(await f.store.findByPublicIdTail(otherId, tail)).toBeNull();
    expect(await f.store.findByPublicIdTail(accountId, tail.slice(1))).toBeNull();
    const unknown = newPublicId(STORE_NOW, randomBytes).slice(-32);
    expect(await f.store.findByPublicIdTail(accountId, unknown)).toBeNull();
  });

  it('has the index the tail lookup is written for', async () => {
    const result = await f.database.db.execute(
      sql`select indexdef from pg_indexes where indexname = 'payment_links_account_public_id_tail'`,
    );
    const rows = (result as unknown as { rows: { indexdef: string }[] }).rows;
    expect(rows.map((row) => row.indexdef)).toEqual([
      expect.stringMatching(/\(account_id, "right"\(public_id, 32\)\)/),
    ]);
  });
});
