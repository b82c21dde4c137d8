import { and, eq } from 'drizzle-orm';
import {
  decideOnStoredKey,
  type IdempotencyClaim,
  type IdempotencyStore,
} from '../domain/idempotency/idempotency.ts';
import type { Db } from './database.ts';
import { idempotencyKeys } from './schema.ts';

/** Tries before giving up on a key that is claimed and released again under our feet. */
const MAX_TRIES = 3;

/**
 * Idempotency keys in `idempotency_keys`. A claim is one INSERT … ON CONFLICT DO NOTHING,
 * committed before the request runs: of two requests with one key, exactly one inserts.
 */
export function createIdempotencyStore(db: Db): IdempotencyStore {
  const ofKey = (accountId: string, key: string) =>
    and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key));
  const ofClaim = (accountId: string, key: string, claimedAt: Date) =>
    and(ofKey(accountId, key), eq(idempotencyKeys.createdAt, claimedAt));

  return {
    async claim(accountId, key, fingerprint, now): Promise<IdempotencyClaim> {
      for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
        const [inserted] = await db
          .insert(idempotencyKeys)
          .values({ accountId, key, requestFingerprint: fingerprint, createdAt: now })
          .onConflictDoNothing()
          .returning({ createdAt: idempotencyKeys.createdAt });
        if (inserted) return { kind: 'claimed', claimedAt: now };
        const [row] = await db.select().from(idempotencyKeys).where(ofKey(accountId, key));
        if (!row) continue; // released between the two statements: try the insert again
        const answer =
          row.responseStatus !== null && row.responseBody !== null
            ? { status: row.responseStatus, body: row.responseBody }
            : null;
        const decision = decideOnStoredKey(
          { fingerprint: row.requestFingerprint, answer, createdAt: row.createdAt },
          fingerprint,
          now,
        );
        if (decision.kind !== 'reclaim') return decision;
        // Taken over only if nobody else took it since it was read (same created_at).
        const [taken] = await db
          .update(idempotencyKeys)
          .set({
            requestFingerprint: fingerprint,
            responseStatus: null,
            responseBody: null,
            createdAt: now,
            completedAt: null,
          })
          .where(ofClaim(accountId, key, row.createdAt))
          .returning({ createdAt: idempotencyKeys.createdAt });
        if (taken) return { kind: 'claimed', claimedAt: now };
      }
      return { kind: 'in_progress' };
    },
    async complete(accountId, key, claimedAt, answer, at) {
      await db
        .update(idempotencyKeys)
        .set({ responseStatus: answer.status, responseBody: answer.body, completedAt: at })
        .where(ofClaim(accountId, key, claimedAt));
    },
    async release(accountId, key, claimedAt) {
      await db.delete(idempotencyKeys).where(ofClaim(accountId, key, claimedAt));
    },
  };
}
