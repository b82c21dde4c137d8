import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEEP_MS } from '../domain/idempotency/idempotency.ts';
import type { IdempotencyStore } from '../domain/idempotency/idempotency.ts';
import {
  type LinkStoreFixture,
  openLinkStoreFixture,
  STORE_NOW,
} from '../../tests/support/link-store-fixture.ts';
import { testBackends } from '../../tests/support/test-database.ts';
import { createIdempotencyStore } from './idempotency-store.ts';
import { idempotencyKeys } from './schema.ts';

const later = (ms: number) => new Date(STORE_NOW.getTime() + ms);
const ANSWER = { status: 200, body: '{"status":200,"success":true}' };

describe.each(testBackends())('idempotency store (%s)', (backend) => {
  let fixture: LinkStoreFixture;
  let store: IdempotencyStore;
  const accounts: string[] = [];
  beforeAll(async () => {
    fixture = await openLinkStoreFixture(backend);
    store = createIdempotencyStore(fixture.database.db);
  });
  afterAll(async () => {
    // The fixture removes its accounts; their keys go first (foreign key).
    await fixture.database.db
      .delete(idempotencyKeys)
      .where(inArray(idempotencyKeys.accountId, accounts));
    await fixture.close();
  });
  const newAccount = async () => {
    const id = await fixture.newAccount();
    accounts.push(id);
    return id;
  };

  it('claims once; then replays the kept answer, refuses another request or a running one', async () => {
    const account = await newAccount();
    const claim = await store.claim(account, 'k1', 'fp-a', STORE_NOW);
    expect(claim).toEqual({ kind: 'claimed', claimedAt: STORE_NOW });
    expect(await store.claim(account, 'k1', 'fp-a', later(1))).toEqual({ kind: 'in_progress' });
    expect(await store.claim(account, 'k1', 'fp-b', later(1))).toEqual({ kind: 'reused' });
    await store.complete(account, 'k1', STORE_NOW, ANSWER, later(2));
    expect(await store.claim(account, 'k1', 'fp-a', later(3))).toEqual({
      kind: 'replay',
      answer: ANSWER,
    });
    const [row] = await fixture.database.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.accountId, account));
    expect(row).toMatchObject({ responseStatus: 200, completedAt: later(2), createdAt: STORE_NOW });
  });

  it('of many claims of one key at once, exactly one wins', async () => {
    const account = await newAccount();
    const claims = await Promise.all(
      Array.from({ length: 12 }, () => store.claim(account, 'race', 'fp', STORE_NOW)),
    );
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in_progress')).toHaveLength(11);
  });

  it('a released key is free at once; a key older than 24 h is claimed anew', async () => {
    const account = await newAccount();
    await store.claim(account, 'k2', 'fp-a', STORE_NOW);
    await store.release(account, 'k2', STORE_NOW);
    expect((await store.claim(account, 'k2', 'fp-b', later(1))).kind).toBe('claimed');
    await store.complete(account, 'k2', later(1), ANSWER, later(1));
    expect((await store.claim(account, 'k2', 'fp-c', later(1 + IDEMPOTENCY_KEEP_MS))).kind).toBe(
      'reused',
    );
    const fresh = await store.claim(account, 'k2', 'fp-c', later(2 + IDEMPOTENCY_KEEP_MS));
    expect(fresh).toEqual({ kind: 'claimed', claimedAt: later(2 + IDEMPOTENCY_KEEP_MS) });
    // The old claim can no longer write over the new one.
    await store.complete(account, 'k2', later(1), ANSWER, later(3 + IDEMPOTENCY_KEEP_MS));
    await store.release(account, 'k2', later(1));
    expect((await store.claim(account, 'k2', 'fp-c', later(4 + IDEMPOTENCY_KEEP_MS))).kind).toBe(
      'in_progress',
    );
  });

  it('keys are per account', async () => {
    const [a, b] = [await newAccount(), await newAccount()];
    expect((await store.claim(a, 'shared', 'fp', STORE_NOW)).kind).toBe('claimed');
    expect((await store.claim(b, 'shared', 'fp', STORE_NOW)).kind).toBe('claimed');
  });
});
